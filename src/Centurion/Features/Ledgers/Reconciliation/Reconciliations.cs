using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.Visits;
using Centurion.Features.Statistics;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.Reconciliation;

public sealed record ReconciliationDto(string Campaign, string CampaignNameZh, string CampaignNameEn, string Unit, string UnitNameZh, string UnitNameEn,
    DateOnly From, DateOnly To, IReadOnlyList<string> Indicators, ReconciledUnit Total, IReadOnlyList<ReconciledUnit> ByChild, IReadOnlyList<ReconciledUnit> Disagreeing);

/// <summary>
/// What the ledgers add up to against what was reported, for a unit, its children and every reporting unit below, over a window:
/// key places checked (visits to a key place), night operations (one per entry), police deployments (police on visits and on night operations).
/// </summary>
public sealed class Reconciliations(CenturionDb db, CallerScope scope, LedgerAccess access, TimeProvider clock)
{
    public static readonly string[] Indicators = ["key-places-checked", "night-operations", "police-deployments", .. Disputes.DisputeFigures.Indicators];

    /// <summary>The campaigns the caller may reconcile, latest first.</summary>
    public Task<List<Campaign>> CampaignsAsync(CancellationToken ct = default) =>
        CampaignOperations.Visible(db, scope).OrderByDescending(c => c.StartDate).ThenBy(c => c.Code).ToListAsync(ct);

    public async Task<ReconciliationDto> ForAsync(string? campaignCode, string? unitCode, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        var campaign = campaignCode is { Length: > 0 } code ? await CampaignOperations.FindAsync(db, scope, code, ct)
            : (await CampaignsAsync(ct)).FirstOrDefault() ?? throw DomainException.NotFound(new("没有可核对的专项行动。", "There is no campaign to reconcile."));
        var root = await scope.UnitOrOwnAsync(db, unitCode, ct);
        var start = from ?? campaign.StartDate;
        var window = new Window(start, to ?? await CoveredToAsync(campaign, start, ct));
        if (window.To < window.From)
            throw DomainException.Invalid(new("结束日期早于开始日期。", "The end date is before the start date."), new Dictionary<string, string[]> { ["to"] = [new Phrase("结束日期早于开始日期。", "The end date is before the start date.")] });
        if (window.To.DayNumber - window.From.DayNumber >= Stats.MaxDays)
            throw DomainException.Invalid(new($"核对区间最长 {Stats.MaxDays} 天。", $"A window is at most {Stats.MaxDays} days."));

        var children = await db.Units.Where(u => u.ParentId == root.Id).OrderBy(u => u.Code).ToListAsync(ct);
        var reporting = root.Level >= campaign.ReportingLevel ? [root]
            : await CallerScope.Subtree(db, root.Id).Where(u => u.Level == campaign.ReportingLevel).OrderBy(u => u.Code).ToListAsync(ct);
        var units = new[] { root }.Concat(children).Concat(reporting).DistinctBy(u => u.Id).ToList();
        var ids = units.Select(u => u.Id).ToList();
        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);

        // A line-scoped caller sees only their line's indicators, as in the statistics.
        var indicators = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct)).Where(i => Indicators.Contains(i.Code)).ToList();
        var wanted = await db.Indicators.Where(i => Indicators.Contains(i.Code)).ToListAsync(ct);
        if (scope.LineId is { } line) wanted = [.. wanted.Where(i => i.OwnerLineId == line)];
        var shown = Indicators.Where(c => wanted.Any(i => i.Code == c)).ToList();

        var ledger = await LedgerTotalsAsync(ids, window, ct);
        var reported = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        foreach (var indicator in indicators.Where(i => shown.Contains(i.Code) && i.Source == IndicatorSource.Reported))
        {
            var sums = await SubtreeTotals.ForAsync(db, campaign, indicator, ids, window, ct);
            // Units below the reporting level report nothing themselves: for them there is nothing to compare.
            reported[indicator.Code] = units.Where(u => u.Level <= campaign.ReportingLevel).ToDictionary(u => u.Code, u => sums.GetValueOrDefault(u.Id));
        }
        var ledgerByCode = ledger.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, long>)p.Value.ToDictionary(x => codeOf[x.Key], x => x.Value));
        IReadOnlyList<ReconciledUnit> Of(IEnumerable<Unit> us) => Reconcile.Units(us.Select(u => (u.Code, u.NameZh, u.NameEn)), shown, ledgerByCode, reported);

        return new ReconciliationDto(campaign.Code, campaign.NameZh, campaign.NameEn, root.Code, root.NameZh, root.NameEn, window.From, window.To, shown,
            Of([root])[0], Of(children), [.. Of(reporting).Where(u => u.Flagged)]);
    }

    /// <summary>
    /// Where a window ends when none is asked for: the last day (up to today, within the campaign) that both the ledgers and the
    /// reports in the caller's scope cover. Today's ledger entries have no report yet (it is due tomorrow), and a campaign's
    /// ledgers may stop before its reports do; counting those days would flag every unit for a gap nobody made.
    /// </summary>
    private async Task<DateOnly> CoveredToAsync(Campaign campaign, DateOnly start, CancellationToken ct)
    {
        var cap = campaign.Clamp(ProvinceTime.Today(clock));
        if (cap < start) return cap;
        var (startUtc, endUtc) = (ProvinceTime.StartUtc(start), ProvinceTime.StartUtc(cap.AddDays(1)));
        var lastVisit = await scope.Within(db, db.Set<PatrolVisit>()).Where(v => v.VisitedUtc >= startUtc && v.VisitedUtc < endUtc).MaxAsync(v => (DateTime?)v.VisitedUtc, ct);
        DateOnly?[] ledgerDays =
        [
            lastVisit is { } t ? DateOnly.FromDateTime(ProvinceTime.ToLocal(t)) : null,
            await scope.Within(db, db.Set<NightOperation>()).Where(o => o.Date >= start && o.Date <= cap).MaxAsync(o => (DateOnly?)o.Date, ct),
            await scope.Within(db, db.Set<Disputes.Dispute>()).Where(d => d.FoundOn >= start && d.FoundOn <= cap).MaxAsync(d => (DateOnly?)d.FoundOn, ct),
        ];
        var lastLedger = ledgerDays.Max();
        var reported = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct)).Where(i => i.Source == IndicatorSource.Reported && Indicators.Contains(i.Code)).Select(i => i.Id).ToList();
        var lastReported = await SubtreeTotals.LastReportedDayAsync(db, campaign, reported, scope.UnitId, new Window(start, cap), ct);
        return lastLedger is { } l && lastReported is { } r ? (l < r ? l : r) : cap;
    }

    /// <summary>The ledgers' figures for each unit's subtree, by indicator code and unit id.</summary>
    private async Task<Dictionary<string, Dictionary<int, long>>> LedgerTotalsAsync(List<int> ids, Window w, CancellationToken ct)
    {
        var start = ProvinceTime.StartUtc(w.From);
        var end = ProvinceTime.StartUtc(w.To.AddDays(1));
        // Summed per unit first (one pass over each ledger, no join), then rolled up to the units asked for through the closure rows.
        var visits = await db.Set<PatrolVisit>().Where(v => v.VisitedUtc >= start && v.VisitedUtc < end).GroupBy(v => v.UnitId)
            .Select(g => new { Unit = g.Key, Places = g.Count(v => v.KeyPlaceId != null), Police = g.Sum(v => (long)v.Police) }).ToListAsync(ct);
        var operations = await db.Set<NightOperation>().Where(o => o.Date >= w.From && o.Date <= w.To).GroupBy(o => o.UnitId)
            .Select(g => new { Unit = g.Key, Count = g.Count(), Police = g.Sum(o => (long)o.Police) }).ToListAsync(ct);
        var ancestors = (await db.UnitLinks.Where(l => ids.Contains(l.AncestorId)).Select(l => new { l.AncestorId, l.DescendantId }).ToListAsync(ct))
            .ToLookup(l => l.DescendantId, l => l.AncestorId);
        var places = new Dictionary<int, long>();
        var count = new Dictionary<int, long>();
        var police = new Dictionary<int, long>();
        static void Add(Dictionary<int, long> sums, int unit, long value) => sums[unit] = sums.GetValueOrDefault(unit) + value;
        foreach (var v in visits)
            foreach (var a in ancestors[v.Unit]) { Add(places, a, v.Places); Add(police, a, v.Police); }
        foreach (var o in operations)
            foreach (var a in ancestors[o.Unit]) { Add(count, a, o.Count); Add(police, a, o.Police); }
        return new()
        {
            ["key-places-checked"] = places,
            ["night-operations"] = count,
            ["police-deployments"] = police,
            [Disputes.DisputeFigures.Screened] = await Disputes.DisputeFigures.ForAsync(db, Disputes.DisputeFigures.Screened, ids, w.From, w.To, ct),
            [Disputes.DisputeFigures.Resolved] = await Disputes.DisputeFigures.ForAsync(db, Disputes.DisputeFigures.Resolved, ids, w.From, w.To, ct),
        };
    }
}
