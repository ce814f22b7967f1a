using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Reporting;
using Centurion.Features.Statistics;
using Centurion.Features.Supervision.Listing;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation;

/// <summary>
/// What a month's scores are computed from, read from each feature's own records (never a copy): for every prefecture taking
/// part in the campaign, its subtree's figures of the scheme's indicators for the window and the same days a year before, and
/// the facts that cost or earn points, each with the record it came from:
/// late reports (submitted after their deadline), missing reports (not submitted by the evaluation's instant although due),
/// rectification items overdue (deadline in the window, not closed out by the end of that day, the day already past),
/// items closed out early (in the window, before their deadline), failed emergency-duty spot checks (called in the window,
/// draws in force), trouble spots reopened on re-check in the window, listed-supervision progress reports overdue (a due
/// instant in the window and by the evaluation's instant, with no report before it), and the negative incidents and
/// commendations of the campaign's register dated in the window (recorded by the evaluation's instant and not withdrawn by
/// then). The peers are the prefectures unless the caller names others (the counties of one prefecture). No scope check: the
/// caller decides who may see it.
/// </summary>
public static class MonthFacts
{
    public static async Task<IReadOnlyList<UnitFacts>> GatherAsync(CenturionDb db, Campaign c, Window window, DateTime asOfUtc,
        IReadOnlyList<IndicatorRule> rules, CancellationToken ct = default) =>
        await GatherAsync(db, c, window, asOfUtc, rules, await PrefecturesAsync(db, c, ct), ct);

    /// <summary>The same for other peers than the prefectures (e.g. the counties of one prefecture): each fact goes to the peer above it.</summary>
    public static async Task<IReadOnlyList<UnitFacts>> GatherAsync(CenturionDb db, Campaign c, Window window, DateTime asOfUtc,
        IReadOnlyList<IndicatorRule> rules, IReadOnlyList<Unit> prefectures, CancellationToken ct = default)
    {
        var ids = prefectures.Select(p => p.Id).ToList();
        // Each unit below a prefecture, to the prefecture it rolls up to.
        var prefectureOf = await db.UnitLinks.Where(l => ids.Contains(l.AncestorId))
            .Select(l => new { l.DescendantId, l.AncestorId }).ToDictionaryAsync(l => l.DescendantId, l => l.AncestorId, ct);
        var facts = ids.ToDictionary(id => id, _ => new List<(DateTime At, Fact Fact)>());
        void Add(int unitId, DateTime at, Fact f)
        {
            if (prefectureOf.TryGetValue(unitId, out var p)) facts[p].Add((at, f));
        }

        foreach (var r in await ReportFactsAsync(db, c, window, asOfUtc, ct)) Add(r.UnitId, r.At, r.Fact);
        foreach (var r in await ItemFactsAsync(db, c, window, asOfUtc, ct)) Add(r.UnitId, r.At, r.Fact);
        foreach (var r in await SpotCheckFactsAsync(db, c, window, ct)) Add(r.UnitId, r.At, r.Fact);
        foreach (var r in await TroubleSpotFactsAsync(db, window, ct)) Add(r.UnitId, r.At, r.Fact);
        foreach (var r in await ProgressReportFactsAsync(db, c, window, asOfUtc, ct)) Add(r.UnitId, r.At, r.Fact);
        foreach (var r in await RegisterFactsAsync(db, c, window, asOfUtc, ct)) Add(r.UnitId, r.At, r.Fact);

        var figures = await FiguresAsync(db, c, window, rules, prefectures, ct);
        return [.. prefectures.Select(p => new UnitFacts(p.Code, figures[p.Id],
            [.. facts[p.Id].OrderBy(f => f.At).ThenBy(f => f.Fact.Source.Type, StringComparer.Ordinal).ThenBy(f => f.Fact.Source.Id, StringComparer.Ordinal).Select(f => f.Fact)]))];
    }

    private sealed record Dated(int UnitId, DateTime At, Fact Fact);

    /// <summary>The prefectures with a reporting unit of the campaign in their subtree (or that report themselves), by code.</summary>
    public static Task<List<Unit>> PrefecturesAsync(CenturionDb db, Campaign c, CancellationToken ct = default) =>
        PeersAsync(db, c, UnitLevel.Prefecture, within: null, ct);

    /// <summary>The units of <paramref name="level"/> (below <paramref name="within"/>, if given) with a reporting unit of the campaign at or below them, by code.</summary>
    public static async Task<List<Unit>> PeersAsync(CenturionDb db, Campaign c, UnitLevel level, int? within, CancellationToken ct = default)
    {
        var reporting = db.CampaignUnits.Where(cu => cu.CampaignId == c.Id).Select(cu => cu.UnitId);
        var above = db.UnitLinks.Where(l => reporting.Contains(l.DescendantId)).Select(l => l.AncestorId);
        var units = db.Units.Where(u => u.Level == level && above.Contains(u.Id));
        if (within is { } w) units = units.Where(u => db.UnitLinks.Any(l => l.AncestorId == w && l.DescendantId == u.Id));
        return await units.OrderBy(u => u.Code).ToListAsync(ct);
    }

    private static async Task<List<Dated>> ReportFactsAsync(CenturionDb db, Campaign c, Window window, DateTime asOfUtc, CancellationToken ct)
    {
        var reports = await db.Reports.Where(r => r.CampaignId == c.Id && r.PeriodStart >= window.From && r.PeriodStart <= window.To)
            .Select(r => new { r.UnitId, r.Unit!.Code, r.Unit.NameZh, r.PeriodStart, r.DeadlineUtc, r.FirstSubmittedUtc, r.Late })
            .ToListAsync(ct);
        var result = new List<Dated>();
        foreach (var r in reports.Where(r => r.Late && r.FirstSubmittedUtc <= asOfUtc))
            result.Add(new(r.UnitId, r.DeadlineUtc, new(FactKind.LateReport, ReportSource(c, r.Code, r.NameZh, r.PeriodStart))));

        var submitted = reports.Where(r => r.FirstSubmittedUtc is { } at && at <= asOfUtc).Select(r => (r.UnitId, r.PeriodStart)).ToHashSet();
        var units = await db.CampaignUnits.Where(cu => cu.CampaignId == c.Id).Select(cu => new { cu.UnitId, cu.Unit!.Code, cu.Unit.NameZh }).ToListAsync(ct);
        var from = window.From < c.StartDate ? c.StartDate : window.From;
        var to = window.To > c.EndDate ? c.EndDate : window.To;
        foreach (var p in Periods.Between(c.Cadence, from, to).Where(p => p.Start >= from && c.DeadlineUtc(p) < asOfUtc))
            foreach (var u in units.Where(u => !submitted.Contains((u.UnitId, p.Start))))
                result.Add(new(u.UnitId, c.DeadlineUtc(p), new(FactKind.MissingReport, ReportSource(c, u.Code, u.NameZh, p.Start))));
        return result;
    }

    private static SourceRef ReportSource(Campaign c, string unit, string name, DateOnly period) =>
        new("report", $"{c.Code}/{unit}/{period:yyyy-MM-dd}", $"{name} {period:yyyy-MM-dd}");

    private static async Task<List<Dated>> ItemFactsAsync(CenturionDb db, Campaign c, Window window, DateTime asOfUtc, CancellationToken ct)
    {
        var fromUtc = ProvinceTime.StartUtc(window.From);
        var items = await db.Set<RectificationItem>()
            .Where(i => i.Finding!.Inspection!.Plan!.Team!.CampaignId == c.Id
                && ((i.Deadline >= window.From && i.Deadline <= window.To) || (i.ClosedOutUtc >= fromUtc && i.ClosedOutUtc < ProvinceTime.StartUtc(window.To.AddDays(1)))))
            .Select(i => new { i.Id, i.UnitId, i.Measure, i.Deadline, i.ClosedOutUtc }).ToListAsync(ct);
        var result = new List<Dated>();
        foreach (var i in items)
        {
            var dayAfter = ProvinceTime.StartUtc(i.Deadline.AddDays(1));
            var source = new SourceRef("item", i.Id.ToString(), i.Measure);
            if (i.Deadline >= window.From && i.Deadline <= window.To && dayAfter <= asOfUtc && (i.ClosedOutUtc is null || i.ClosedOutUtc >= dayAfter))
                result.Add(new(i.UnitId, dayAfter, new(FactKind.OverdueItem, source)));
            if (i.ClosedOutUtc is { } closed && closed >= fromUtc && closed < ProvinceTime.StartUtc(window.To.AddDays(1)) && closed < ProvinceTime.StartUtc(i.Deadline))
                result.Add(new(i.UnitId, closed, new(FactKind.EarlyCloseOut, source)));
        }
        return result;
    }

    private static async Task<List<Dated>> SpotCheckFactsAsync(CenturionDb db, Campaign c, Window window, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (ProvinceTime.StartUtc(window.From), ProvinceTime.StartUtc(window.To.AddDays(1)));
        var failed = await db.Set<SpotCheck>()
            .Where(k => k.Draw!.CampaignId == c.Id && k.Draw.SupersededUtc == null && k.Passed == false && k.CalledUtc >= fromUtc && k.CalledUtc < toUtc)
            .Select(k => new { k.Id, k.DrawId, k.UnitId, k.Unit!.NameZh, k.CalledUtc }).ToListAsync(ct);
        return [.. failed.Select(k => new Dated(k.UnitId, k.CalledUtc!.Value,
            new(FactKind.FailedSpotCheck, new("spot-check", $"{k.DrawId}/{k.Id}", $"{k.NameZh} {ProvinceTime.ToLocal(k.CalledUtc.Value):yyyy-MM-dd HH:mm}"))))];
    }

    private static async Task<List<Dated>> TroubleSpotFactsAsync(CenturionDb db, Window window, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (ProvinceTime.StartUtc(window.From), ProvinceTime.StartUtc(window.To.AddDays(1)));
        var (cleared, rectifying) = (TroubleSpotStatus.Cleared.ToString(), TroubleSpotStatus.Rectifying.ToString());
        var reopened = await (from ch in db.Set<TroubleSpotChange>()
                              join s in db.Set<TroubleSpot>() on ch.TroubleSpotId equals s.Id
                              where ch.From == cleared && ch.To == rectifying && ch.AtUtc >= fromUtc && ch.AtUtc < toUtc
                              select new { ch.Id, s.UnitId, SpotId = s.Id, s.Name, ch.AtUtc }).ToListAsync(ct);
        return [.. reopened.Select(r => new Dated(r.UnitId, r.AtUtc, new(FactKind.ReopenedTroubleSpot, new("trouble-spot", r.SpotId.ToString(), r.Name))))];
    }

    /// <summary>
    /// Every due instant of a listing's progress reports that passed without a report: the first is due N province days after
    /// listing, each report moves it to N days after the report (as <see cref="Listing.Report"/> does), and a due instant is missed
    /// when the next report came at or after it, or none came, while the listing was still listed. The listings are the campaign's
    /// items', and the trouble spots listed during the campaign.
    /// </summary>
    private static async Task<List<Dated>> ProgressReportFactsAsync(CenturionDb db, Campaign c, Window window, DateTime asOfUtc, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (ProvinceTime.StartUtc(window.From), ProvinceTime.StartUtc(window.To.AddDays(1)));
        var (campaignFrom, campaignTo) = (ProvinceTime.StartUtc(c.StartDate), ProvinceTime.StartUtc(c.EndDate.AddDays(1)));
        var listings = await db.Set<Listing>()
            .Where(l => l.ListedUtc < toUtc && l.ListedUtc <= asOfUtc && (l.DelistedUtc == null || l.DelistedUtc >= fromUtc)
                && (l.Kind == ListingKind.Item ? l.Item!.Finding!.Inspection!.Plan!.Team!.CampaignId == c.Id : l.ListedUtc >= campaignFrom && l.ListedUtc < campaignTo))
            .Select(l => new { l.Id, l.UnitId, l.Kind, l.Place, Measure = l.Item!.Measure, l.IntervalDays, l.ListedUtc, l.DelistedUtc })
            .ToListAsync(ct);
        var ids = listings.Select(l => l.Id).ToList();
        var reports = (await db.Set<ListingChange>().Where(h => ids.Contains(h.ListingId) && h.Event == ListingEvent.Reported)
                .Select(h => new { h.ListingId, h.AtUtc }).ToListAsync(ct))
            .ToLookup(h => h.ListingId, h => h.AtUtc);
        var result = new List<Dated>();
        foreach (var l in listings)
        {
            var subject = l.Kind == ListingKind.Item ? l.Measure : l.Place;
            var times = reports[l.Id].Order().ToList();
            var setAt = l.ListedUtc;
            for (var i = 0; ; i++)
            {
                var due = Listing.DueAfter(setAt, l.IntervalDays);
                if (due >= toUtc || due > asOfUtc || l.DelistedUtc is { } off && off < due) break;
                var next = i < times.Count ? times[i] : (DateTime?)null;
                if ((next is null || next >= due) && due >= fromUtc)
                    result.Add(new(l.UnitId, due, new(FactKind.OverdueProgressReport,
                        new("listing", $"{l.Id}/{due:yyyy-MM-ddTHH:mm}Z", $"{subject} {ProvinceTime.ToLocal(due):yyyy-MM-dd}"))));
                if (next is null) break;
                setAt = next.Value;
            }
        }
        return result;
    }

    /// <summary>The register's incidents and commendations dated in the window that count at the evaluation's instant.</summary>
    private static async Task<List<Dated>> RegisterFactsAsync(CenturionDb db, Campaign c, Window window, DateTime asOfUtc, CancellationToken ct)
    {
        var entries = await db.Set<RegisterEntry>()
            .Where(e => e.CampaignId == c.Id && e.Date >= window.From && e.Date <= window.To && e.RecordedUtc <= asOfUtc && (e.WithdrawnUtc == null || e.WithdrawnUtc > asOfUtc))
            .Select(e => new { e.Id, e.Type, e.UnitId, e.Unit!.NameZh, e.Date, e.Kind, e.Major, e.AwardedBy }).ToListAsync(ct);
        return [.. entries.Select(e => new Dated(e.UnitId, ProvinceTime.StartUtc(e.Date), e.Type == RegisterType.Incident
            ? new(FactKind.NegativeIncident, new("incident", e.Id.ToString(), $"{e.Date:yyyy-MM-dd} {e.NameZh} {e.Kind}"), e.Major)
            : new(FactKind.Commendation, new("commendation", e.Id.ToString(), $"{e.Date:yyyy-MM-dd} {e.NameZh} {e.AwardedBy}"))))];
    }

    /// <summary>Each prefecture's figure of each indicator the rules name: the subtree's total for the window, and a year before.</summary>
    private static async Task<Dictionary<int, List<IndicatorFigure>>> FiguresAsync(CenturionDb db, Campaign c, Window window,
        IReadOnlyList<IndicatorRule> rules, IReadOnlyList<Unit> prefectures, CancellationToken ct)
    {
        var result = prefectures.ToDictionary(p => p.Id, _ => new List<IndicatorFigure>());
        var codes = rules.Select(r => r.Indicator).Distinct().ToList();
        var indicators = await db.Indicators.Where(i => codes.Contains(i.Code)).ToListAsync(ct);
        var ids = prefectures.Select(p => p.Id).ToList();
        var lastYear = ComparisonWindows.LastYear(window.From, window.To);
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var now = await SubtreeTotals.ForAsync(db, c, indicator, ids, window, ct);
            var before = await SubtreeTotals.ForAsync(db, c, indicator, ids, lastYear, ct);
            foreach (var p in prefectures)
                result[p.Id].Add(new(indicator.Code, now.GetValueOrDefault(p.Id), before.TryGetValue(p.Id, out var b) ? b : null,
                    indicator.Measure != Measure.PersonTimes,
                    new("figure", $"{c.Code}/{p.Code}/{indicator.Code}/{window.From:yyyy-MM-dd}/{window.To:yyyy-MM-dd}", $"{p.NameZh} {indicator.NameZh}")));
        }
        return result;
    }
}
