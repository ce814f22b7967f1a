using System.Diagnostics;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Records;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Bench;

/// <summary>
/// A province-wide statistic over the source's 26 days (25 June–20 July 2022) from facts, against the reference measured in
/// the same run on the same data: counting the raw case records. Records (a year of cases across 915 counties and stations)
/// are imported through the real importer, which keeps the facts; then the facts are rebuilt from scratch and compared.
/// </summary>
public static class StatsBench
{
    public static async Task RunAsync(CenturionDb db, int rows, int repeats)
    {
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await Hierarchy.LoadReferenceAsync(db);
        await IndicatorCatalogue.LoadAsync(db);
        var counties = await db.Units.Where(u => u.Level == UnitLevel.County).OrderBy(u => u.Code).ToListAsync();
        await Hierarchy.AddManyAsync(db,
            from c in counties from i in Enumerable.Range(1, 4)
            select new Unit { Code = $"{c.Code}{i:000}", Parent = c, Level = UnitLevel.Station, NameZh = $"第{i}派出所" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var codes = await db.Units.Where(u => u.Level == UnitLevel.Station || u.Level == UnitLevel.County).Select(u => u.Code).OrderBy(c => c).ToArrayAsync();
        var file = Path.Combine(Path.GetTempPath(), "centurion-bench-stats.csv");
        RecordsBench.Generate(file, rows, codes);

        var province = await db.Units.SingleAsync(u => u.ParentId == null);
        var scope = new CallerScope(new HttpContextAccessor());
        scope.ActFor(province.Id, null, Roles.CampaignOffice);
        var sw = Stopwatch.StartNew();
        var import = await RecordImporter.ImportAsync(db, scope, file, "bench.csv", dryRun: false, default);
        if (import.Summary?.Inserted != rows) throw new InvalidOperationException("The import failed.");
        var importSeconds = sw.Elapsed.TotalSeconds;
        File.Delete(file);
        var facts = await db.DailyFacts.LongCountAsync();
        Console.WriteLine($"{db.Database.ProviderName}: {rows:N0} records imported in {importSeconds:F1} s ({rows / importSeconds:N0} rows/s, facts kept current), {facts:N0} facts");

        var indicator = await db.Indicators.SingleAsync(i => i.Code == "criminal-cases-filed");
        var campaign = new Campaign { Code = "bench", NameZh = "bench" }; // derived figures belong to no campaign
        var window = new Window(new DateOnly(2022, 6, 25), new DateOnly(2022, 7, 20));
        var subtree = db.UnitLinks.Where(l => l.AncestorId == province.Id).Select(l => l.DescendantId);

        Task<long> FromFacts() => db.DailyFacts.Where(f => f.IndicatorId == indicator.Id && f.CampaignId == DailyFact.NoCampaign
            && f.Day >= window.From && f.Day <= window.To && subtree.Contains(f.UnitId)).SumAsync(f => f.Value);
        Task<int> FromRecords() => db.CaseRecords.Where(r => r.Kind == CaseKind.Criminal && r.FiledOn >= window.From && r.FiledOn <= window.To
            && subtree.Contains(r.UnitId)).CountAsync();

        var (referenceMs, expected) = await MedianAsync(repeats, async () => (long)await FromRecords());
        var (factsMs, actual) = await MedianAsync(repeats, FromFacts);
        if (actual != expected) throw new InvalidOperationException($"Facts give {actual}, records {expected}.");
        var (statsMs, _) = await MedianAsync(repeats, async () => (await Stats.ForAsync(db, campaign, province, indicator, window.From, window.To)).Value);
        var (byUnitMs, _) = await MedianAsync(repeats, async () =>
            (await Stats.ForAsync(db, campaign, province, indicator, window.From, window.To, new StatsOptions(Breakdown.Unit))).Value);
        Console.WriteLine($"  province, 26 days, criminal cases filed = {expected:N0}; medians of {repeats}:");
        Console.WriteLine($"  reference: count raw records      {referenceMs,8:F2} ms");
        Console.WriteLine($"  same sum from facts               {factsMs,8:F2} ms  {referenceMs / factsMs,6:F1}× faster");
        Console.WriteLine($"  Stats.ForAsync (3 windows)        {statsMs,8:F2} ms");
        Console.WriteLine($"  Stats.ForAsync, by prefecture     {byUnitMs,8:F2} ms");

        sw.Restart();
        var rebuilt = await Facts.RebuildAsync(db, default);
        Console.WriteLine($"  rebuild-facts                     {sw.Elapsed.TotalSeconds,8:F1} s  ({rebuilt.Facts:N0} facts, {(rebuilt.Facts == facts ? "same count as kept current" : "DIFFERENT COUNT")})");
    }

    private static async Task<(double Ms, long Value)> MedianAsync(int repeats, Func<Task<long>> run)
    {
        var value = await run(); // warm-up
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            value = await run();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[repeats / 2], value);
    }
}
