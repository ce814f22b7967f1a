using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Centurion.Features.Reporting;

public enum RevisionStatus { Draft, Submitted, Returned, Approved }

/// <summary>
/// One unit's report for one period of a campaign, and the rules of its life: draft → submitted → approved, or returned
/// and resubmitted; an approved report is locked and changes only by a correction, a new revision with a reason that is
/// approved again. Its figures live in revisions (nothing is overwritten once submitted), and every change of state
/// leaves a <see cref="ReportTransition"/>. State changes only through the operations below, each of which refuses an
/// illegal move with a <see cref="DomainException"/>: 409 for the wrong state, 422 for missing input, 403 for the wrong person.
/// </summary>
public sealed class Report : IUnitOwned
{
    private readonly List<ReportRevision> _revisions = [];
    private readonly List<ReportTransition> _transitions = [];

    private Report() { }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public Campaign? Campaign { get; private set; }
    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateTime DeadlineUtc { get; private set; }

    /// <summary>When the report was first submitted; lateness is judged on this, not on later corrections.</summary>
    public DateTime? FirstSubmittedUtc { get; private set; }
    public bool Late { get; private set; }

    /// <summary>Incremented on every change; a save carrying an older version is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ReportRevision> Revisions => _revisions;

    /// <summary>Every change of state, in order; reports filed before the history existed have none.</summary>
    public IReadOnlyList<ReportTransition> Transitions => _transitions;

    public ReportRevision Current() => _revisions.MaxBy(v => v.Number)!;

    public ReportRevision? EffectiveRevision() => _revisions.SingleOrDefault(v => v.Effective);

    /// <summary>A new report, a draft of revision 1 with no figures.</summary>
    public static Report Open(int campaignId, int unitId, Period period, DateTime deadlineUtc, string by, DateTime at)
    {
        var report = new Report
        {
            CampaignId = campaignId, UnitId = unitId, PeriodStart = period.Start, PeriodEnd = period.End, DeadlineUtc = deadlineUtc,
        };
        report._revisions.Add(new ReportRevision(unitId, 1, nil: false, reason: null, by, at));
        report.Record(1, null, RevisionStatus.Draft, by, at, null);
        return report;
    }

    /// <summary>Replaces the draft's figures; a returned report becomes a draft again. Blank (null) values are left out.</summary>
    public void SaveDraft(string by, DateTime at, IReadOnlyDictionary<int, long?> values, bool nil)
    {
        var rev = Current();
        if (rev.Status is RevisionStatus.Submitted or RevisionStatus.Approved)
            throw DomainException.Conflict(rev.Status == RevisionStatus.Submitted
                ? new("报表已上报，等待审核，不能修改；如需修改，请上级退回。", "The report is submitted and awaits review; ask the unit above to return it to change it.")
                : new("报表已审核锁定；如需更正，请发起更正并说明理由。", "The report is approved and locked; start a correction, with a reason, to change it."));
        if (rev.Status == RevisionStatus.Returned) Move(rev, RevisionStatus.Draft, by, at, null);
        rev.Replace(values, nil);
        Version++;
    }

    /// <param name="confirmed">Indicators whose unusual values the submitter confirmed.</param>
    public void Submit(string by, DateTime at, IEnumerable<int> confirmed)
    {
        var rev = Current();
        if (rev.Status is not (RevisionStatus.Draft or RevisionStatus.Returned))
            throw DomainException.Conflict(new("只有草稿或被退回的报表可以上报。", "Only a draft or a returned report can be submitted."));
        if (rev.Number > 1 && string.IsNullOrWhiteSpace(rev.Reason))
            throw DomainException.Invalid(new("更正须说明理由。", "A correction needs a reason."));
        rev.Confirm(confirmed);
        rev.MarkSubmitted(by, at);
        Move(rev, RevisionStatus.Submitted, by, at, null);
        if (FirstSubmittedUtc is null) (FirstSubmittedUtc, Late) = (at, at > DeadlineUtc);
        MakeEffective(rev);
        Version++;
    }

    public void Approve(string by, DateTime at)
    {
        var rev = Current();
        if (rev.Status != RevisionStatus.Submitted)
            throw DomainException.Conflict(new("只有已上报的报表可以审核通过。", "Only a submitted report can be approved."));
        if (rev.SubmittedBy == by)
            throw new DomainException(StatusCodes.Status403Forbidden, new("不能审核自己上报的报表。", "You cannot approve a report you submitted."));
        rev.MarkDecided(by, at);
        Move(rev, RevisionStatus.Approved, by, at, null);
        Version++;
    }

    public void Return(string by, DateTime at, string? reason)
    {
        var rev = Current();
        if (rev.Status != RevisionStatus.Submitted)
            throw DomainException.Conflict(new("只有已上报的报表可以退回。", "Only a submitted report can be returned."));
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("退回须说明理由。", "Say why the report is returned."));
        if (rev.SubmittedBy == by)
            throw new DomainException(StatusCodes.Status403Forbidden, new("不能退回自己上报的报表。", "You cannot return a report you submitted."));
        rev.MarkReturned(by, at, reason.Trim());
        Move(rev, RevisionStatus.Returned, by, at, reason.Trim());
        // A returned revision no longer counts; the last approved one, if any, counts again.
        MakeEffective(_revisions.Where(v => v.Status == RevisionStatus.Approved).MaxBy(v => v.Number));
        Version++;
    }

    /// <summary>Opens a new draft revision of an approved report, with its figures; the approved one counts until the correction is submitted.</summary>
    public ReportRevision StartCorrection(string by, DateTime at, string? reason)
    {
        var rev = Current();
        if (rev.Status != RevisionStatus.Approved)
            throw DomainException.Conflict(new("只有已审核的报表需要发起更正；草稿或被退回的报表可直接修改。", "Only an approved report needs a correction; a draft or returned one can be edited."));
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("更正须说明理由。", "A correction needs a reason."));
        var next = rev.CopyAs(rev.Number + 1, reason.Trim(), by, at);
        _revisions.Add(next);
        Record(next.Number, RevisionStatus.Approved, RevisionStatus.Draft, by, at, next.Reason);
        Version++;
        return next;
    }

    /// <summary>
    /// The campaign office's bulk import: figures become an approved revision at once, with no second approval (the
    /// import is the office's own decision). Allowed on a report just opened and untouched, which becomes revision 1,
    /// or on an approved one, which gets a new revision carrying over the figures the import does not name. A report
    /// still being filed or awaiting review is refused.
    /// </summary>
    public void RecordImported(string by, DateTime at, IReadOnlyDictionary<int, long> values, string? reason)
    {
        var rev = Current();
        var untouched = Version == 0 && rev.Number == 1 && rev.Status == RevisionStatus.Draft;
        if (!untouched && rev.Status != RevisionStatus.Approved)
            throw DomainException.Conflict(new(
                $"该单位该期报表正在填报或审核中（{ReportingText.StatusName(rev.Status.ToString().ToLowerInvariant()).Zh}），请先办结。",
                $"This unit's report for the period is in progress ({ReportingText.StatusName(rev.Status.ToString().ToLowerInvariant()).En}); finish it first."));
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(new("导入须说明来源。", "An import needs a reason naming its source."));
        var from = rev.Status;
        if (!untouched)
        {
            rev = rev.CopyAs(rev.Number + 1, reason.Trim(), by, at);
            _revisions.Add(rev);
        }
        else rev.Explain(reason.Trim());
        var counted = rev.Values.ToDictionary(v => v.IndicatorId, v => (long?)v.Value);
        foreach (var (indicator, value) in values) counted[indicator] = value;
        rev.Replace(counted, nil: false);
        rev.MarkSubmitted(by, at);
        rev.MarkDecided(by, at);
        rev.SetStatus(RevisionStatus.Approved);
        Record(rev.Number, from, RevisionStatus.Approved, by, at, rev.Reason);
        if (FirstSubmittedUtc is null) (FirstSubmittedUtc, Late) = (at, at > DeadlineUtc);
        MakeEffective(rev);
        Version++;
    }

    /// <summary>
    /// For bulk writers that bypass EF (the demo seed): gives the report and its revisions the keys the database would
    /// have, and sets the foreign keys EF would have fixed up. Transitions keep theirs to the database.
    /// </summary>
    internal void UseKeys(long id, ref long nextRevisionId)
    {
        Id = id;
        foreach (var rev in _revisions) rev.UseKeys(id, nextRevisionId++);
        foreach (var t in _transitions) t.UseReport(id);
    }

    private void Move(ReportRevision rev, RevisionStatus to, string by, DateTime at, string? reason)
    {
        Record(rev.Number, rev.Status, to, by, at, reason);
        rev.SetStatus(to);
    }

    private void Record(int revision, RevisionStatus? from, RevisionStatus to, string by, DateTime at, string? reason) =>
        _transitions.Add(new ReportTransition(UnitId, revision, from, to, by, at, reason));

    private void MakeEffective(ReportRevision? rev)
    {
        foreach (var v in _revisions) v.SetEffective(ReferenceEquals(v, rev));
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.HasIndex(r => new { r.CampaignId, r.UnitId, r.PeriodStart }).IsUnique();
        e.HasIndex(r => new { r.CampaignId, r.PeriodStart });
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Revisions).WithOne(v => v.Report).HasForeignKey(v => v.ReportId);
        e.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReportId);
    }
}

/// <summary>One revision of a report's figures. Changed only by its <see cref="Report"/>.</summary>
public sealed class ReportRevision : IUnitOwned
{
    private readonly List<ReportValue> _values = [];

    private ReportRevision() { }

    internal ReportRevision(int unitId, int number, bool nil, string? reason, string createdBy, DateTime createdUtc) =>
        (UnitId, Number, Status, Nil, Reason, CreatedBy, CreatedUtc) = (unitId, number, RevisionStatus.Draft, nil, reason, createdBy, createdUtc);

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public Report? Report { get; private set; }
    public int UnitId { get; private set; }
    public int Number { get; private set; }
    public RevisionStatus Status { get; private set; }
    public bool Nil { get; private set; }

    /// <summary>Why a correction was made (required from the second revision on).</summary>
    public string? Reason { get; private set; }

    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? SubmittedUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? ReturnReason { get; private set; }

    /// <summary>The revision whose figures count: the latest submitted or approved one. At most one per report.</summary>
    public bool Effective { get; private set; }

    public IReadOnlyList<ReportValue> Values => _values;

    internal ReportRevision CopyAs(int number, string reason, string by, DateTime at)
    {
        var next = new ReportRevision(UnitId, number, Nil, reason, by, at);
        next._values.AddRange(_values.Select(v => new ReportValue(v.IndicatorId, v.UnitId, v.Value, v.Confirmed)));
        return next;
    }

    internal void Replace(IReadOnlyDictionary<int, long?> values, bool nil)
    {
        // The callers check each figure against its measure's limit, by field; this is the last guard, so that nothing beyond any limit is stored.
        if (values.Values.Any(v => v is > FigureLimits.Ceiling or < -FigureLimits.Ceiling))
            throw DomainException.Invalid(new($"数据超出范围：每个单位每期最多 {FigureLimits.Ceiling:N0}。", $"A figure is out of range: at most {FigureLimits.Ceiling:N0} per unit and period."));
        Nil = nil;
        _values.RemoveAll(v => !values.ContainsKey(v.IndicatorId) || values[v.IndicatorId] is null);
        foreach (var (indicator, value) in values)
        {
            if (value is null) continue;
            var existing = _values.FirstOrDefault(v => v.IndicatorId == indicator);
            if (existing is null) _values.Add(new ReportValue(indicator, UnitId, value.Value, confirmed: false));
            else existing.Change(value.Value);
        }
    }

    internal void Confirm(IEnumerable<int> indicators)
    {
        foreach (var v in _values.Where(v => indicators.Contains(v.IndicatorId))) v.Confirm();
    }

    internal void Explain(string reason) => Reason = reason;
    internal void SetStatus(RevisionStatus status) => Status = status;
    internal void SetEffective(bool effective) => Effective = effective;
    internal void MarkSubmitted(string by, DateTime at) => (SubmittedBy, SubmittedUtc) = (by, at);
    internal void MarkDecided(string by, DateTime at) => (DecidedBy, DecidedUtc) = (by, at);
    internal void MarkReturned(string by, DateTime at, string reason) => (DecidedBy, DecidedUtc, ReturnReason) = (by, at, reason);

    internal void UseKeys(long reportId, long id)
    {
        (Id, ReportId) = (id, reportId);
        foreach (var v in _values) v.UseRevision(id);
    }
}

internal sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> e)
    {
        e.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
        // The reports waiting for approval are few among many approved ones; the header's work count asks for them on every page.
        e.HasIndex(r => new { r.Status, r.UnitId });
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        e.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.RevisionId);
    }
}

public sealed class ReportValue : IUnitOwned
{
    private ReportValue() { }

    internal ReportValue(int indicatorId, int unitId, long value, bool confirmed) =>
        (IndicatorId, UnitId, Value, Confirmed) = (indicatorId, unitId, value, confirmed);

    public long RevisionId { get; private set; }
    public int IndicatorId { get; private set; }
    public Indicator? Indicator { get; private set; }
    public int UnitId { get; private set; }
    public long Value { get; private set; }

    /// <summary>The value was far outside the unit's own history and the submitter confirmed it.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>A changed value needs confirming again.</summary>
    internal void Change(long value)
    {
        if (Value != value) (Value, Confirmed) = (value, false);
    }

    internal void Confirm() => Confirmed = true;
    internal void UseRevision(long revisionId) => RevisionId = revisionId;
}

internal sealed class ReportValueConfiguration : IEntityTypeConfiguration<ReportValue>
{
    public void Configure(EntityTypeBuilder<ReportValue> e)
    {
        e.HasKey(v => new { v.RevisionId, v.IndicatorId });
        e.HasIndex(v => new { v.UnitId, v.IndicatorId });
        e.HasOne(v => v.Indicator).WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One change of a report's state: which revision, from what to what, who, when (UTC) and why. Written only by <see cref="Report"/>, never changed.</summary>
public sealed class ReportTransition : IUnitOwned
{
    private ReportTransition() { }

    internal ReportTransition(int unitId, int revision, RevisionStatus? from, RevisionStatus to, string by, DateTime atUtc, string? reason) =>
        (UnitId, Revision, FromStatus, ToStatus, By, AtUtc, Reason) = (unitId, revision, from, to, by, atUtc, reason);

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public int UnitId { get; private set; }
    public int Revision { get; private set; }

    /// <summary>None when the report was opened.</summary>
    public RevisionStatus? FromStatus { get; private set; }
    public RevisionStatus ToStatus { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? Reason { get; private set; }

    internal void UseReport(long reportId) => ReportId = reportId;
}

internal sealed class ReportTransitionConfiguration : IEntityTypeConfiguration<ReportTransition>
{
    public void Configure(EntityTypeBuilder<ReportTransition> e)
    {
        e.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(12);
        e.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(12);
    }
}
