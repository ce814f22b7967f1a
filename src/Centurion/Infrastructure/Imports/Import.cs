using System.Security.Cryptography;
using Centurion.Data;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Infrastructure.Imports;

/// <param name="Encoding">A CSV file's encoding, <c>UTF-8</c> or <c>GB18030</c> (<see cref="TextEncodings"/>); null for XLSX.</param>
public sealed record ImportSummary(int Rows, int Inserted, int Updated, int Unchanged, bool DryRun, long? BatchId, string? Encoding);

/// <summary>Either a summary of what was stored, or why the whole file was refused (the first errors, and how many there were).</summary>
public sealed record ImportResult<TSummary>(TSummary? Summary, IReadOnlyList<RowError> Errors, int ErrorCount) where TSummary : class
{
    public bool Refused => Summary is null;

    public ImportResult<T> Map<T>(Func<TSummary, T> map) where T : class => new(Summary is null ? null : map(Summary), Errors, ErrorCount);
}

/// <summary>What pass 2 did with the file's rows.</summary>
public readonly record struct ImportCounts(int Inserted, int Updated, int Unchanged);

/// <summary>One file's errors: every one counted, the first <see cref="MaxKept"/> kept to show.</summary>
public sealed class RowErrors
{
    public const int MaxKept = 1000;
    private List<RowError> _kept = [];

    public int Count { get; private set; }
    public IReadOnlyList<RowError> Kept => _kept;

    public void Add(RowError error)
    {
        Count++;
        if (_kept.Count < MaxKept) _kept.Add(error);
    }

    /// <summary>Adds errors found out of row order (e.g. after the last row), keeping the first by row.</summary>
    public void AddSorted(IReadOnlyCollection<RowError> errors)
    {
        Count += errors.Count;
        _kept = [.. _kept.Concat(errors).OrderBy(e => e.Row).Take(MaxKept)];
    }
}

/// <summary>
/// Pass 1 for one kind of file: reads the header and checks every row, storing nothing. One instance per import: it may
/// remember what it saw (to find a key repeated in the file). Pass 2 reads the file again with <see cref="Parse"/>.
/// </summary>
public interface IRowChecker<TRow>
{
    /// <summary>The header row; an error refuses the file. Called again at the start of pass 2.</summary>
    RowError? ReadHeader(SourceRow header);

    /// <summary>Pass 1: every column of one data row, and what spans rows; each problem goes to <paramref name="errors"/>.</summary>
    void Check(SourceRow row, RowErrors errors);

    /// <summary>After the last row of pass 1, for checks that need them all; <paramref name="reread"/> reads the file again.</summary>
    void Finish(int rows, Func<IEnumerable<SourceRow>> reread, RowErrors errors) { }

    /// <summary>Pass 2: a row that passed pass 1, as the writer takes it.</summary>
    TRow Parse(SourceRow row);
}

/// <summary>Pass 2 for one kind of file: writes the rows in the import's transaction.</summary>
public interface IRowWriter<in TRow>
{
    /// <summary>
    /// Writes every row, after the batch row is saved (its id is known). Problems found only now (a key taken outside the
    /// caller's scope, a report in progress) go to <paramref name="errors"/>: then the import is refused and rolled back.
    /// </summary>
    Task<ImportCounts> WriteAsync(ImportBatch batch, IEnumerable<TRow> rows, RowErrors errors, bool dryRun, CancellationToken ct);
}

/// <summary>What is imported: the file on disk (read twice), its name as the user gave it, the batch's kind and campaign.</summary>
public sealed record ImportFile(string Path, string FileName, string Kind, int? CampaignId = null);

/// <summary>
/// The all-or-nothing import of a CSV or XLSX file, in two passes over the file on disk (<see cref="RowSource"/>) so that memory
/// need not grow with the file: pass 1 checks every row and stores nothing; pass 2 runs only when all rows are good, in one
/// transaction that first saves the <see cref="ImportBatch"/>. A dry run does pass 2 too, for true counts, and rolls it back.
/// </summary>
public static class Import
{
    public static async Task<ImportResult<ImportSummary>> RunAsync<TRow>(CenturionDb db, ImportFile file, IRowChecker<TRow> checker,
        IRowWriter<TRow> writer, bool dryRun, CancellationToken ct = default)
    {
        var errors = new RowErrors();
        string? encoding = null;
        if (!RowSource.IsXlsx(file.Path))
        {
            var (name, line, refusal) = TextEncodings.Detect(file.Path);
            if (refusal is not null) return new(null, [new RowError(line, "(file)", "", refusal)], 1);
            encoding = name;
        }
        var rows = Check(file.Path, encoding, checker, errors);
        if (errors.Count > 0) return new(null, errors.Kept, errors.Count);

        var sha256 = await Sha256Async(file.Path, ct);
        // Kept only when pass 2 found nothing more and this is no dry run; otherwise all of it is rolled back.
        return await db.InTransactionAsync(async ct =>
        {
            var batch = new ImportBatch
            {
                Kind = file.Kind, FileName = file.FileName, Sha256 = sha256, Actor = db.Actor.Name,
                AtUtc = db.Clock.GetUtcNow().UtcDateTime, CampaignId = file.CampaignId, Rows = rows,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);

            var counts = await writer.WriteAsync(batch, Parsed(file.Path, encoding, checker), errors, dryRun, ct);
            if (errors.Count > 0) return new ImportResult<ImportSummary>(null, errors.Kept, errors.Count);
            if (db.Entry(batch).State == EntityState.Detached) db.ImportBatches.Attach(batch);
            (batch.Inserted, batch.Updated, batch.Unchanged) = (counts.Inserted, counts.Updated, counts.Unchanged);
            await db.SaveChangesAsync(ct);
            return new ImportResult<ImportSummary>(new(rows, counts.Inserted, counts.Updated, counts.Unchanged, dryRun, dryRun ? null : batch.Id, encoding), [], 0);
        }, r => r.Summary is { DryRun: false }, ct);
    }

    /// <summary>Pass 1. Returns the number of data rows.</summary>
    private static int Check<TRow>(string path, string? encoding, IRowChecker<TRow> checker, RowErrors errors)
    {
        using var rows = RowSource.Read(path, encoding).GetEnumerator();
        if (!rows.MoveNext())
        {
            errors.Add(new RowError(1, "(header)", "", new("文件是空的。", "The file is empty.")));
            return 0;
        }
        if (checker.ReadHeader(rows.Current) is { } headerError)
        {
            errors.Add(headerError);
            return 0;
        }
        var count = 0;
        while (rows.MoveNext())
        {
            count++;
            checker.Check(rows.Current, errors);
        }
        checker.Finish(count, () => RowSource.Read(path, encoding), errors);
        return count;
    }

    /// <summary>Pass 2's rows: the file again, every row known to be good.</summary>
    private static IEnumerable<TRow> Parsed<TRow>(string path, string? encoding, IRowChecker<TRow> checker)
    {
        var header = true;
        foreach (var row in RowSource.Read(path, encoding))
        {
            if (header)
            {
                if (checker.ReadHeader(row) is not null) throw new InvalidOperationException("The file changed after it was checked.");
                header = false;
                continue;
            }
            yield return checker.Parse(row);
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
