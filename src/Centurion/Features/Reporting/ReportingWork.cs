using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

/// <summary>
/// The reports a reporter or unit leader must file for their own unit: in each campaign their unit reports in, every period
/// that has begun with no report submitted (none, a draft, or one returned), while the campaign is open (until its last
/// period's deadline). Overdue once the period's deadline has passed.
/// </summary>
public sealed class ReportsToFile(CenturionDb db, CallerScope scope) : IWorkSource
{
    public static readonly WorkKind Kind = new("report-to-file", new("待填报表", "Report to file"));

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!scope.IsInAny(Roles.Reporter, Roles.UnitLeader)) return [];
        var today = WorkDays.Today(now);
        var nowUtc = now.UtcDateTime;
        var me = scope.UnitId;
        var campaigns = (await db.Campaigns.Where(c => c.StartDate <= today && db.CampaignUnits.Any(cu => cu.CampaignId == c.Id && cu.UnitId == me))
            .ToListAsync(ct)).Where(c => nowUtc <= c.DeadlineUtc(Periods.Containing(c.Cadence, c.EndDate))).ToList();
        if (campaigns.Count == 0) return [];
        var unit = await scope.OwnUnitAsync(db, ct);
        var items = new List<WorkItem>();
        foreach (var c in campaigns.OrderBy(c => c.StartDate).ThenBy(c => c.Code))
        {
            var filed = await db.Reports.Where(r => r.CampaignId == c.Id && r.UnitId == me)
                .Select(r => new { r.PeriodStart, Status = r.Revisions.OrderByDescending(v => v.Number).Select(v => v.Status).First() })
                .ToDictionaryAsync(r => r.PeriodStart, r => r.Status, ct);
            foreach (var p in Periods.Between(c.Cadence, c.StartDate, c.Clamp(today)).Where(p => p.Start <= today))
            {
                var status = filed.TryGetValue(p.Start, out var s) ? s : (RevisionStatus?)null;
                if (status is RevisionStatus.Submitted or RevisionStatus.Approved) continue;
                var deadline = c.DeadlineUtc(p);
                var returned = status == RevisionStatus.Returned;
                items.Add(new WorkItem(Kind, $"report:{c.Id}:{me}:{p.Start:yyyy-MM-dd}",
                    new(returned ? $"{c.NameZh} {p} 报表被退回，请修改后重新上报" : $"填报 {c.NameZh} {p} 报表",
                        returned ? $"The {p} report for {c.Name(true)} was returned: correct and resubmit it" : $"File the {p} report for {c.Name(true)}"),
                    $"/campaigns/{c.Code}/reports/{unit.Code}/{p.Start:yyyy-MM-dd}",
                    DateOnly.FromDateTime(ProvinceTime.ToLocal(deadline)), nowUtc > deadline));
            }
        }
        return items;
    }
}

/// <summary>
/// Submitted reports waiting for the caller's decision: a unit leader's or the campaign office's, for the units below them
/// (never their own unit, never what they submitted themselves), as on the approvals page. No deadline of their own.
/// </summary>
public sealed class ReportsToApprove(CenturionDb db, CallerScope scope, Actor actor) : IWorkSource
{
    public static readonly WorkKind Kind = new("report-to-approve", new("待审批报表", "Report to approve"));

    /// <summary>As many as the approvals page lists; the count says how many there are in all.</summary>
    public const int MaxListed = 500;

    private async Task<IQueryable<ReportRevision>> WaitingAsync(CancellationToken ct)
    {
        // The caller's few campaigns first, so the count starts from the (indexed) submitted revisions.
        var campaigns = await CampaignOperations.Visible(db, scope).Select(c => c.Id).ToListAsync(ct);
        return Reports.AwaitingDecision(db, scope, actor).Where(v => campaigns.Contains(v.Report!.CampaignId));
    }

    private bool MayDecide => scope.IsInAny(Roles.UnitLeader, Roles.CampaignOffice);

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!MayDecide) return [];
        var rows = await (await WaitingAsync(ct)).OrderBy(v => v.Report!.PeriodStart).ThenBy(v => v.Report!.Unit!.Code).Take(MaxListed)
            .Select(v => new
            {
                v.ReportId, v.Number, Campaign = v.Report!.Campaign!.Code, CampaignZh = v.Report.Campaign.NameZh, CampaignEn = v.Report.Campaign.NameEn,
                v.Report.Unit!.Code, v.Report.Unit.NameZh, v.Report.Unit.NameEn, v.Report.PeriodStart, v.Report.PeriodEnd,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var period = new Period(r.PeriodStart, r.PeriodEnd);
            var campaignEn = r.CampaignEn.Length > 0 ? r.CampaignEn : r.CampaignZh;
            var unitEn = r.NameEn.Length > 0 ? r.NameEn : r.NameZh;
            return new WorkItem(Kind, $"report-approval:{r.ReportId}:{r.Number}",
                new($"审批 {r.NameZh} {period} 报表（{r.CampaignZh}）", $"Approve {unitEn}'s {period} report ({campaignEn})"),
                $"/campaigns/{r.Campaign}/reports/{r.Code}/{r.PeriodStart:yyyy-MM-dd}", null, false);
        })];
    }

    public async Task<WorkCount> CountAsync(DateTimeOffset now, CancellationToken ct = default) =>
        MayDecide ? new(await (await WaitingAsync(ct)).CountAsync(ct), 0) : WorkCount.None;
}
