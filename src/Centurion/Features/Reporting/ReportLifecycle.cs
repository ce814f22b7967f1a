using Centurion.Infrastructure;

namespace Centurion.Features.Reporting;

/// <summary>
/// The rules of a report's life: draft → submitted → approved, or returned and resubmitted; an approved report is
/// locked and changes only by a correction, a new revision with a reason that is approved again.
/// </summary>
public static class ReportLifecycle
{
    public static ReportRevision Current(this Report r) => r.Revisions.MaxBy(v => v.Number)!;

    public static ReportRevision? EffectiveRevision(this Report r) => r.Revisions.SingleOrDefault(v => v.Effective);

    public static Report Open(int campaignId, int unitId, Campaigns.Period period, DateTime deadlineUtc, string actor, DateTime now) => new()
    {
        CampaignId = campaignId, UnitId = unitId, PeriodStart = period.Start, PeriodEnd = period.End, DeadlineUtc = deadlineUtc,
        Revisions = [new ReportRevision { Number = 1, UnitId = unitId, Status = RevisionStatus.Draft, CreatedBy = actor, CreatedUtc = now }],
    };

    /// <summary>Replaces the draft's figures. Blank (null) values are left out.</summary>
    public static void SaveDraft(this Report r, IReadOnlyDictionary<int, long?> values, bool nil)
    {
        var rev = r.Current();
        if (rev.Status is RevisionStatus.Submitted or RevisionStatus.Approved)
            throw DomainException.Conflict(rev.Status == RevisionStatus.Submitted
                ? new("报表已上报，等待审核，不能修改；如需修改，请上级退回。", "The report is submitted and awaits review; ask the unit above to return it to change it.")
                : new("报表已审核锁定；如需更正，请发起更正并说明理由。", "The report is approved and locked; start a correction, with a reason, to change it."));
        rev.Status = RevisionStatus.Draft;
        rev.Nil = nil;
        rev.Values.RemoveAll(v => !values.ContainsKey(v.IndicatorId) || values[v.IndicatorId] is null);
        foreach (var (indicator, value) in values)
        {
            if (value is null) continue;
            var existing = rev.Values.FirstOrDefault(v => v.IndicatorId == indicator);
            if (existing is null) rev.Values.Add(new ReportValue { IndicatorId = indicator, UnitId = r.UnitId, Value = value.Value });
            else if (existing.Value != value) (existing.Value, existing.Confirmed) = (value.Value, false);
        }
        r.Version++;
    }

    public static void Submit(this Report r, string actor, DateTime now, IEnumerable<int> confirmedIndicators)
    {
        var rev = r.Current();
        if (rev.Status is not (RevisionStatus.Draft or RevisionStatus.Returned))
            throw DomainException.Conflict(new("只有草稿或被退回的报表可以上报。", "Only a draft or a returned report can be submitted."));
        if (rev.Number > 1 && string.IsNullOrWhiteSpace(rev.Reason))
            throw DomainException.Invalid(new("更正须说明理由。", "A correction needs a reason."));
        foreach (var v in rev.Values.Where(v => confirmedIndicators.Contains(v.IndicatorId))) v.Confirmed = true;
        rev.Status = RevisionStatus.Submitted;
        rev.SubmittedBy = actor;
        rev.SubmittedUtc = now;
        if (r.FirstSubmittedUtc is null)
        {
            r.FirstSubmittedUtc = now;
            r.Late = now > r.DeadlineUtc;
        }
        MakeEffective(r, rev);
        r.Version++;
    }

    public static void Approve(this Report r, string actor, DateTime now)
    {
        var rev = r.Current();
        if (rev.Status != RevisionStatus.Submitted)
            throw DomainException.Conflict(new("只有已上报的报表可以审核通过。", "Only a submitted report can be approved."));
        if (rev.SubmittedBy == actor)
            throw new DomainException(StatusCodes.Status403Forbidden, new("不能审核自己上报的报表。", "You cannot approve a report you submitted."));
        (rev.Status, rev.DecidedBy, rev.DecidedUtc) = (RevisionStatus.Approved, actor, now);
        r.Version++;
    }

    public static void Return(this Report r, string actor, DateTime now, string? reason)
    {
        var rev = r.Current();
        if (rev.Status != RevisionStatus.Submitted)
            throw DomainException.Conflict(new("只有已上报的报表可以退回。", "Only a submitted report can be returned."));
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("退回须说明理由。", "Say why the report is returned."));
        if (rev.SubmittedBy == actor)
            throw new DomainException(StatusCodes.Status403Forbidden, new("不能退回自己上报的报表。", "You cannot return a report you submitted."));
        (rev.Status, rev.DecidedBy, rev.DecidedUtc, rev.ReturnReason) = (RevisionStatus.Returned, actor, now, reason.Trim());
        // A returned revision no longer counts; the last approved one, if any, counts again.
        MakeEffective(r, r.Revisions.Where(v => v.Status == RevisionStatus.Approved).MaxBy(v => v.Number));
        r.Version++;
    }

    public static ReportRevision StartCorrection(this Report r, string actor, DateTime now, string? reason)
    {
        var rev = r.Current();
        if (rev.Status != RevisionStatus.Approved)
            throw DomainException.Conflict(new("只有已审核的报表需要发起更正；草稿或被退回的报表可直接修改。", "Only an approved report needs a correction; a draft or returned one can be edited."));
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("更正须说明理由。", "A correction needs a reason."));
        var next = new ReportRevision
        {
            Number = rev.Number + 1, UnitId = r.UnitId, Status = RevisionStatus.Draft, Nil = rev.Nil, Reason = reason.Trim(),
            CreatedBy = actor, CreatedUtc = now,
            Values = [.. rev.Values.Select(v => new ReportValue { IndicatorId = v.IndicatorId, UnitId = v.UnitId, Value = v.Value, Confirmed = v.Confirmed })],
        };
        r.Revisions.Add(next);
        r.Version++;
        return next;
    }

    private static void MakeEffective(Report r, ReportRevision? rev)
    {
        foreach (var v in r.Revisions) v.Effective = ReferenceEquals(v, rev);
    }
}
