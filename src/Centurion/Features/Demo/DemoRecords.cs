using Centurion.Features.Records;
using Centurion.Features.Statistics;
using static Centurion.Features.Demo.DemoShape;

namespace Centurion.Features.Demo;

/// <summary>
/// How many case records are filed and solved each day from 1 January 2021 to 30 September 2022, by kind, and how many
/// suspects and controlled-instrument cases the solved ones carry. Shaped day by day (season, weekday, summer nights,
/// Spring Festival, the 2022 June surge of public-order cases, the campaign), then cut into segments around the
/// bulletin's windows: each segment's total is split over its days by largest remainder, and at the demo's size the
/// window totals are set from the bulletin's figures, so they hold exactly. Pure.
/// </summary>
public sealed class DemoRecordPlan
{
    public static readonly DateOnly First = new(2021, 1, 1);
    public static readonly DateOnly Last = DemoFigures.CampaignEnd;
    public static readonly int Days = Last.DayNumber - First.DayNumber + 1;

    public required double Scale { get; init; }
    /// <summary>Whether the bulletin's window figures were imposed (only at scale 1).</summary>
    public required bool Exact { get; init; }
    public required long[] FiledCriminal { get; init; }
    public required long[] FiledPublicOrder { get; init; }
    public required long[] SolvedCriminal { get; init; }
    public required long[] SolvedPublicOrder { get; init; }
    /// <summary>Suspects beyond the first of each solved record, by day solved.</summary>
    public required long[] ExtraSuspects { get; init; }
    public required long[] ControlledInstrument { get; init; }

    public long Records => FiledCriminal.Sum() + FiledPublicOrder.Sum();

    public static DateOnly Day(int index) => First.AddDays(index);

    private static readonly DateOnly[] SegmentStarts =
    [
        First, DemoFigures.YearBeforeStart, DemoFigures.YearBeforeEnd.AddDays(1),
        DemoFigures.PeriodBeforeStart, DemoFigures.WindowStart, DemoFigures.WindowEnd.AddDays(1),
    ];
    private const int YearBefore = 1, PeriodBefore = 3, Window = 4;

    private static readonly double[] CriminalWeekday = [1.06, 1.03, 1.0, 1.0, 1.03, 0.95, 0.93];
    private static readonly double[] PublicOrderWeekday = [0.92, 0.9, 0.92, 0.95, 1.08, 1.2, 1.08];

    /// <summary>The demo's size: about 46,000 records (criminal about 50 a day in 2021, public-order about 25),
    /// about a tenth of what the province really files, so that the suspects caught in the window come to 1,755.</summary>
    public static DemoRecordPlan Default(ulong seed = DemoRandom.DefaultSeed) => Make(1.0, seed);

    /// <summary>A plan of about <paramref name="records"/> records with the same shape.</summary>
    public static DemoRecordPlan OfSize(long records, ulong seed = DemoRandom.DefaultSeed)
    {
        var standard = Default(seed);
        return records == standard.Records ? standard : Make((double)records / standard.Records, seed, exact: false);
    }

    private static DemoRecordPlan Make(double scale, ulong seed, bool exact = true)
    {
        var filedC = Build(seed, "filed-criminal", d => scale * Criminal(d), 0.08,
            exact ? natural => (long)Math.Round(natural[YearBefore] * DemoFigures.CriminalFiledRatio) : null);
        var filedP = Build(seed, "filed-public-order", d => scale * PublicOrder(d), 0.08,
            exact ? natural => (long)Math.Round(natural[PeriodBefore] * DemoFigures.PublicOrderRatio) : null);
        var solvedC = Build(seed, "solved-criminal", d => scale * Criminal(d) * CriminalClearance(d), 0.12, null);
        var solvedP = Build(seed, "solved-public-order", d => scale * PublicOrder(d) * PublicOrderDealtRate(d), 0.10,
            exact ? natural => (long)Math.Round(natural[YearBefore] * DemoFigures.PublicOrderDealtRatio) : null);
        var solvedInWindow = SumOver(solvedC, DemoFigures.WindowStart, DemoFigures.WindowEnd) + SumOver(solvedP, DemoFigures.WindowStart, DemoFigures.WindowEnd);
        var extras = Build(seed, "extra-suspects", d => scale * 0.3 * (Criminal(d) * CriminalClearance(d) + PublicOrder(d) * PublicOrderDealtRate(d)), 0.15,
            exact ? _ => DemoFigures.OffenceSuspects - solvedInWindow : null);
        var instruments = Build(seed, "controlled-instrument", d => scale * 0.075 * PublicOrder(d) * PublicOrderDealtRate(d), 0.25,
            exact ? _ => DemoFigures.ControlledInstrumentCases : null);
        if (exact && solvedInWindow > DemoFigures.OffenceSuspects)
            throw new InvalidOperationException($"{solvedInWindow} records solved in the window cannot carry only {DemoFigures.OffenceSuspects} suspects.");
        return new DemoRecordPlan
        {
            Scale = scale, Exact = exact, FiledCriminal = filedC, FiledPublicOrder = filedP, SolvedCriminal = solvedC,
            SolvedPublicOrder = solvedP, ExtraSuspects = extras, ControlledInstrument = instruments,
        };
    }

    public static long SumOver(long[] series, DateOnly from, DateOnly to)
    {
        long sum = 0;
        for (var d = from; d <= to; d = d.AddDays(1)) sum += series[d.DayNumber - First.DayNumber];
        return sum;
    }

    /// <summary>Criminal cases filed per day at scale 1.</summary>
    public static double Criminal(DateOnly d) =>
        54.0 * Season(d) * (SummerNights(d) ? 1.03 : 1) * CriminalWeekday[Weekday(d)] * (SpringFestival(d) ? 0.75 : 1)
        * (d.Year == 2021 ? 1.0 : d < DemoFigures.CampaignStart ? 0.93 : DemoFigures.CriminalFiledRatio);

    /// <summary>Public-order cases accepted per day at scale 1: busier on summer weekend nights; in 2022 a surge from May
    /// until the campaign starts, then the crackdown's fall.</summary>
    public static double PublicOrder(DateOnly d)
    {
        var surgeFrom = new DateOnly(2022, 5, 1);
        var year = d.Year == 2021 || d < surgeFrom ? 1.0
            : d < DemoFigures.CampaignStart ? 1.05 + 0.30 * (d.DayNumber - surgeFrom.DayNumber) / (DemoFigures.CampaignStart.DayNumber - surgeFrom.DayNumber)
            : 0.83;
        return 26.0 * Season(d) * (SummerNights(d) ? 1.12 : 1) * PublicOrderWeekday[Weekday(d)] * (SpringFestival(d) ? 0.85 : 1) * year;
    }

    public static double CriminalClearance(DateOnly d) => d.Year == 2021 ? 0.40 : d < DemoFigures.CampaignStart ? 0.42 : 0.52;

    public static double PublicOrderDealtRate(DateOnly d) => d.Year == 2021 ? 0.68 : d < DemoFigures.CampaignStart ? 0.70 : 0.92;

    /// <summary>A daily series: shaped and jittered per day, each segment's total (its natural sum, or the window's target)
    /// split over the segment's days by largest remainder.</summary>
    private static long[] Build(ulong seed, string label, Func<DateOnly, double> shape, double jitter, Func<long[], long>? windowTotal)
    {
        var weights = new double[Days];
        for (var i = 0; i < Days; i++) weights[i] = shape(Day(i)) * DemoRandom.For(seed, label, i).Jitter(jitter);
        var bounds = SegmentStarts.Select(s => s.DayNumber - First.DayNumber).Append(Days).ToArray();
        var totals = new long[SegmentStarts.Length];
        for (var s = 0; s < totals.Length; s++)
            totals[s] = (long)Math.Round(weights[bounds[s]..bounds[s + 1]].Sum(), MidpointRounding.AwayFromZero);
        if (windowTotal is not null) totals[Window] = windowTotal(totals);
        var series = new long[Days];
        for (var s = 0; s < totals.Length; s++)
            Apportion.LargestRemainder(totals[s], weights[bounds[s]..bounds[s + 1]]).CopyTo(series, bounds[s]);
        return series;
    }
}

/// <summary>
/// Turns a <see cref="DemoRecordPlan"/> into case records, streaming, so that ten million need no more memory than a
/// thousand. Records are made on the day they are solved, each taking its filing day from the unsolved ones left on an
/// earlier day (a typical delay first, the nearest day with cases left otherwise), so that both the filed and the solved
/// counts of every day are the plan's; what is left unsolved at the end is written last. Pure.
/// </summary>
public static class DemoRecordGenerator
{
    private sealed record Category(string Code, double Weight, bool NightTime, double SuspectWeight, VictimGroups[] Groups, double[] GroupChances, (string Place, double Weight)[] Places);

    private static readonly (string, double)[] NightPlaces = [("bbq-stall", 22), ("night-food-stall", 18), ("bar", 16), ("ktv", 14), ("street", 22), ("other", 8)];

    private static readonly Category[] CriminalCategories =
    [
        new("theft", 40, false, 0.4, [VictimGroups.Women, VictimGroups.Elderly, VictimGroups.Students, VictimGroups.Children], [0.15, 0.06, 0.04, 0.01],
            [("street", 35), ("residence", 25), ("other", 15), ("night-food-stall", 5), ("bar", 5), ("bbq-stall", 4), ("ktv", 3), ("school", 3)]),
        new("fraud", 24, false, 1.2, [VictimGroups.Women, VictimGroups.Elderly, VictimGroups.Students, VictimGroups.Disabled], [0.25, 0.22, 0.07, 0.02],
            [("residence", 60), ("other", 30), ("street", 5), ("school", 5)]),
        new("intentional-injury", 6, true, 0.8, [VictimGroups.Women, VictimGroups.Elderly, VictimGroups.Children, VictimGroups.Disabled], [0.2, 0.05, 0.02, 0.01],
            [("street", 30), ("bbq-stall", 15), ("residence", 15), ("night-food-stall", 12), ("bar", 12), ("ktv", 10), ("other", 6)]),
        new("robbery", 2.5, false, 1.2, [VictimGroups.Women, VictimGroups.Elderly, VictimGroups.Students], [0.25, 0.1, 0.05],
            [("street", 70), ("other", 12), ("night-food-stall", 8), ("bar", 6), ("ktv", 4)]),
        new("drugs", 6, false, 1.0, [], [], [("residence", 35), ("ktv", 20), ("bar", 15), ("street", 15), ("other", 15)]),
        new("gambling", 3, false, 3.5, [], [], [("residence", 55), ("other", 35), ("ktv", 10)]),
        new("provocation", 5, true, 2.0, [VictimGroups.Women], [0.08], NightPlaces),
        new("affray", 1.5, true, 3.0, [], [], NightPlaces),
        new("indecent-assault", 1.5, false, 0.2, [VictimGroups.Women, VictimGroups.Children, VictimGroups.Students], [0.85, 0.25, 0.35],
            [("street", 30), ("residence", 30), ("school", 20), ("other", 20)]),
        new("abuse, neglect", 0.8, false, 0.1, [VictimGroups.Children, VictimGroups.Elderly, VictimGroups.Disabled, VictimGroups.Women], [0.5, 0.4, 0.15, 0.3],
            [("residence", 95), ("other", 5)]),
    ];

    private static readonly Category[] PublicOrderCategories =
    [
        new("theft", 22, false, 0.4, [VictimGroups.Women, VictimGroups.Elderly, VictimGroups.Students], [0.12, 0.05, 0.05],
            [("street", 35), ("other", 20), ("residence", 15), ("night-food-stall", 10), ("bbq-stall", 8), ("bar", 6), ("school", 6)]),
        new("affray", 20, true, 3.0, [], [], NightPlaces),
        new("disturbing-order", 18, true, 1.5, [VictimGroups.Women], [0.05], NightPlaces),
        new("gambling", 10, false, 3.5, [], [], [("residence", 55), ("other", 30), ("ktv", 15)]),
        new("drug-use", 10, false, 0.5, [], [], [("residence", 40), ("ktv", 25), ("bar", 15), ("other", 20)]),
        new("prostitution", 7, false, 1.2, [], [], [("other", 50), ("ktv", 30), ("residence", 20)]),
        new("fraud", 5, false, 1.0, [VictimGroups.Elderly, VictimGroups.Women], [0.2, 0.2], [("residence", 50), ("other", 40), ("street", 10)]),
        new("insulting-women", 2, true, 0.3, [VictimGroups.Women, VictimGroups.Students], [1.0, 0.2], NightPlaces),
    ];

    private static readonly Category CarryingInstrument = new("carrying-controlled-instrument", 0, true, 0.3, [], [],
        [("street", 40), ("bbq-stall", 18), ("night-food-stall", 14), ("bar", 14), ("ktv", 10), ("other", 4)]);

    private static readonly Category[] CriminalWithInstrument = [.. CriminalCategories.Where(c => c.Code is "robbery" or "intentional-injury" or "affray")];

    private static readonly string[] NightPlaceTypes = ["bbq-stall", "night-food-stall", "bar", "ktv"];

    /// <summary>Days from filing to solving: (first day, last day, share).</summary>
    private static readonly (int From, int To, double Share)[] CriminalDelays = [(0, 0, 0.30), (1, 1, 0.12), (2, 2, 0.08), (3, 7, 0.18), (8, 30, 0.20), (31, 90, 0.12)];
    private static readonly (int From, int To, double Share)[] PublicOrderDelays = [(0, 0, 0.45), (1, 1, 0.20), (2, 3, 0.15), (4, 7, 0.10), (8, 30, 0.10)];

    /// <summary>Share of records at county level rather than at a station (the source system knows no finer).</summary>
    public const double CountyLevelShare = 0.15;

    public static IEnumerable<CaseRecord> Generate(DemoRecordPlan plan, IReadOnlyList<DemoCounty> counties, long batchId, ulong seed = DemoRandom.DefaultSeed)
    {
        var weights = CountyWeights(counties);
        var countyPicker = DemoRandom.Cumulative([.. counties.Select(c => weights[c.Code])]);
        var left = new[] { (long[])plan.FiledCriminal.Clone(), (long[])plan.FiledPublicOrder.Clone() };
        var delays = new[] { Cumulative(CriminalDelays), Cumulative(PublicOrderDelays) };
        long sequence = 0;

        CaseRecord Make(DemoRandom rng, CaseKind kind, int filed, int? solved, Category? forced = null)
        {
            var county = counties[rng.Pick(countyPicker)];
            var unit = county.StationIds.Length == 0 || rng.Chance(CountyLevelShare) ? county.UnitId
                : county.StationIds[rng.Chance(0.3) ? 0 : rng.Next(county.StationIds.Length)];
            var filedOn = DemoRecordPlan.Day(filed);
            var category = forced ?? PickCategory(rng, kind == CaseKind.Criminal ? CriminalCategories : PublicOrderCategories, filedOn);
            var groups = VictimGroups.None;
            for (var g = 0; g < category.Groups.Length; g++)
                if (rng.Chance(category.GroupChances[g])) groups |= category.Groups[g];
            return new CaseRecord
            {
                ExternalId = $"DEMO{++sequence:D9}-{county.Code}", Kind = kind, UnitId = unit, Category = category.Code,
                FiledOn = filedOn, SolvedOn = solved is { } s ? DemoRecordPlan.Day(s) : null, Suspects = solved is null ? 0 : 1,
                PlaceType = PickPlace(rng, category, filedOn), VictimGroups = groups, ControlledInstrument = forced is not null,
                ImportBatchId = batchId,
            };
        }

        var day = new List<CaseRecord>();
        for (var t = 0; t < DemoRecordPlan.Days; t++)
        {
            var rng = DemoRandom.For(seed, "records-solved", t);
            day.Clear();
            // Controlled-instrument cases are dealt with as they are found, mostly as public-order cases.
            var instruments = plan.ControlledInstrument[t];
            foreach (var kind in new[] { CaseKind.PublicOrder, CaseKind.Criminal })
            {
                var k = (int)kind;
                var count = kind == CaseKind.Criminal ? plan.SolvedCriminal[t] : plan.SolvedPublicOrder[t];
                for (var i = 0; i < count; i++)
                {
                    var filed = FilingDay(left[k], t, delays[k], rng, plan.Exact);
                    if (filed < 0) break;
                    Category? forced = null;
                    if (instruments > 0)
                    {
                        forced = kind == CaseKind.PublicOrder ? (rng.Chance(0.7) ? CarryingInstrument : PublicOrderCategories[1])
                            : CriminalWithInstrument[rng.Next(CriminalWithInstrument.Length)];
                        instruments--;
                    }
                    day.Add(Make(rng, kind, filed, t, forced));
                }
            }
            if (plan.Exact && instruments > 0)
                throw new InvalidOperationException($"Day {DemoRecordPlan.Day(t)}: {instruments} controlled-instrument cases without a solved record to carry them.");
            if (day.Count > 0 && plan.ExtraSuspects[t] > 0)
            {
                var extra = Apportion.LargestRemainder(plan.ExtraSuspects[t],
                    [.. day.Select(r => SuspectWeight(r) * rng.Jitter(0.4))]);
                for (var i = 0; i < day.Count; i++) day[i].Suspects += (int)extra[i];
            }
            else if (plan.Exact && plan.ExtraSuspects[t] > 0)
                throw new InvalidOperationException($"Day {DemoRecordPlan.Day(t)}: suspects without a solved record to carry them.");
            foreach (var r in day) yield return r;
        }

        for (var t = 0; t < DemoRecordPlan.Days; t++)
        {
            var rng = DemoRandom.For(seed, "records-unsolved", t);
            foreach (var kind in new[] { CaseKind.Criminal, CaseKind.PublicOrder })
                for (var i = left[(int)kind][t]; i > 0; i--)
                    yield return Make(rng, kind, t, null);
        }
    }

    /// <summary>The day a record solved on day <paramref name="solved"/> was filed: a typical delay earlier if cases filed
    /// that day are left, otherwise the nearest earlier day with cases left, otherwise the nearest later one up to the
    /// solving day. Takes one case from that day. −1 when none is left (only possible at odd sizes).</summary>
    private static int FilingDay(long[] left, int solved, double[][] delays, DemoRandom rng, bool exact)
    {
        var (bounds, shares) = (delays[0], delays[1]);
        var bucket = rng.Pick(shares);
        var delay = (int)bounds[2 * bucket] + rng.Next((int)bounds[2 * bucket + 1] - (int)bounds[2 * bucket] + 1);
        var wanted = Math.Max(0, solved - delay);
        for (var f = wanted; f >= 0; f--)
            if (left[f] > 0) { left[f]--; return f; }
        for (var f = wanted + 1; f <= solved; f++)
            if (left[f] > 0) { left[f]--; return f; }
        return exact ? throw new InvalidOperationException($"No unsolved case left to solve on {DemoRecordPlan.Day(solved)}.") : -1;
    }

    private static double[][] Cumulative((int From, int To, double Share)[] delays) =>
        [[.. delays.SelectMany(d => new double[] { d.From, d.To })], DemoRandom.Cumulative([.. delays.Select(d => d.Share)])];

    private static Category PickCategory(DemoRandom rng, Category[] categories, DateOnly day)
    {
        // Summer nights bring more fights and disorder at barbecue stalls and bars.
        var boost = SummerNights(day) ? 1.4 : 1.0;
        var total = 0.0;
        foreach (var c in categories) total += c.Weight * (c.NightTime ? boost : 1);
        var x = rng.NextDouble() * total;
        foreach (var c in categories)
            if ((x -= c.Weight * (c.NightTime ? boost : 1)) < 0) return c;
        return categories[^1];
    }

    private static string PickPlace(DemoRandom rng, Category category, DateOnly day)
    {
        var night = (SummerNights(day) ? 1.6 : 1.0) * (FridayOrSaturday(day) ? 1.2 : 1.0);
        var total = 0.0;
        foreach (var (place, w) in category.Places) total += w * (NightPlaceTypes.Contains(place) ? night : 1);
        var x = rng.NextDouble() * total;
        foreach (var (place, w) in category.Places)
            if ((x -= w * (NightPlaceTypes.Contains(place) ? night : 1)) < 0) return place;
        return category.Places[^1].Place;
    }

    private static double SuspectWeight(CaseRecord r) =>
        (r.Kind == CaseKind.Criminal ? CriminalCategories : PublicOrderCategories).FirstOrDefault(c => c.Code == r.Category)?.SuspectWeight
        ?? CarryingInstrument.SuspectWeight;
}
