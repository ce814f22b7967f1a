using System.Diagnostics;
using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Bench;

/// <summary>
/// Subtree queries at a stated number of units: the closure table the application uses, against a recursive CTE over
/// parent links as the reference, measured in the same run on the same database. Prints medians and the ratio.
/// </summary>
public static class SubtreeBench
{
    public static async Task RunAsync(CenturionDb db, int totalUnits, int repeats)
    {
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await Hierarchy.LoadReferenceAsync(db);
        var counties = await db.Units.Where(u => u.Level == UnitLevel.County).OrderBy(u => u.Code).ToListAsync();
        var perCounty = Math.Max(0, (totalUnits - await db.Units.CountAsync()) / counties.Count);
        await Hierarchy.AddManyAsync(db,
            from c in counties from i in Enumerable.Range(1, perCounty)
            select new Unit { Code = $"{c.Code}{i:000}", Parent = c, Level = UnitLevel.Station, NameZh = $"第{i}派出所" });
        await db.SaveChangesAsync();
        var units = await db.Units.CountAsync();
        Console.WriteLine($"{db.Database.ProviderName}: {units} units, {await db.UnitLinks.CountAsync()} closure rows, {repeats} runs each");

        var roots = new[] { "510000", "510100", "510104" };
        foreach (var code in roots)
        {
            var root = await db.Units.SingleAsync(u => u.Code == code);
            var closure = () => CallerScope.Subtree(db, root.Id).Select(u => u.Id).ToListAsync();
            var cte = () => db.Database.SqlQueryRaw<int>(Cte, root.Id).ToListAsync();
            var a = (await closure()).Order().ToList();
            var b = (await cte()).Order().ToList();
            if (!a.SequenceEqual(b)) throw new InvalidOperationException($"The two methods disagree on the subtree of {code}.");
            Report($"subtree of {code} ({a.Count} units)", await TimeAsync(closure, repeats), await TimeAsync(cte, repeats));
        }

        // The commonest check: is this one unit inside the caller's subtree?
        var province = await db.Units.SingleAsync(u => u.Code == "510000");
        var target = await db.Units.OrderBy(u => u.Id).LastAsync();
        Report("is one unit in the province's subtree", 
            await TimeAsync(() => db.UnitLinks.AnyAsync(l => l.AncestorId == province.Id && l.DescendantId == target.Id), repeats),
            await TimeAsync(() => db.Database.SqlQueryRaw<int>(Cte, province.Id).AnyAsync(id => id == target.Id), repeats));
    }

    private const string Cte = """
        WITH RECURSIVE sub(id) AS (SELECT "Id" FROM "Units" WHERE "Id" = {0} UNION ALL SELECT u."Id" FROM "Units" u JOIN sub ON u."ParentId" = sub.id)
        SELECT id AS "Value" FROM sub
        """;

    private static async Task<double> TimeAsync<T>(Func<Task<T>> query, int repeats)
    {
        for (var i = 0; i < 5; i++) await query();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            await query();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }

    private static void Report(string what, double closureMs, double cteMs) =>
        Console.WriteLine($"  {what,-44} closure {closureMs,8:F3} ms   recursive CTE {cteMs,8:F3} ms   closure/CTE {closureMs / cteMs,5:F2}");
}
