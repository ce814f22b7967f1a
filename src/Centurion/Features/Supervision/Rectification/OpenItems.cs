using Centurion.Data;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision.Rectification;

/// <summary>An open rectification item past its deadline: its responsible unit's code, measure, deadline and whole days overdue.</summary>
public sealed record OverdueItem(long Id, string Unit, string Measure, DateOnly Deadline, int DaysOverdue);

/// <summary>Rectification items as other features read them (the escalation ladder). No scope check: the caller decides who sees what.</summary>
public static class OpenItems
{
    /// <summary>
    /// The campaign's items from its inspections' findings that are overdue at <paramref name="nowUtc"/> (not closed out, the
    /// deadline's province day over: <see cref="RectificationItem.IsOverdue"/> as a query), with the days since the deadline: 1 on
    /// the day after it.
    /// </summary>
    public static async Task<IReadOnlyList<OverdueItem>> OverdueAsync(CenturionDb db, int campaignId, DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(ProvinceTime.ToLocal(nowUtc));
        var rows = await db.Set<RectificationItem>()
            .Where(i => i.Finding!.Inspection!.Plan!.Team!.CampaignId == campaignId && i.State != ItemState.ClosedOut && i.Deadline < today)
            .Select(i => new { i.Id, i.Unit!.Code, i.Measure, i.Deadline }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Id).Select(r => new OverdueItem(r.Id, r.Code, r.Measure, r.Deadline, today.DayNumber - r.Deadline.DayNumber))];
    }
}
