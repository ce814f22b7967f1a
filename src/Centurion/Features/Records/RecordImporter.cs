using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Records;

/// <summary>
/// Imports case records all or nothing (<see cref="Import"/>): pass 1 checks every row without keeping them; pass 2 writes them
/// a batch at a time.
/// </summary>
public static class RecordImporter
{
    public static readonly string[] AllowedRoles = [Roles.CampaignOffice, Roles.UnitLeader, Roles.Reporter];
    public const string BatchKind = "records";
    public const int BatchSize = 1000;

    /// <summary>Saves an uploaded file to a temporary file (the importer reads it twice) and imports it.</summary>
    public static async Task<ImportResult<ImportSummary>> ImportUploadAsync(CenturionDb db, CallerScope scope, IFormFile file, bool dryRun, CancellationToken ct)
    {
        scope.Require(AllowedRoles);
        return await Files.WithTempCopyAsync(file, path => ImportAsync(db, scope, path, Path.GetFileName(file.FileName), dryRun, ct), ct);
    }

    public static async Task<ImportResult<ImportSummary>> ImportAsync(CenturionDb db, CallerScope scope, string path, string fileName, bool dryRun, CancellationToken ct)
    {
        scope.Require(AllowedRoles);
        var units = await scope.Units(db).Select(u => new { u.Code, u.Id }).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        return await Import.RunAsync(db, new ImportFile(path, fileName, BatchKind), new Checker(units), new Writer(db, units.Values.ToHashSet()),
            dryRun, ct);
    }

    /// <summary>Every row, every column. Ids are remembered by a 64-bit hash (a fraction of the memory of the ids themselves);
    /// a hash seen twice is confirmed against the first row's id by re-reading it, so the check stays exact.</summary>
    private sealed class Checker(IReadOnlyDictionary<string, int> units) : IRowChecker<(int Row, ParsedRecord Record)>
    {
        private int[] _positions = [];
        private readonly List<RowError> _rowErrors = [];
        private readonly Dictionary<ulong, int> _firstRowOfId = [];
        private readonly List<(int Row, int FirstRow, string Id)> _possibleRepeats = [];

        public RowError? ReadHeader(SourceRow header)
        {
            var (positions, error) = RecordRows.ReadHeader(header.Cells);
            _positions = positions ?? [];
            return error;
        }

        public void Check(SourceRow row, RowErrors errors)
        {
            var (number, cells) = row;
            _rowErrors.Clear();
            RecordRows.Parse(number, cells, _positions, units, _rowErrors);
            foreach (var e in _rowErrors) errors.Add(e);
            var id = _positions[0] < cells.Length ? cells[_positions[0]].Trim() : "";
            if (id.Length == 0) return;
            if (!_firstRowOfId.TryAdd(Fnv1a64(id), number)) _possibleRepeats.Add((number, _firstRowOfId[Fnv1a64(id)], id));
        }

        public void Finish(int rows, Func<IEnumerable<SourceRow>> reread, RowErrors errors)
        {
            if (rows == 0) errors.Add(new RowError(2, "(rows)", "", new("文件只有表头，没有记录。", "The file has a header but no records.")));
            if (_possibleRepeats.Count == 0) return;
            var wanted = _possibleRepeats.Select(p => p.FirstRow).ToHashSet();
            var idAt = new Dictionary<int, string>();
            foreach (var (number, cells) in reread())
                if (wanted.Contains(number)) idAt[number] = cells[_positions[0]].Trim();
            errors.AddSorted([.. _possibleRepeats.Where(p => idAt[p.FirstRow] == p.Id)
                .Select(p => new RowError(p.Row, RecordRows.Id, p.Id, new($"编号 {p.Id} 与第 {p.FirstRow} 行重复。", $"The id {p.Id} is already used in row {p.FirstRow}.")))]);
        }

        public (int Row, ParsedRecord Record) Parse(SourceRow row) =>
            (row.Number, RecordRows.Parse(row.Number, row.Cells, _positions, units, []) ?? throw new InvalidOperationException("The file changed after it was checked."));
    }

    /// <summary>Per batch, existing records are read by id; new ones are inserted with multi-row INSERTs (their ImportBatch is
    /// their audit), changed ones updated through EF so the audit records before and after.</summary>
    private sealed class Writer(CenturionDb db, HashSet<int> unitsInScope) : IRowWriter<(int Row, ParsedRecord Record)>
    {
        public async Task<ImportCounts> WriteAsync(ImportBatch batch, IEnumerable<(int Row, ParsedRecord Record)> rows, RowErrors errors, bool dryRun, CancellationToken ct)
        {
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                using var inserter = new CaseRecordInserter(db);
                // A dry run is rolled back: its facts would be too.
                var facts = dryRun ? null : await RecordFacts.ImportChanges.StartAsync(db, ct);
                int inserted = 0, updated = 0, unchanged = 0;
                foreach (var chunk in rows.Chunk(BatchSize))
                {
                    var ids = chunk.Select(r => r.Record.ExternalId).ToList();
                    var existing = await db.CaseRecords.Where(r => ids.Contains(r.ExternalId)).ToDictionaryAsync(r => r.ExternalId, ct);
                    var fresh = new List<CaseRecord>();
                    foreach (var (row, record) in chunk)
                    {
                        if (!existing.TryGetValue(record.ExternalId, out var stored))
                        {
                            fresh.Add(NewRecord(record, batch.Id));
                            continue;
                        }
                        if (!unitsInScope.Contains(stored.UnitId))
                        {
                            // The id is unique across the province; the caller learns only that it is taken, nothing of the record.
                            errors.Add(new RowError(row, RecordRows.Id, record.ExternalId,
                                new($"编号 {record.ExternalId} 已被您管辖范围以外的记录使用。", $"The id {record.ExternalId} is used by a record outside your scope.")));
                            continue;
                        }
                        var before = RecordFacts.RecordFields.Of(stored);
                        if (Apply(record, stored, batch.Id))
                        {
                            updated++;
                            facts?.Changed(before, stored);
                        }
                        else unchanged++;
                    }
                    if (errors.Count > 0) { db.ChangeTracker.Clear(); continue; }
                    await inserter.InsertAsync(fresh, ct);
                    inserted += fresh.Count;
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    if (facts is not null) await facts.FlushChangesAsync(ct);
                }
                if (errors.Count == 0 && facts is not null) await facts.AddInsertedAsync(batch.Id, ct);
                return new(inserted, updated, unchanged);
            }
            finally { db.ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
        }
    }

    private static CaseRecord NewRecord(ParsedRecord r, long batchId) => new()
    {
        ExternalId = r.ExternalId, Kind = r.Kind, UnitId = r.UnitId, Category = r.Category, FiledOn = r.FiledOn, SolvedOn = r.SolvedOn,
        Suspects = r.Suspects, PlaceType = r.PlaceType, VictimGroups = r.VictimGroups, ControlledInstrument = r.ControlledInstrument,
        ImportBatchId = batchId,
    };

    /// <returns>Whether anything changed. An unchanged record keeps pointing to the import that last wrote it.</returns>
    private static bool Apply(ParsedRecord r, CaseRecord s, long batchId)
    {
        if (s.Kind == r.Kind && s.UnitId == r.UnitId && s.Category == r.Category && s.FiledOn == r.FiledOn && s.SolvedOn == r.SolvedOn
            && s.Suspects == r.Suspects && s.PlaceType == r.PlaceType && s.VictimGroups == r.VictimGroups && s.ControlledInstrument == r.ControlledInstrument)
            return false;
        (s.Kind, s.UnitId, s.Category, s.FiledOn, s.SolvedOn) = (r.Kind, r.UnitId, r.Category, r.FiledOn, r.SolvedOn);
        (s.Suspects, s.PlaceType, s.VictimGroups, s.ControlledInstrument) = (r.Suspects, r.PlaceType, r.VictimGroups, r.ControlledInstrument);
        s.ImportBatchId = batchId;
        return true;
    }

    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }
        return hash;
    }
}
