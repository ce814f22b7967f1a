using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers;

/// <summary>
/// Whose work a ledger entry is: the reporters and unit leaders of the county or station that keeps it (and of the county
/// above a station). The units above read the ledgers and see overdue entries in their lists, but the doing is the county's,
/// so a prefecture's or the province's work list is not every county's backlog.
/// </summary>
public sealed class LedgerKeepers(CenturionDb db, CallerScope scope, LedgerAccess access)
{
    private bool? _keeper;

    public async Task<bool> IsKeeperAsync(CancellationToken ct = default) =>
        _keeper ??= await access.CanEditAsync(ct) && (await scope.OwnUnitAsync(db, ct)).Level is UnitLevel.County or UnitLevel.Station;
}

/// <summary>Latent hazards not yet eliminated whose deadline is within three days or has passed.</summary>
public sealed class HazardsDue(CenturionDb db, CallerScope scope, LedgerKeepers keepers) : IWorkSource
{
    public static readonly WorkKind Kind = new("hazard", new("隐患整改", "Latent hazard"));

    private IQueryable<Hazard> Due(DateTimeOffset now)
    {
        var until = WorkDays.SoonUntil(now);
        return scope.Within(db, db.Set<Hazard>().Where(h => h.Status != HazardStatus.Eliminated && h.Deadline <= until));
    }

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!await keepers.IsKeeperAsync(ct)) return [];
        var rows = await Due(now).OrderBy(h => h.Deadline).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.Description, h.Place, h.Deadline, h.Status, h.Unit!.NameZh, h.Unit.NameEn }).ToListAsync(ct);
        return [.. rows.Select(h => new WorkItem(Kind, $"hazard:{h.Id}",
            new($"{(h.Status == HazardStatus.Found ? "交办并消除" : "消除")}隐患：{h.Description}（{h.Place}，{h.NameZh}）",
                $"{(h.Status == HazardStatus.Found ? "Assign and eliminate" : "Eliminate")} the hazard: {h.Description} ({h.Place}, {Pick(h.NameEn, h.NameZh)})"),
            $"/ledgers/hazards/{h.Id}", h.Deadline, WorkDays.IsOverdue(h.Deadline, now)))];
    }

    public async Task<WorkCount> CountAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!await keepers.IsKeeperAsync(ct)) return WorkCount.None;
        var today = WorkDays.Today(now);
        var counts = await Due(now).GroupBy(_ => 1).Select(g => new { Total = g.Count(), Overdue = g.Count(h => h.Deadline < today) }).FirstOrDefaultAsync(ct);
        return counts is null ? WorkCount.None : new(counts.Total, counts.Overdue);
    }

    internal static string Pick(string en, string zh) => en.Length > 0 ? en : zh;
}

/// <summary>
/// Trouble spots still open whose deadline is within three days or has passed, and cleared ones whose re-check falls due
/// within three days or is late (the re-check is a unit leader's).
/// </summary>
public sealed class TroubleSpotsDue(CenturionDb db, CallerScope scope, LedgerKeepers keepers) : IWorkSource
{
    public static readonly WorkKind Rectify = new("trouble-spot", new("乱点整治", "Trouble spot"));
    public static readonly WorkKind Recheck = new("trouble-spot-recheck", new("乱点复查", "Trouble-spot re-check"));

    private IQueryable<TroubleSpot> Due(DateTimeOffset now)
    {
        var until = WorkDays.SoonUntil(now);
        var rechecks = scope.IsIn(Roles.UnitLeader);
        return scope.Within(db, db.Set<TroubleSpot>().Where(s =>
            ((s.Status == TroubleSpotStatus.Listed || s.Status == TroubleSpotStatus.Rectifying) && s.Deadline <= until)
            || (rechecks && s.Status == TroubleSpotStatus.Cleared && s.RecheckDue <= until)));
    }

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!await keepers.IsKeeperAsync(ct)) return [];
        var rows = await Due(now).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Status, s.Deadline, s.RecheckDue, s.Recurrences, s.Unit!.NameZh, s.Unit.NameEn }).ToListAsync(ct);
        return [.. rows.Select(s =>
        {
            var unitEn = HazardsDue.Pick(s.NameEn, s.NameZh);
            if (s.Status == TroubleSpotStatus.Cleared)
                return new WorkItem(Recheck, $"trouble-spot-recheck:{s.Id}",
                    new($"复查乱点：{s.Name}（{s.NameZh}）", $"Re-check the trouble spot: {s.Name} ({unitEn})"),
                    $"/ledgers/trouble-spots/{s.Id}", s.RecheckDue, WorkDays.IsOverdue(s.RecheckDue!.Value, now));
            var again = s.Recurrences > 0;
            return new WorkItem(Rectify, $"trouble-spot:{s.Id}",
                new($"整治乱点：{s.Name}（{s.NameZh}{(again ? $"，已反弹 {s.Recurrences} 次" : "")}）",
                    $"Clear the trouble spot: {s.Name} ({unitEn}{(again ? $", back {s.Recurrences}×" : "")})"),
                $"/ledgers/trouble-spots/{s.Id}", s.Deadline, WorkDays.IsOverdue(s.Deadline, now));
        })];
    }

    public async Task<WorkCount> CountAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!await keepers.IsKeeperAsync(ct)) return WorkCount.None;
        var today = WorkDays.Today(now);
        var counts = await Due(now).GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Overdue = g.Count(s => s.Status == TroubleSpotStatus.Cleared ? s.RecheckDue < today : s.Deadline < today),
        }).FirstOrDefaultAsync(ct);
        return counts is null ? WorkCount.None : new(counts.Total, counts.Overdue);
    }
}

/// <summary>Open screening rounds (today within the round) in which the caller's own unit, a participating unit, has not screened yet; due by the round's last day.</summary>
public sealed class ScreeningsDue(CenturionDb db, CallerScope scope, LedgerKeepers keepers) : IWorkSource
{
    public static readonly WorkKind Kind = new("screening", new("纠纷排查", "Dispute screening"));

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!await keepers.IsKeeperAsync(ct)) return [];
        var today = WorkDays.Today(now);
        var me = scope.UnitId;
        var rounds = await db.Set<ScreeningRound>()
            .Where(r => r.StartsOn <= today && today <= r.EndsOn && db.CampaignUnits.Any(cu => cu.CampaignId == r.CampaignId && cu.UnitId == me)
                && !db.Set<Screening>().Any(s => s.RoundId == r.Id && s.UnitId == me))
            .Join(db.Campaigns, r => r.CampaignId, c => c.Id, (r, c) => new { r.Id, r.Number, r.EndsOn, c.Code, c.NameZh, c.NameEn })
            .OrderBy(r => r.EndsOn).ToListAsync(ct);
        return [.. rounds.Select(r => new WorkItem(Kind, $"screening:{r.Id}:{me}",
            new($"完成 {r.NameZh} 第 {r.Number} 轮纠纷排查", $"Screen for disputes in round {r.Number} of {HazardsDue.Pick(r.NameEn, r.NameZh)}"),
            $"/ledgers/screening?campaign={Uri.EscapeDataString(r.Code)}", r.EndsOn, false))];
    }
}
