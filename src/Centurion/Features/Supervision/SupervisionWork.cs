using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision;

/// <summary>
/// What supervision has waiting for the caller: items their own unit must rectify or submit; for team members, items
/// to verify or close out, and their team's inspections still to carry out. Read through the secrecy filters, so a plan
/// never shows in the inspected unit's list, and a plan's entry is confidential (never posted to a group webhook).
/// </summary>
public sealed class SupervisionWork(CenturionDb db, CallerScope scope, Actor actor) : IWorkSource
{
    public static readonly WorkKind Rectify = new("rectify-item", new("待整改", "Item to rectify"));
    public static readonly WorkKind Check = new("verify-item", new("待验收或销号", "Item to verify or close out"));
    public static readonly WorkKind CarryOut = new("carry-out-inspection", new("待实施的检查", "Inspection to carry out"));

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) return [];
        var caller = SupervisionCaller.Of(scope, actor);
        var items = InspectionPlans.ItemsVisibleTo(db, caller);
        var work = new List<WorkItem>();
        if (scope.IsInAny(Roles.Reporter, Roles.UnitLeader))
        {
            var mine = await items.Where(i => i.UnitId == caller.UnitId && (i.State == ItemState.Assigned || i.State == ItemState.InProgress))
                .Select(i => new { i.Id, i.Measure, i.Deadline }).ToListAsync(ct);
            work.AddRange(mine.Select(i => new WorkItem(Rectify, $"rectify:{i.Id}", Title("整改", "Rectify", i.Measure), $"/supervision/items/{i.Id}", i.Deadline,
                WorkDays.IsOverdue(i.Deadline, now))));
        }
        var teams = db.Set<TeamMember>().Where(m => m.UserId == caller.UserId).Select(m => m.TeamId);
        var toCheck = await items.Where(i => (i.State == ItemState.Submitted || i.State == ItemState.Verified) && teams.Contains(i.Finding!.Inspection!.Plan!.TeamId))
            .Select(i => new { i.Id, i.Measure, i.Deadline, i.State }).ToListAsync(ct);
        work.AddRange(toCheck.Select(i => new WorkItem(Check, $"check:{i.Id}",
            Title(i.State == ItemState.Submitted ? "验收" : "销号", i.State == ItemState.Submitted ? "Verify" : "Close out", i.Measure),
            $"/supervision/items/{i.Id}", i.Deadline, WorkDays.IsOverdue(i.Deadline, now))));
        var plans = await InspectionPlans.VisibleTo(db, caller).Where(p => p.State == PlanState.Planned && teams.Contains(p.TeamId))
            .Select(p => new { p.Id, p.PlannedOn, p.TargetUnit!.NameZh, p.TargetUnit.NameEn }).ToListAsync(ct);
        work.AddRange(plans.Select(p => new WorkItem(CarryOut, $"inspection:{p.Id}",
            new($"实施检查：{p.NameZh}", $"Carry out the inspection of {(p.NameEn.Length > 0 ? p.NameEn : p.NameZh)}"), $"/supervision/plans/{p.Id}", p.PlannedOn,
            WorkDays.IsOverdue(p.PlannedOn, now), Confidential: true)));
        return work;
    }

    private static Phrase Title(string zh, string en, string measure)
    {
        var m = measure.Length > 40 ? measure[..40] + "…" : measure;
        return new($"{zh}：{m}", $"{en}: {m}");
    }
}
