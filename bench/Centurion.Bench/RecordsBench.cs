using System.Diagnostics;
using System.Globalization;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Records;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Bench;

/// <summary>
/// Case-record import of a generated CSV into a fresh database, against a reference measured in the same run on the same
/// file: reading and parsing it with the importer's own row source and row checks, storing nothing. The ratio is the cost
/// of everything else (scope, duplicate check, the second pass, the database). Also prints the process's peak working set.
/// </summary>
public static class RecordsBench
{
    public static async Task RunAsync(CenturionDb db, int rows)
    {
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await Hierarchy.LoadReferenceAsync(db);
        var counties = await db.Units.Where(u => u.Level == UnitLevel.County).OrderBy(u => u.Code).ToListAsync();
        await Hierarchy.AddManyAsync(db,
            from c in counties from i in Enumerable.Range(1, 4)
            select new Unit { Code = $"{c.Code}{i:000}", Parent = c, Level = UnitLevel.Station, NameZh = $"第{i}派出所" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var codes = await db.Units.Where(u => u.Level == UnitLevel.Station || u.Level == UnitLevel.County).Select(u => u.Code).OrderBy(c => c).ToArrayAsync();

        var file = Path.Combine(Path.GetTempPath(), "centurion-bench-records.csv");
        Generate(file, rows, codes);
        Console.WriteLine($"{db.Database.ProviderName}: {rows:N0} rows, {new FileInfo(file).Length / 1e6:F0} MB CSV, {codes.Length} units used");

        var scope = new CallerScope(new HttpContextAccessor());
        scope.ActFor(await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync(), null, Roles.CampaignOffice);
        var units = await scope.Units(db).ToDictionaryAsync(u => u.Code, u => u.Id);

        var sw = Stopwatch.StartNew();
        var parsed = ReadAndParse(file, units);
        var reference = sw.Elapsed.TotalSeconds;
        if (parsed != rows) throw new InvalidOperationException($"Parsed {parsed} rows of {rows}.");
        Report("reference: read + parse only", rows, reference, reference);

        sw.Restart();
        var first = await RecordImporter.ImportAsync(db, scope, file, "bench.csv", dryRun: false, default);
        Check(first, rows, inserted: rows);
        Report("import, all new (insert)", rows, sw.Elapsed.TotalSeconds, reference);

        sw.Restart();
        var again = await RecordImporter.ImportAsync(db, scope, file, "bench.csv", dryRun: false, default);
        Check(again, rows, inserted: 0);
        Report("re-import, all unchanged", rows, sw.Elapsed.TotalSeconds, reference);
        File.Delete(file);
    }

    private static int ReadAndParse(string file, IReadOnlyDictionary<string, int> units)
    {
        var errors = new List<RowError>();
        int[]? positions = null;
        var count = 0;
        foreach (var (number, cells) in RowSource.Read(file))
        {
            if (positions is null) { positions = RecordRows.ReadHeader(cells).Positions!; continue; }
            if (RecordRows.Parse(number, cells, positions, units, errors) is not null) count++;
        }
        return count;
    }

    private static void Check(ImportResult result, int rows, int inserted)
    {
        if (result.Summary is not { } s) throw new InvalidOperationException($"Refused: {string.Join("; ", result.Errors.Take(5).Select(e => $"row {e.Row} {e.Column}: {e.Message.En}"))}");
        if (s.Rows != rows || s.Inserted != inserted) throw new InvalidOperationException($"Unexpected counts: {s}");
    }

    private static void Report(string what, int rows, double seconds, double reference) =>
        Console.WriteLine($"  {what,-32} {seconds,7:F1} s  {rows / seconds,10:N0} rows/s  {seconds / reference,5:F1}× reference  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,6:N0} MB");

    private static readonly string[] Categories = ["theft", "fraud", "robbery", "affray", "intentional-injury", "gambling", "disturbing-order", "carrying-controlled-instrument"];
    private static readonly string[] Places = RecordRows.PlaceTypes;
    private static readonly string[] Victims = ["", "", "", "women", "children", "elderly", "women;students", "elderly;disabled"];

    /// <summary>Realistic-looking rows: a year of cases across every county and station, about two in three solved.</summary>
    internal static void Generate(string file, int rows, string[] codes)
    {
        var random = new Random(2022);
        using var writer = new StreamWriter(file);
        writer.WriteLine(string.Join(",", RecordRows.Columns));
        var start = new DateOnly(2022, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var filed = start.AddDays(random.Next(365));
            var solved = random.Next(3) == 0 ? "" : filed.AddDays(random.Next(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var suspects = solved.Length == 0 ? 0 : random.Next(1, 4);
            writer.WriteLine($"SC-{i:D8},{(random.Next(5) < 3 ? "criminal" : "public-order")},{codes[random.Next(codes.Length)]},{Categories[random.Next(Categories.Length)]},"
                + $"{filed:yyyy-MM-dd},{solved},{suspects},{Places[random.Next(Places.Length)]},{Victims[random.Next(Victims.Length)]},{(random.Next(40) == 0 ? "true" : "false")}");
        }
    }
}
