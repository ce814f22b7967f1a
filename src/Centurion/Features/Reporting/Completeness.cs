using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

public enum Timeliness { OnTime, Late, Missing, Pending }

public sealed record CompletenessCounts(int Expected, int Received, int OnTime, int Late, int Missing, int Pending, int Nil)
{
    /// <summary>Received as a share of those already due (pending ones are not yet due).</summary>
    public double? ReceivedRate => Expected - Pending is var due && due > 0 ? (double)Received / due : null;

    public static CompletenessCounts Of(IEnumerable<(Timeliness State, bool Nil)> items)
    {
        var list = items.ToList();
        return new(list.Count, list.Count(i => i.State is Timeliness.OnTime or Timeliness.Late), list.Count(i => i.State == Timeliness.OnTime),
            list.Count(i => i.State == Timeliness.Late), list.Count(i => i.State == Timeliness.Missing), list.Count(i => i.State == Timeliness.Pending),
            list.Count(i => i.Nil));
    }
}

public sealed record UnitCompleteness(string Code, string NameZh, string NameEn, CompletenessCounts Counts);

public sealed record CompletenessDto(string Unit, DateOnly From, DateOnly To, CompletenessCounts Total, IReadOnlyList<UnitCompleteness> ByUnit);

public sealed record OutstandingUnit(string Code, string NameZh, string NameEn, string? ParentCode, string? ParentNameZh, string? ParentNameEn, string Status);

public sealed record OutstandingDto(DateOnly PeriodStart, DateOnly PeriodEnd, DateTime DeadlineUtc, bool Overdue, int Expected, IReadOnlyList<OutstandingUnit> Units);

/// <summary>Who owed a report, who sent it, on time or late, and who has not: for any subtree and date range.</summary>
public static class Completeness
{
    /// <summary>Where one expected report stands. Pure.</summary>
    public static Timeliness Classify(DateTime? firstSubmittedUtc, DateTime deadlineUtc, DateTime nowUtc) =>
        firstSubmittedUtc is { } at ? (at > deadlineUtc ? Timeliness.Late : Timeliness.OnTime)
        : nowUtc > deadlineUtc ? Timeliness.Missing : Timeliness.Pending;

    public static async Task<CompletenessDto> ForAsync(CenturionDb db, Campaign c, Units.Unit root, DateOnly from, DateOnly to, DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(ProvinceTime.ToLocal(nowUtc));
        var periods = Periods.Between(c.Cadence, Max(from, c.StartDate), Min(to, c.EndDate)).Where(p => p.Start <= today).ToList();
        var units = await CampaignOperations.ReportingUnits(db, c.Id, root.Id).Select(u => u.Id).ToListAsync(ct);
        var first = periods.FirstOrDefault().Start;
        var last = periods.LastOrDefault().Start;
        var reports = periods.Count == 0 ? [] : await db.Reports
            .Where(r => r.CampaignId == c.Id && r.PeriodStart >= first && r.PeriodStart <= last && units.Contains(r.UnitId))
            .Select(r => new { r.UnitId, r.PeriodStart, r.FirstSubmittedUtc, Nil = r.Revisions.Any(v => v.Effective && v.Nil) })
            .ToListAsync(ct);
        var byKey = reports.ToDictionary(r => (r.UnitId, r.PeriodStart));
        var items = (from u in units
                     from p in periods
                     let r = byKey.GetValueOrDefault((u, p.Start))
                     select (Unit: u, State: Classify(r?.FirstSubmittedUtc, c.DeadlineUtc(p), nowUtc), Nil: r?.Nil ?? false)).ToList();

        // Roll each reporting unit up to the child of the root it lies under (or to itself when the root reports).
        var children = await db.Units.Where(u => u.ParentId == root.Id).OrderBy(u => u.Code).ToListAsync(ct);
        var childIds = children.Select(ch => ch.Id).ToList();
        var under = await db.UnitLinks.Where(l => childIds.Contains(l.AncestorId) && units.Contains(l.DescendantId))
            .ToDictionaryAsync(l => l.DescendantId, l => l.AncestorId, ct);
        var byChild = children.Where(ch => under.ContainsValue(ch.Id))
            .Select(ch => new UnitCompleteness(ch.Code, ch.NameZh, ch.NameEn,
                CompletenessCounts.Of(items.Where(i => under.GetValueOrDefault(i.Unit) == ch.Id).Select(i => (i.State, i.Nil)))))
            .ToList();
        return new(root.Code, from, to, CompletenessCounts.Of(items.Select(i => (i.State, i.Nil))), byChild);
    }

    /// <summary>The reporting units in a subtree with no submitted report for the period holding the date.</summary>
    public static async Task<OutstandingDto> OutstandingAsync(CenturionDb db, Campaign c, Units.Unit root, DateOnly date, DateTime nowUtc, CancellationToken ct = default)
    {
        var period = Periods.Containing(c.Cadence, date);
        var deadline = c.DeadlineUtc(period);
        var expected = CampaignOperations.ReportingUnits(db, c.Id, root.Id);
        var outstanding = await expected
            .Where(u => !db.Reports.Any(r => r.CampaignId == c.Id && r.UnitId == u.Id && r.PeriodStart == period.Start && r.FirstSubmittedUtc != null))
            .OrderBy(u => u.Code)
            .Select(u => new OutstandingUnit(u.Code, u.NameZh, u.NameEn, u.Parent!.Code, u.Parent.NameZh, u.Parent.NameEn,
                db.Reports.Where(r => r.CampaignId == c.Id && r.UnitId == u.Id && r.PeriodStart == period.Start).Select(r => "draft").FirstOrDefault() ?? "not-started"))
            .ToListAsync(ct);
        return new(period.Start, period.End, deadline, nowUtc > deadline, await expected.CountAsync(ct), outstanding);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
