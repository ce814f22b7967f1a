using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Supervision;

/// <summary>Who is asking, as far as supervision's secrecy cares: the user, their unit, and whether they are the campaign office.</summary>
public sealed record SupervisionCaller(string? UserId, int UnitId, bool Office)
{
    public static SupervisionCaller Of(CallerScope scope, Actor actor) => new(actor.UserId, scope.UnitId, scope.IsIn(Roles.CampaignOffice));
}

/// <summary>
/// The one secrecy rule of unannounced inspections. Every read of plans, and of what hangs off them (inspections,
/// findings, items), goes through these filters, so a plan not yet carried out simply does not exist for the inspected
/// unit and the units above it: no detail, no list row, no count, no export, no work-list entry.
/// </summary>
public static class InspectionPlans
{
    /// <summary>
    /// A plan is visible to its team's members and to the campaign office at the campaign's root; once carried out, also to
    /// everyone whose subtree holds the target. A planned or cancelled plan is never visible to the target's chain.
    /// </summary>
    public static IQueryable<InspectionPlan> VisibleTo(CenturionDb db, SupervisionCaller c)
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == c.UnitId).Select(l => l.DescendantId);
        var myTeams = db.Set<TeamMember>().Where(m => m.UserId == c.UserId).Select(m => m.TeamId);
        var office = c.Office;
        var unit = c.UnitId;
        return db.Set<InspectionPlan>().Where(p => myTeams.Contains(p.TeamId)
            || (office && p.OfficeUnitId == unit)
            || (p.State == PlanState.CarriedOut && subtree.Contains(p.TargetUnitId)));
    }

    /// <summary>Findings of visible plans.</summary>
    public static IQueryable<Finding> FindingsVisibleTo(CenturionDb db, SupervisionCaller c)
    {
        var plans = VisibleTo(db, c).Select(p => p.Id);
        return db.Set<Finding>().Where(f => plans.Contains(f.Inspection!.PlanId));
    }

    /// <summary>Items of visible findings, and items a unit in the caller's subtree is responsible for.</summary>
    public static IQueryable<RectificationItem> ItemsVisibleTo(CenturionDb db, SupervisionCaller c)
    {
        var findings = FindingsVisibleTo(db, c).Select(f => f.Id);
        var subtree = db.UnitLinks.Where(l => l.AncestorId == c.UnitId).Select(l => l.DescendantId);
        return db.Set<RectificationItem>().Where(i => findings.Contains(i.FindingId) || subtree.Contains(i.UnitId));
    }
}
