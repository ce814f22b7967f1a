using Centurion.Features.Reporting;
using Centurion.Infrastructure;
using static Centurion.Features.Demo.DemoShape;

namespace Centurion.Features.Demo;

public sealed record PlannedRevision(int Number, RevisionStatus Status, bool Effective, long[] Values, string? Reason,
    string CreatedBy, DateTime CreatedUtc, string SubmittedBy, DateTime SubmittedUtc, string? DecidedBy, DateTime? DecidedUtc);

/// <summary>One county's daily report as the demo writes it; <see cref="PlannedRevision.Values"/> follow <see cref="DemoReportPlan.Indicators"/>.</summary>
public sealed record PlannedReport(DemoCounty County, DateOnly Day, DateTime DeadlineUtc, DateTime FirstSubmittedUtc, bool Late, bool Nil,
    int Version, PlannedRevision[] Revisions)
{
    public PlannedRevision Effective => Revisions.Single(r => r.Effective);
}

/// <summary>
/// The counties' daily reports for the demo campaign (25 June – 30 September 2022) and, as the approved baseline for
/// year-on-year comparison, for 1 June – 30 September 2021. Each figure is shaped per county (size, urban or rural) and
/// per day (campaign phase, weekday, summer nights), then split exactly: the bulletin's totals for 25 June – 20 July
/// 2022 over that window's reports, other stretches by their natural size. Most reports arrive before 10:00 the next
/// day; some are late, a few missing (no report at all), remote counties file some nil returns, and a few were
/// corrected after approval. Pure.
/// </summary>
public static class DemoReportPlan
{
    public static readonly DateOnly BaselineStart = new(2021, 6, 1);
    public static readonly DateOnly BaselineEnd = new(2021, 9, 30);

    private sealed record Figure(string Code, long WindowTotal, double[] Weekday, double Level2021, double RuralFactor, double UrbanFactor, double Jitter);

    /// <summary>The campaign's reported indicators; the window totals not in the bulletin are the demo's own choice.</summary>
    private static readonly Figure[] Figures =
    [
        new("police-deployments", DemoFigures.PoliceDeployments, [1, 1, 1, 1, 1.08, 1.12, 1.04], 0.55, 1.0, 1.0, 0.2),
        new("patrols", 126_000, [0.97, 0.97, 0.97, 0.98, 1.08, 1.12, 1.02], 0.7, 1.0, 1.0, 0.2),
        new("social-forces", DemoFigures.SocialForces, [0.95, 0.95, 0.95, 0.97, 1.05, 1.12, 1.1], 0.45, 1.25, 1.0, 0.25),
        new("disputes-screened", 21_400, [1.05, 1.05, 1.05, 1.05, 1.0, 0.9, 0.85], 0.85, 1.2, 1.0, 0.3),
        new("disputes-resolved", DemoFigures.DisputesResolved, [], 0, 1, 1, 0),
        new("night-operations", DemoFigures.NightOperations, [0.8, 0.8, 0.85, 0.9, 1.35, 1.45, 0.95], 0.35, 1.0, 1.3, 0.4),
        new("key-places-checked", 41_600, [0.9, 0.9, 0.95, 0.95, 1.15, 1.25, 1.0], 0.5, 1.0, 1.2, 0.3),
    ];

    public static readonly string[] Indicators = [.. Figures.Select(f => f.Code)];
    private static readonly int Screened = Array.IndexOf(Indicators, "disputes-screened");
    private static readonly int Resolved = Array.IndexOf(Indicators, "disputes-resolved");

    /// <summary>Share of disputes screened that are resolved, in the campaign and in 2021.</summary>
    private const double ResolvedRate2022 = 18_000.0 / 21_400, ResolvedRate2021 = 0.78;

    private static readonly string[] CorrectionReasons =
    [
        "夜间巡逻警力人次漏统计，补报更正。", "录入时数字位数有误，已核对台账更正。", "两个派出所数据重复汇总，剔除重复后更正。",
        "群防群治力量人次误填为人数，按人次更正。", "重点场所检查数漏报一个派出所，补报更正。",
    ];

    /// <summary>The days reported: the 2021 baseline, then the campaign.</summary>
    public static IEnumerable<DateOnly> Days()
    {
        for (var d = BaselineStart; d <= BaselineEnd; d = d.AddDays(1)) yield return d;
        for (var d = DemoFigures.CampaignStart; d <= DemoFigures.CampaignEnd; d = d.AddDays(1)) yield return d;
    }

    /// <summary>Stretches whose totals are set separately; the window (index 3) is the bulletin's.</summary>
    private static int Segment(DateOnly d) =>
        d.Year == 2021 ? (d < DemoFigures.YearBeforeStart ? 0 : d <= DemoFigures.YearBeforeEnd ? 1 : 2) : DemoFigures.InWindow(d) ? 3 : 4;
    private const int WindowSegment = 3, Segments = 5;

    private sealed class Cell(DemoCounty county, DateOnly day, int segment)
    {
        public DemoCounty County { get; } = county;
        public DateOnly Day { get; } = day;
        public int Segment { get; } = segment;
        public bool Nil { get; set; }
        public bool Late { get; set; }
        public bool Corrected { get; set; }
        public bool Pending { get; set; }
        public long[] Values { get; } = new long[Figures.Length];
    }

    public static List<PlannedReport> Make(IReadOnlyList<DemoCounty> counties, ulong seed = DemoRandom.DefaultSeed)
    {
        var weights = CountyWeights(counties);
        var cells = new List<Cell>();
        foreach (var day in Days())
            foreach (var county in counties)
            {
                var rng = DemoRandom.For(seed, "report", long.Parse(county.Code), day.DayNumber);
                var teething = day < DemoFigures.CampaignStart.AddDays(3) && day >= DemoFigures.CampaignStart ? 2.5 : 1.0;
                if (rng.Chance((county.Remote ? 0.012 : 0.002) * teething)) continue; // missing: no report at all
                var cell = new Cell(county, day, Segment(day))
                {
                    Nil = county.Remote && rng.Chance(0.06),
                    Late = rng.Chance((county.Remote ? 0.07 : 0.02) * teething),
                    Pending = rng.Chance(0.002),
                };
                cell.Corrected = !cell.Nil && !cell.Pending && rng.Chance(0.006);
                cells.Add(cell);
            }

        for (var f = 0; f < Figures.Length; f++)
            if (f != Resolved) Spread(f, cells, weights, seed);
        SpreadResolved(cells, seed);
        return [.. cells.Select(c => Plan(c, seed))];
    }

    /// <summary>Campaign phases in 2022 (mobilisation builds up, the crackdown peaks in July, consolidation and summary
    /// ease off); an ordinary summer in 2021 at a fraction of the campaign's level.</summary>
    private static double DayShape(Figure f, DateOnly d)
    {
        var weekday = f.Weekday[Weekday(d)];
        if (d.Year == 2021) return weekday * f.Level2021 * Season(d, 0.9);
        var phase = d.Month == 6 ? 0.70 + 0.05 * (d.Day - 25)
            : d.Month == 7 ? 1.05 : d.Month == 8 ? 1.0 : d.Day <= 25 ? 0.88 : 0.75;
        return weekday * phase;
    }

    private static void Spread(int f, List<Cell> cells, IReadOnlyDictionary<string, double> countyWeights, ulong seed)
    {
        var figure = Figures[f];
        var weights = new double[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (c.Nil) continue;
            var local = c.County.NameZh.EndsWith('县') ? figure.RuralFactor : c.County.NameZh.EndsWith('区') ? figure.UrbanFactor : 1.0;
            weights[i] = countyWeights[c.County.Code] * local * DayShape(figure, c.Day)
                * DemoRandom.For(seed, figure.Code, long.Parse(c.County.Code), c.Day.DayNumber).Jitter(figure.Jitter);
        }
        var totals = SegmentTotals(cells, weights, figure.WindowTotal);
        for (var s = 0; s < Segments; s++)
        {
            var members = Enumerable.Range(0, cells.Count).Where(i => cells[i].Segment == s).ToArray();
            var split = Apportion.Systematic(totals[s], [.. members.Select(i => weights[i])], DemoRandom.For(seed, figure.Code + "-offset", s).NextDouble());
            for (var k = 0; k < members.Length; k++) cells[members[k]].Values[f] = split[k];
        }
    }

    /// <summary>The window's total as given; every other stretch in proportion to its weight against the window's.</summary>
    private static long[] SegmentTotals(List<Cell> cells, double[] weights, long windowTotal)
    {
        var sums = new double[Segments];
        for (var i = 0; i < cells.Count; i++) sums[cells[i].Segment] += weights[i];
        return [.. sums.Select((s, i) => i == WindowSegment ? windowTotal : (long)Math.Round(windowTotal * s / sums[WindowSegment], MidpointRounding.AwayFromZero))];
    }

    /// <summary>
    /// Disputes resolved follow disputes screened: each stretch's total is split over the counties by what they screened
    /// in it (so no county resolves more than it screened), then over each county's days, and finally held under the
    /// running total screened since the start of the year's reporting, as the submission rule demands.
    /// </summary>
    private static void SpreadResolved(List<Cell> cells, ulong seed)
    {
        var screenedBySegment = new double[Segments];
        foreach (var c in cells) screenedBySegment[c.Segment] += c.Values[Screened];
        for (var s = 0; s < Segments; s++)
        {
            var total = s == WindowSegment ? DemoFigures.DisputesResolved
                : (long)Math.Round(screenedBySegment[s] * (s < WindowSegment ? ResolvedRate2021 : ResolvedRate2022), MidpointRounding.AwayFromZero);
            var byCounty = cells.Where(c => c.Segment == s).GroupBy(c => c.County.Code).OrderBy(g => g.Key).Select(g => g.OrderBy(c => c.Day).ToList()).ToList();
            var countyTotals = Apportion.LargestRemainder(total, [.. byCounty.Select(g => (double)g.Sum(c => c.Values[Screened]))]);
            for (var k = 0; k < byCounty.Count; k++)
            {
                var days = byCounty[k];
                var rng = DemoRandom.For(seed, "resolved", long.Parse(days[0].County.Code), s);
                var split = Apportion.LargestRemainder(countyTotals[k], [.. days.Select(c => c.Values[Screened] * rng.Jitter(0.3))]);
                for (var i = 0; i < days.Count; i++) days[i].Values[Resolved] = split[i];
            }
        }
        foreach (var year in cells.GroupBy(c => (c.County.Code, c.Day.Year)))
        {
            var days = year.OrderBy(c => c.Day).ToList();
            var held = Apportion.UnderRunningCap([.. days.Select(c => c.Values[Resolved])], [.. days.Select(c => c.Values[Screened])]);
            for (var i = 0; i < days.Count; i++) days[i].Values[Resolved] = held[i];
        }
    }

    private static PlannedReport Plan(Cell c, ulong seed)
    {
        var rng = DemoRandom.For(seed, "report-times", long.Parse(c.County.Code), c.Day.DayNumber);
        var dayStart = ProvinceTime.StartUtc(c.Day);
        var deadline = ProvinceTime.StartUtc(c.Day.AddDays(1)).AddHours(10);
        // On time: the same evening or early next morning. Late: later next day, now and then the day after.
        var submitted = c.Late
            ? (rng.Chance(0.85) ? deadline.AddMinutes(rng.Between(8, 480)) : deadline.AddHours(23).AddMinutes(rng.Between(0, 300)))
            : rng.Chance(0.3) ? dayStart.AddHours(20).AddMinutes(rng.Between(0, 230)) : dayStart.AddHours(31).AddMinutes(rng.Between(0, 165));
        var reporter = Reporter(c.County);
        var reviewer = Reviewer(c.County);
        var values = c.Values;
        var created = submitted.AddMinutes(-rng.Between(5, 90));
        var decided = submitted.AddMinutes(rng.Between(30, 360));
        if (c.Pending)
            return new(c.County, c.Day, deadline, submitted, c.Late, c.Nil, 2,
                [new(1, RevisionStatus.Submitted, true, values, null, reporter, created, reporter, submitted, null, null)]);
        if (!c.Corrected)
            return new(c.County, c.Day, deadline, submitted, c.Late, c.Nil, 3,
                [new(1, RevisionStatus.Approved, true, values, null, reporter, created, reporter, submitted, reviewer, decided)]);

        // A correction after approval: the first figures were wrong in one of the counted-by-hand indicators.
        var wrong = (long[])values.Clone();
        var which = rng.Next(4) switch { 0 => 0, 1 => 1, 2 => 2, _ => Figures.Length - 1 };
        var slip = Math.Max(1, (long)(values[which] * (0.1 + 0.4 * rng.NextDouble())));
        wrong[which] = rng.Chance(0.5) || values[which] < slip ? values[which] + slip : values[which] - slip;
        var reopened = decided.AddDays(rng.Between(1, 6)).AddMinutes(rng.Between(0, 600));
        var resubmitted = reopened.AddMinutes(rng.Between(20, 120));
        return new(c.County, c.Day, deadline, submitted, c.Late, c.Nil, 7,
        [
            new(1, RevisionStatus.Approved, false, wrong, null, reporter, created, reporter, submitted, reviewer, decided),
            new(2, RevisionStatus.Approved, true, values, CorrectionReasons[rng.Next(CorrectionReasons.Length)], reporter, reopened,
                reporter, resubmitted, reviewer, resubmitted.AddMinutes(rng.Between(40, 480))),
        ]);
    }

    /// <summary>Demo users sign the reports of their own units, so that their pages show their own history.</summary>
    private static string Reporter(DemoCounty county) => county.Code == "510104" ? "jinjiang" : $"reporter-{county.Code}";

    private static string Reviewer(DemoCounty county) => county.PrefectureCode switch
    {
        "510100" => "chengdu",
        "510700" => "mianyang",
        var p => $"reviewer-{p}",
    };
}
