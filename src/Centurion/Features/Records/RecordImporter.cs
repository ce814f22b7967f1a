using System.Security.Cryptography;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Records;

public sealed record ImportSummary(int Rows, int Inserted, int Updated, int Unchanged, bool DryRun, long? BatchId);

/// <summary>Either a summary of what was stored, or why the whole file was refused (the first errors, and how many there were).</summary>
public sealed record ImportResult(ImportSummary? Summary, IReadOnlyList<RowError> Errors, int ErrorCount)
{
    public bool Refused => Summary is null;
}

/// <summary>
/// Imports case records all or nothing, in two passes over the file on disk so that memory does not grow with the file:
/// pass 1 checks every row and stores nothing; pass 2 runs only when all rows are good and writes them in one transaction,
/// a batch at a time. A dry run does pass 2 too, for true counts, and rolls it back.
/// </summary>
public static class RecordImporter
{
    public static readonly string[] AllowedRoles = [Roles.CampaignOffice, Roles.UnitLeader, Roles.Reporter];
    public const string BatchKind = "records";
    public const int MaxErrors = 1000;
    public const int BatchSize = 1000;

    /// <summary>Saves an uploaded file to a temporary file (the importer reads it twice) and imports it.</summary>
    public static async Task<ImportResult> ImportUploadAsync(CenturionDb db, CallerScope scope, IFormFile file, bool dryRun, CancellationToken ct)
    {
        scope.Require(AllowedRoles);
        return await Files.WithTempCopyAsync(file, path => ImportAsync(db, scope, path, Path.GetFileName(file.FileName), dryRun, ct), ct);
    }

    public static async Task<ImportResult> ImportAsync(CenturionDb db, CallerScope scope, string path, string fileName, bool dryRun, CancellationToken ct)
    {
        scope.Require(AllowedRoles);
        var units = await scope.Units(db).Select(u => new { u.Code, u.Id }).ToDictionaryAsync(u => u.Code, u => u.Id, ct);

        var check = Check(path, units);
        if (check.ErrorCount > 0) return new ImportResult(null, check.Errors, check.ErrorCount);
        return await StoreAsync(db, path, fileName, check.Rows, units, dryRun, ct);
    }

    private sealed record CheckResult(int Rows, List<RowError> Errors, int ErrorCount);

    /// <summary>Pass 1: every row, every column. Ids are remembered by a 64-bit hash (a fraction of the memory of the ids
    /// themselves); a hash seen twice is confirmed against the first row's id by re-reading it, so the check stays exact.</summary>
    private static CheckResult Check(string path, IReadOnlyDictionary<string, int> units)
    {
        var errors = new List<RowError>();
        var errorCount = 0;
        var rowErrors = new List<RowError>();
        void Report(RowError e)
        {
            errorCount++;
            if (errors.Count < MaxErrors) errors.Add(e);
        }

        using var rows = RowSource.Read(path).GetEnumerator();
        if (!rows.MoveNext())
            return new CheckResult(0, [new RowError(1, "(header)", "", new("文件是空的。", "The file is empty."))], 1);
        var (positions, headerError) = RecordRows.ReadHeader(rows.Current.Cells);
        if (headerError is not null) return new CheckResult(0, [headerError], 1);

        var firstRowOfId = new Dictionary<ulong, int>();
        var possibleRepeats = new List<(int Row, int FirstRow, string Id)>();
        var count = 0;
        while (rows.MoveNext())
        {
            var (number, cells) = rows.Current;
            count++;
            rowErrors.Clear();
            RecordRows.Parse(number, cells, positions!, units, rowErrors);
            foreach (var e in rowErrors) Report(e);
            var id = positions![0] < cells.Length ? cells[positions[0]].Trim() : "";
            if (id.Length == 0) continue;
            if (!firstRowOfId.TryAdd(Fnv1a64(id), number)) possibleRepeats.Add((number, firstRowOfId[Fnv1a64(id)], id));
        }
        if (count == 0) Report(new RowError(2, "(rows)", "", new("文件只有表头，没有记录。", "The file has a header but no records.")));

        if (possibleRepeats.Count > 0)
        {
            var wanted = possibleRepeats.Select(p => p.FirstRow).ToHashSet();
            var idAt = new Dictionary<int, string>();
            foreach (var (number, cells) in RowSource.Read(path))
                if (wanted.Contains(number)) idAt[number] = cells[positions![0]].Trim();
            var repeats = possibleRepeats.Where(p => idAt[p.FirstRow] == p.Id)
                .Select(p => new RowError(p.Row, RecordRows.Id, p.Id, new($"编号 {p.Id} 与第 {p.FirstRow} 行重复。", $"The id {p.Id} is already used in row {p.FirstRow}.")))
                .ToList();
            errorCount += repeats.Count;
            errors = [.. errors.Concat(repeats).OrderBy(e => e.Row).Take(MaxErrors)];
        }
        return new CheckResult(count, errors, errorCount);
    }

    /// <summary>Pass 2: one transaction. Per batch, existing records are read by id; new ones are inserted with multi-row INSERTs
    /// (their ImportBatch is their audit), changed ones updated through EF so the audit records before and after.</summary>
    private static async Task<ImportResult> StoreAsync(CenturionDb db, string path, string fileName, int rowCount,
        IReadOnlyDictionary<string, int> units, bool dryRun, CancellationToken ct)
    {
        var sha256 = await FileSha256Async(path, ct);
        var unitsInScope = units.Values.ToHashSet();
        // Kept only when the file was good and this is no dry run; otherwise all of it is rolled back.
        return await db.InTransactionAsync(async ct =>
        {
            var batch = new ImportBatch
            {
                Kind = BatchKind, FileName = fileName, Sha256 = sha256, Actor = db.Actor.Name, AtUtc = db.Clock.GetUtcNow().UtcDateTime, Rows = rowCount,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);

            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                using var inserter = new CaseRecordInserter(db);
                // A dry run is rolled back: its facts would be too.
                var facts = dryRun ? null : await RecordFacts.ImportChanges.StartAsync(db, ct);
                var conflicts = new List<RowError>();
                int inserted = 0, updated = 0, unchanged = 0;
                foreach (var chunk in ParsedRows(path, units).Chunk(BatchSize))
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
                            if (conflicts.Count < MaxErrors)
                                conflicts.Add(new RowError(row, RecordRows.Id, record.ExternalId,
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
                    if (conflicts.Count > 0) { db.ChangeTracker.Clear(); continue; }
                    await inserter.InsertAsync(fresh, ct);
                    inserted += fresh.Count;
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    if (facts is not null) await facts.FlushChangesAsync(ct);
                }
                if (conflicts.Count > 0) return new ImportResult(null, conflicts, conflicts.Count);

                if (facts is not null) await facts.AddInsertedAsync(batch.Id, ct);
                db.ImportBatches.Attach(batch);
                (batch.Inserted, batch.Updated, batch.Unchanged) = (inserted, updated, unchanged);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return new ImportResult(new ImportSummary(rowCount, inserted, updated, unchanged, dryRun, dryRun ? null : batch.Id), [], 0);
            }
            finally { db.ChangeTracker.AutoDetectChangesEnabled = autoDetect; }
        }, r => r.Summary is { DryRun: false }, ct);
    }

    /// <summary>The file's rows again, all known to be good after pass 1.</summary>
    private static IEnumerable<(int Row, ParsedRecord Record)> ParsedRows(string path, IReadOnlyDictionary<string, int> units)
    {
        int[]? positions = null;
        var errors = new List<RowError>();
        foreach (var (number, cells) in RowSource.Read(path))
        {
            if (positions is null)
            {
                positions = RecordRows.ReadHeader(cells).Positions ?? throw new InvalidOperationException("The file changed after it was checked.");
                continue;
            }
            yield return (number, RecordRows.Parse(number, cells, positions, units, errors) ?? throw new InvalidOperationException("The file changed after it was checked."));
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

    private static async Task<string> FileSha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
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
