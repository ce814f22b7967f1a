using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Reporting;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Dashboard;

/// <summary>A child unit's figures for every indicator, keyed by indicator code.</summary>
public sealed record DashboardRow(string Code, string NameZh, string NameEn, bool Drillable, IReadOnlyDictionary<string, StatsRow> Cells);

/// <summary>
/// Everything the campaign dashboard shows for one unit's subtree and window: headline figures with their changes, the
/// child units' table, the chosen indicator's daily trend against last year, the prefecture map, and the reports due.
/// The page and the XLSX export both read it; every figure comes from <see cref="Stats"/>.
/// </summary>
public sealed record DashboardView(
    Campaign Campaign, Unit Unit, IReadOnlyList<Unit> Ancestors, IReadOnlyList<Indicator> Indicators, Indicator Chosen,
    DateOnly From, DateOnly To, IReadOnlyList<StatsResult> Headlines, IReadOnlyList<DashboardRow> Rows,
    IReadOnlyDictionary<string, StatsRow>? Map, string TrendSvg, DateOnly DuePeriod, CompletenessCounts Due)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public static async Task<DashboardView> LoadAsync(CenturionDb db, CallerScope scope, TimeProvider clock, string code, string? unitCode,
        DateOnly? from, DateOnly? to, string? indicatorCode, string? sort, bool ascending, CancellationToken ct = default)
    {
        var campaign = await CampaignOperations.FindAsync(db, scope, code, ct);
        var unit = await scope.UnitOrOwnAsync(db, unitCode, ct);
        var indicators = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct))
            .Where(i => scope.LineId is not { } line || i.OwnerLineId == line).ToList();
        if (indicators.Count == 0) throw DomainException.NotFound(new("本行动中没有您可查看的指标。", "The campaign has no indicator you can see."));
        var chosen = indicators.FirstOrDefault(i => i.Code == indicatorCode) ?? indicators[0];
        var today = ProvinceTime.Today(clock);
        var end = campaign.Clamp(to ?? today);
        var start = campaign.Clamp(from ?? campaign.StartDate);
        if (start > end) throw DomainException.BadRequest(PageQuery.Reversed);

        var headlines = new List<StatsResult>();
        foreach (var i in indicators)
            headlines.Add(await Stats.ForAsync(db, campaign, unit, i, start, end, new StatsOptions(By: Breakdown.Unit), ct));

        var children = await db.Units.Where(u => u.ParentId == unit.Id).Select(u => new { u.Code, HasChildren = db.Units.Any(c => c.ParentId == u.Id) })
            .ToDictionaryAsync(u => u.Code, u => u.HasChildren, ct);
        // The breakdown's row for the unit itself (figures filed on it directly, not below) is kept, last, so the rows add up.
        var rows = headlines.SelectMany(h => (h.Breakdown ?? []).Select(r => (h.Indicator, Row: r)))
            .Where(x => children.ContainsKey(x.Row.Key) || x.Row.Key == unit.Code)
            .GroupBy(x => x.Row.Key)
            .Select(g => new DashboardRow(g.Key, g.First().Row.NameZh, g.First().Row.NameEn, children.GetValueOrDefault(g.Key), g.ToDictionary(x => x.Indicator, x => x.Row)))
            .ToList();
        var sortBy = indicators.Any(i => i.Code == sort) ? sort! : chosen.Code;
        long SortValue(DashboardRow r) => r.Cells.TryGetValue(sortBy, out var c) ? c.Value : -1;
        rows = ascending ? [.. rows.OrderBy(SortValue).ThenBy(r => r.Code)] : [.. rows.OrderByDescending(SortValue).ThenBy(r => r.Code)];
        rows = [.. rows.Where(r => r.Code != unit.Code), .. rows.Where(r => r.Code == unit.Code)];

        var chosenStats = headlines.Single(h => h.Indicator == chosen.Code);
        var map = unit.Level == UnitLevel.Province ? chosenStats.Breakdown?.ToDictionary(r => r.Key) : null;

        var current = await Stats.DailyAsync(db, campaign, unit, chosen, new Window(start, end), ct);
        var lastYear = await Stats.DailyAsync(db, campaign, unit, chosen, chosenStats.LastYearWindow, ct);
        var days = Enumerable.Range(0, current.Count).Select(d => start.AddDays(d)).ToList();
        var trend = TrendChart.Svg(days, current, lastYear, $"{start.Year}", $"{start.Year - 1}", chosen.Name(Lang.IsEnglish));

        // The reports due on the As of day (today unless one is given).
        var due = campaign.Clamp(campaign.DueOn(to is null ? today : end).Start);
        var completeness = await Completeness.ForAsync(db, campaign, unit, due, due, clock.GetUtcNow().UtcDateTime, ct);
        var ancestors = await scope.Units(db)
            .Join(db.UnitLinks.Where(l => l.DescendantId == unit.Id && l.Depth > 0), u => u.Id, l => l.AncestorId, (u, l) => new { u, l.Depth })
            .OrderByDescending(x => x.Depth).Select(x => x.u).ToListAsync(ct);
        return new DashboardView(campaign, unit, ancestors, indicators, chosen, start, end, headlines, rows, map, trend, due, completeness.Total);
    }
}
