using Centurion.Features.Demo;
using Centurion.Features.Records;
using Centurion.Features.Statistics;
using Centurion.Features.Units;

namespace Centurion.Tests.Demo;

/// <summary>The generators alone, in memory: deterministic, exact at the demo's size, and the same shape at any size.</summary>
public class DemoGeneratorTests
{
    /// <summary>The 183 counties of the reference file with made-up ids, and stations as the demo makes them.</summary>
    public static readonly IReadOnlyList<DemoCounty> Counties = [.. Hierarchy.ReferenceLines().Skip(1)
        .Select(l => l.Split(','))
        .Where(c => c.Length >= 5 && c[2] == "county")
        .Select((c, i) => new DemoCounty(10_000 + i, c[0], c[3],
            [.. Enumerable.Range(0, DemoData.StationCount(new Unit { Code = c[0], NameZh = c[3] })).Select(s => 100_000 + i * 10 + s)]))];

    [Fact]
    public void Two_generations_give_identical_reports_and_records()
    {
        static string Reports() => string.Join("\n", DemoReportPlan.Make(Counties).Select(r =>
            $"{r.County.Code} {r.Day} {r.Late} {r.Nil} {r.FirstSubmittedUtc:O} {string.Join("|", r.Revisions.Select(v => $"{v.Number}:{v.Status}:{v.Effective}:{string.Join(",", v.Values)}"))}"));
        static string Records() => string.Join("\n", DemoRecordGenerator.Generate(DemoRecordPlan.Default(), Counties, 1).Select(r =>
            $"{r.ExternalId} {r.Kind} {r.UnitId} {r.Category} {r.FiledOn} {r.SolvedOn} {r.Suspects} {r.PlaceType} {r.VictimGroups} {r.ControlledInstrument}"));

        Assert.Equal(Reports(), Reports());
        Assert.Equal(Records(), Records());
    }

    [Fact]
    public void At_the_demo_size_the_window_figures_are_the_bulletins()
    {
        var reports = DemoReportPlan.Make(Counties).Where(r => DemoFigures.InWindow(r.Day)).ToList();
        long Sum(string code) => reports.Sum(r => r.Effective.Values[Array.IndexOf(DemoReportPlan.Indicators, code)]);
        Assert.Equal((168_000L, 460_000L, 18_000L, 1_125L),
            (Sum("police-deployments"), Sum("social-forces"), Sum("disputes-resolved"), Sum("night-operations")));

        var records = DemoRecordGenerator.Generate(DemoRecordPlan.Default(), Counties, 1).ToList();
        var solvedInWindow = records.Where(r => r.SolvedOn is { } s && DemoFigures.InWindow(s)).ToList();
        Assert.Equal(1_755, solvedInWindow.Sum(r => r.Suspects));
        Assert.Equal(52, solvedInWindow.Count(r => r.ControlledInstrument));
        int Filed(CaseKind kind, Func<DateOnly, bool> when) => records.Count(r => r.Kind == kind && when(r.FiledOn));
        Assert.Equal(-14, DemoFigures.PercentChange(Filed(CaseKind.Criminal, DemoFigures.InWindow), Filed(CaseKind.Criminal, DemoFigures.InYearBefore)));
        Assert.Equal(-36, DemoFigures.PercentChange(Filed(CaseKind.PublicOrder, DemoFigures.InWindow), Filed(CaseKind.PublicOrder, DemoFigures.InPeriodBefore)));
        Assert.Equal(10, DemoFigures.PercentChange(
            records.Count(r => r.Kind == CaseKind.PublicOrder && r.SolvedOn is { } s && DemoFigures.InWindow(s)),
            records.Count(r => r.Kind == CaseKind.PublicOrder && r.SolvedOn is { } s && DemoFigures.InYearBefore(s))));
    }

    [Fact]
    public void Records_are_consistent_and_shaped_like_the_streets()
    {
        var plan = DemoRecordPlan.Default();
        var records = DemoRecordGenerator.Generate(plan, Counties, 1).ToList();

        Assert.Equal(plan.Records, records.Count);
        Assert.Equal(records.Count, records.Select(r => r.ExternalId).Distinct().Count());
        Assert.All(records, r =>
        {
            Assert.True(r.SolvedOn is null ? r.Suspects == 0 : r.Suspects >= 1 && r.SolvedOn >= r.FiledOn, r.ExternalId);
            Assert.Contains(r.PlaceType, RecordRows.PlaceTypes);
            Assert.True(r.Category.Length <= 40);
            Assert.InRange(r.FiledOn, DemoRecordPlan.First, DemoRecordPlan.Last);
        });
        Assert.True(records.All(r => !r.ControlledInstrument || r.SolvedOn is not null), "carrying is found when it is dealt with");
        // Mostly at police stations, some at county level.
        var countyIds = Counties.Select(c => c.UnitId).ToHashSet();
        Assert.InRange(records.Count(r => countyIds.Contains(r.UnitId)) / (double)records.Count, 0.1, 0.2);
        // Summer nights: night-time places take a larger share in July than in January.
        double NightShare(int month) => records.Where(r => r.FiledOn.Month == month).Average(r => r.PlaceType is "bbq-stall" or "night-food-stall" or "bar" or "ktv" ? 1.0 : 0);
        Assert.True(NightShare(7) > 1.2 * NightShare(1), $"July {NightShare(7):P0}, January {NightShare(1):P0}");
        // Public-order cases are a weekend-night affair; criminal cases are filed more on weekdays.
        double PerDay(CaseKind kind, params DayOfWeek[] days) =>
            records.Count(r => r.Kind == kind && days.Contains(r.FiledOn.DayOfWeek)) / (double)days.Length;
        Assert.True(PerDay(CaseKind.PublicOrder, DayOfWeek.Saturday) > 1.15 * PerDay(CaseKind.PublicOrder, DayOfWeek.Monday, DayOfWeek.Tuesday));
        Assert.True(PerDay(CaseKind.Criminal, DayOfWeek.Monday) > PerDay(CaseKind.Criminal, DayOfWeek.Sunday));
        // Victims among vulnerable groups, at believable shares.
        var criminal = records.Where(r => r.Kind == CaseKind.Criminal).ToList();
        Assert.InRange(criminal.Count(r => r.VictimGroups.HasFlag(VictimGroups.Women)) / (double)criminal.Count, 0.1, 0.3);
        Assert.InRange(criminal.Count(r => r.VictimGroups.HasFlag(VictimGroups.Elderly)) / (double)criminal.Count, 0.03, 0.15);
        Assert.InRange(criminal.Count(r => r.VictimGroups.HasFlag(VictimGroups.Children)) / (double)criminal.Count, 0.002, 0.05);
    }

    [Fact]
    public void A_size_option_scales_the_records_with_the_same_shape()
    {
        var standard = DemoRecordPlan.Default();
        var bigger = DemoRecordPlan.OfSize(10_000_000);
        var smaller = DemoRecordPlan.OfSize(5_000);

        Assert.InRange(bigger.Records, 9_900_000, 10_100_000);
        Assert.InRange(smaller.Records, 4_900, 5_100);
        Assert.False(bigger.Exact);
        Assert.True(DemoRecordPlan.OfSize(standard.Records).Exact);
        // The generator streams: count a small plan's records without keeping them.
        Assert.Equal(smaller.Records, DemoRecordGenerator.Generate(smaller, Counties, 1).LongCount());
    }
}
