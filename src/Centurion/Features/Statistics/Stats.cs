using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Statistics;

public enum Breakdown { None, Unit, Line, Category, Place, Victim }

/// <summary>What to compute besides the headline figures.</summary>
/// <param name="By">Split the figures by child unit, line, case category, place type or victim group.</param>
/// <param name="CompareMonth">Also compare with the same days one calendar month earlier.</param>
/// <param name="LowBase">A base under this is flagged as low.</param>
public sealed record StatsOptions(Breakdown By = Breakdown.None, bool CompareMonth = false, int LowBase = Change.DefaultLowBase);

/// <summary>
/// One indicator over one unit subtree and window, against last year (yoy) and the period before (pop), optionally the month
/// before (mom). Changes are fractions (−0.14), null when the base is 0; z = 2(√current − √base) for counts, null for person-times.
/// </summary>
public sealed record StatsResult(
    string Campaign, string Unit, string UnitNameZh, string UnitNameEn,
    string Indicator, string IndicatorNameZh, string IndicatorNameEn, string Source, string Measure, string? Line, bool IsCount,
    Window Window, Window LastYearWindow, Window PreviousWindow, Window? PreviousMonthWindow,
    long Value, long LastYear, long PreviousPeriod, long? PreviousMonth,
    double? YoyChange, double? PopChange, double? MomChange,
    double? YoyZ, double? PopZ, double? MomZ,
    bool YoySignificant, bool PopSignificant, bool? MomSignificant,
    bool LowBase, bool YoyLowBase, bool PopLowBase, int LowBaseThreshold,
    string? BreakdownBy, IReadOnlyList<StatsRow>? Breakdown);

/// <summary>One part of a breakdown: a child unit (or the unit's own figures, key = its code), a line, a category, a place type or a victim group.</summary>
public sealed record StatsRow(string Key, string NameZh, string NameEn, long Value, long LastYear, long PreviousPeriod,
    double? YoyChange, double? PopChange, double? YoyZ, double? PopZ, bool YoySignificant, bool PopSignificant, bool LowBase);

/// <summary>Statistics from the pre-aggregated <see cref="DailyFact"/>s: never a scan of records or reports.</summary>
public static class Stats
{
    public const int MaxDays = 3660;

    /// <summary>
    /// The campaign, unit and indicator a caller asks for, or "not found" when any is outside what they may see: a unit outside
    /// their subtree, an indicator of another line than theirs, or than <paramref name="lineCode"/> when given.
    /// </summary>
    public static async Task<(Campaign Campaign, Unit Unit, Indicator Indicator)> ResolveAsync(CenturionDb db, CallerScope scope,
        string campaignCode, string unitCode, string indicatorCode, string? lineCode, CancellationToken ct = default)
    {
        var campaign = await CampaignOperations.FindAsync(db, scope, campaignCode, ct);
        var unit = await scope.FindUnitAsync(db, unitCode, ct);
        var indicator = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct)).FirstOrDefault(i => i.Code == indicatorCode);
        int? line = lineCode is null ? null
            : await db.Lines.Where(l => l.Code == lineCode).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct)
              ?? throw DomainException.NotFound(new($"没有警种 {lineCode}。", $"There is no line {lineCode}."));
        if (indicator is null || (scope.LineId is { } own && indicator.OwnerLineId != own) || (line is { } wanted && indicator.OwnerLineId != wanted))
            throw DomainException.NotFound(new($"本行动中找不到您可查看的指标 {indicatorCode}。", $"Indicator {indicatorCode} was not found among those you can see in this campaign."));
        return (campaign, unit, indicator);
    }

    /// <summary>The statistics of an indicator for a unit's subtree over [from, to] (province-local days, inclusive). No scope check: see <see cref="ResolveAsync"/>.</summary>
    public static async Task<StatsResult> ForAsync(CenturionDb db, Campaign campaign, Unit unit, Indicator indicator, DateOnly from, DateOnly to,
        StatsOptions? options = null, CancellationToken ct = default)
    {
        options ??= new StatsOptions();
        if (to < from) throw DomainException.Invalid(new("开始日期晚于结束日期。", "The start date is after the end date."));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw DomainException.Invalid(new($"统计区间最长 {MaxDays} 天。", $"A window is at most {MaxDays} days."));
        if (indicator.Source == IndicatorSource.Reported && options.By is Breakdown.Category or Breakdown.Place or Breakdown.Victim)
            throw DomainException.Invalid(new("按案件类别、场所类型或受害群体细分只适用于由案件记录统计的指标。",
                "A breakdown by category, place type or victim group applies only to indicators counted from case records."));

        var window = new Window(from, to);
        var lastYear = ComparisonWindows.LastYear(from, to);
        var previous = ComparisonWindows.PreviousPeriod(from, to);
        Window? month = options.CompareMonth ? ComparisonWindows.PreviousMonth(from, to) : null;
        var campaignKey = indicator.Source == IndicatorSource.Reported ? campaign.Id : DailyFact.NoCampaign;
        IQueryable<DailyFact> Facts(Window w) => FactsOf(db, indicator.Id, campaignKey, unit.Id, w);

        var value = await SumAsync(Facts(window), ct);
        var lastYearValue = await SumAsync(Facts(lastYear), ct);
        var previousValue = await SumAsync(Facts(previous), ct);
        long? monthValue = month is { } m ? await SumAsync(Facts(m), ct) : null;

        var isCount = indicator.Measure != Measure.PersonTimes;
        var yoy = Change.Compare(value, lastYearValue, isCount, options.LowBase);
        var pop = Change.Compare(value, previousValue, isCount, options.LowBase);
        var mom = monthValue is { } mv ? Change.Compare(value, mv, isCount, options.LowBase) : null;
        var lineCode = indicator.OwnerLineId is { } lineId ? await db.Lines.Where(l => l.Id == lineId).Select(l => l.Code).FirstAsync(ct) : null;

        IReadOnlyList<StatsRow>? rows = options.By == Breakdown.None ? null
            : await BreakdownAsync(db, indicator, unit, options, Facts, [window, lastYear, previous], ct);

        return new StatsResult(campaign.Code, unit.Code, unit.NameZh, unit.NameEn,
            indicator.Code, indicator.NameZh, indicator.NameEn, indicator.Source.ToString().ToLowerInvariant(), indicator.Measure.ToString(), lineCode, isCount,
            window, lastYear, previous, month,
            value, lastYearValue, previousValue, monthValue,
            yoy.Change, pop.Change, mom?.Change, yoy.Z, pop.Z, mom?.Z,
            yoy.Significant, pop.Significant, mom?.Significant,
            yoy.LowBase || pop.LowBase, yoy.LowBase, pop.LowBase, options.LowBase,
            options.By == Breakdown.None ? null : options.By.ToString().ToLowerInvariant(), rows);
    }

    /// <summary>Facts of one indicator (and campaign, for reported ones) in a unit's subtree and a window.</summary>
    /// <summary>The indicator's value on each day of the window (zero where nothing was recorded), for trend charts. No scope check.</summary>
    public static async Task<IReadOnlyList<long>> DailyAsync(CenturionDb db, Campaign campaign, Unit unit, Indicator indicator, Window window, CancellationToken ct = default)
    {
        var campaignKey = indicator.Source == IndicatorSource.Reported ? campaign.Id : DailyFact.NoCampaign;
        var byDay = await FactsOf(db, indicator.Id, campaignKey, unit.Id, window)
            .GroupBy(f => f.Day).Select(g => new { Day = g.Key, Sum = g.Sum(f => (double)f.Value) }).ToDictionaryAsync(x => x.Day, x => Saturating.ToLong(x.Sum), ct);
        return [.. Enumerable.Range(0, window.Days).Select(d => byDay.GetValueOrDefault(window.From.AddDays(d)))];
    }

    /// <summary>
    /// The sum of facts, computed in floating point so that no stored value can make it overflow; figures are bounded when they
    /// enter (<see cref="FigureLimits"/>), this keeps reads safe whatever is stored. Exact while a total stays under 2^53
    /// (9×10^15), which the limits keep any real province's totals far below. Not decimal: SQLite has none, and EF's stand-in
    /// for it (a function called per row) made the dashboard and the bulletin half as slow again.
    /// </summary>
    private static async Task<long> SumAsync(IQueryable<DailyFact> facts, CancellationToken ct) =>
        Saturating.ToLong(await facts.SumAsync(f => (double)f.Value, ct));

    private static IQueryable<DailyFact> FactsOf(CenturionDb db, int indicatorId, int campaignKey, int rootId, Window w)
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == rootId).Select(l => l.DescendantId);
        return db.DailyFacts.Where(f => f.IndicatorId == indicatorId && f.CampaignId == campaignKey && f.Day >= w.From && f.Day <= w.To
            && subtree.Contains(f.UnitId));
    }

    private sealed record Part(string Key, double Sum);
    private sealed record Named(string Key, string NameZh, string NameEn);

    private static readonly Dictionary<VictimGroups, (string Zh, string En)> VictimNames = new()
    {
        [VictimGroups.Women] = ("妇女", "Women"), [VictimGroups.Children] = ("儿童", "Children"), [VictimGroups.Elderly] = ("老年人", "The elderly"),
        [VictimGroups.Disabled] = ("残疾人", "The disabled"), [VictimGroups.Students] = ("中小学生", "Students"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> PlaceNames = new()
    {
        ["bbq-stall"] = ("烧烤摊", "Barbecue stall"), ["night-food-stall"] = ("夜宵摊", "Late-night food stall"), ["bar"] = ("酒吧", "Bar"),
        ["ktv"] = ("KTV", "KTV"), ["street"] = ("街面", "Street"), ["school"] = ("校园", "School"), ["residence"] = ("住宅", "Residence"),
        ["other"] = ("其他", "Other"),
    };

    private static async Task<IReadOnlyList<StatsRow>> BreakdownAsync(CenturionDb db, Indicator indicator, Unit unit, StatsOptions options,
        Func<Window, IQueryable<DailyFact>> facts, Window[] windows, CancellationToken ct)
    {
        // Each window's sums by key, then one row per key: current, last year, previous period.
        var sums = new List<Dictionary<string, long>>();
        List<Named> keys;
        switch (options.By)
        {
            case Breakdown.Unit:
                var children = await db.Units.Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code).ToListAsync(ct);
                foreach (var w in windows)
                {
                    var byChild = await (from f in facts(w)
                                         join l in db.UnitLinks on f.UnitId equals l.DescendantId
                                         join u in db.Units on l.AncestorId equals u.Id
                                         where u.ParentId == unit.Id
                                         group (double)f.Value by u.Code into g
                                         select new Part(g.Key, g.Sum())).ToListAsync(ct);
                    var own = await SumAsync(facts(w).Where(f => f.UnitId == unit.Id), ct);
                    sums.Add(byChild.Append(new Part(unit.Code, own)).ToDictionary(p => p.Key, p => Saturating.ToLong(p.Sum)));
                }
                keys = [.. children.Select(c => new Named(c.Code, c.NameZh, c.NameEn))];
                // Figures filed on the unit itself (a county's cases with no station) get their own row, so the rows add up to the total.
                if (sums.Any(s => s[unit.Code] != 0)) keys.Add(new Named(unit.Code, $"{unit.NameZh}（本级）", $"{unit.Name(true)} (itself)"));
                break;
            case Breakdown.Line:
                var line = indicator.OwnerLineId is { } lineId ? await db.Lines.FirstAsync(l => l.Id == lineId, ct) : null;
                foreach (var w in windows) sums.Add(new() { [line?.Code ?? ""] = await SumAsync(facts(w), ct) });
                keys = [new Named(line?.Code ?? "", line?.NameZh ?? "未指定", line?.Name(true) ?? "None")];
                break;
            case Breakdown.Category:
                foreach (var w in windows)
                    sums.Add(await facts(w).GroupBy(f => f.Category).Select(g => new Part(g.Key, g.Sum(f => (double)f.Value))).ToDictionaryAsync(p => p.Key, p => Saturating.ToLong(p.Sum), ct));
                keys = [.. sums.SelectMany(s => s.Keys).Distinct().Order(StringComparer.Ordinal).Select(k => new Named(k, k, k))];
                break;
            case Breakdown.Place:
                foreach (var w in windows)
                    sums.Add(await facts(w).GroupBy(f => f.PlaceType).Select(g => new Part(g.Key, g.Sum(f => (double)f.Value))).ToDictionaryAsync(p => p.Key, p => Saturating.ToLong(p.Sum), ct));
                keys = [.. FactDimensions.PlaceTypes.Concat(sums.SelectMany(s => s.Keys)).Distinct()
                    .Select(k => PlaceNames.TryGetValue(k, out var n) ? new Named(k, n.Zh, n.En) : new Named(k, k, k))];
                break;
            case Breakdown.Victim:
                foreach (var w in windows)
                {
                    // Facts keep the combination of groups; a case with two groups counts once in the total and once in each group here.
                    var byCombination = await facts(w).GroupBy(f => f.VictimGroups).Select(g => new { g.Key, Sum = g.Sum(f => (double)f.Value) }).ToListAsync(ct);
                    sums.Add(FactDimensions.Groups.ToDictionary(g => g.Key, g => Saturating.ToLong(byCombination.Where(c => (c.Key & (int)g.Value) != 0).Sum(c => c.Sum))));
                }
                keys = [.. FactDimensions.Groups.Select(g => new Named(g.Key, VictimNames[g.Value].Zh, VictimNames[g.Value].En))];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options));
        }

        var isCount = indicator.Measure != Measure.PersonTimes;
        return [.. keys.Select(k =>
        {
            long At(int i) => sums[i].GetValueOrDefault(k.Key);
            var yoy = Change.Compare(At(0), At(1), isCount, options.LowBase);
            var pop = Change.Compare(At(0), At(2), isCount, options.LowBase);
            return new StatsRow(k.Key, k.NameZh, k.NameEn, At(0), At(1), At(2), yoy.Change, pop.Change, yoy.Z, pop.Z,
                yoy.Significant, pop.Significant, yoy.LowBase || pop.LowBase);
        })];
    }
}

/// <summary>For other features (the ledgers' reconciliation): an indicator's total over a window for the subtree of each of several units.</summary>
public static class SubtreeTotals
{
    /// <summary>Each unit's subtree total by unit id; a unit with nothing in the window is left out. No scope check.</summary>
    public static async Task<Dictionary<int, long>> ForAsync(CenturionDb db, Campaign campaign, Indicator indicator, IReadOnlyCollection<int> unitIds,
        Window window, CancellationToken ct = default)
    {
        var campaignKey = indicator.Source == IndicatorSource.Reported ? campaign.Id : DailyFact.NoCampaign;
        var ids = unitIds.ToList();
        return await (from f in db.DailyFacts
                      where f.IndicatorId == indicator.Id && f.CampaignId == campaignKey && f.Day >= window.From && f.Day <= window.To
                      join l in db.UnitLinks on f.UnitId equals l.DescendantId
                      where ids.Contains(l.AncestorId)
                      group (double)f.Value by l.AncestorId into g
                      select new { g.Key, Sum = g.Sum() }).ToDictionaryAsync(x => x.Key, x => Saturating.ToLong(x.Sum), ct);
    }

    /// <summary>The last day in a window on which any unit of a subtree has a reported figure of these indicators; null if none. No scope check.</summary>
    public static async Task<DateOnly?> LastReportedDayAsync(CenturionDb db, Campaign campaign, IReadOnlyCollection<int> indicatorIds, int rootId,
        Window window, CancellationToken ct = default)
    {
        var ids = indicatorIds.ToList();
        var subtree = db.UnitLinks.Where(l => l.AncestorId == rootId).Select(l => l.DescendantId);
        return await db.DailyFacts.Where(f => f.CampaignId == campaign.Id && ids.Contains(f.IndicatorId) && f.Day >= window.From && f.Day <= window.To
                && subtree.Contains(f.UnitId)).MaxAsync(f => (DateOnly?)f.Day, ct);
    }
}
