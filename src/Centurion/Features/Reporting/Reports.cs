using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

public sealed record RevisionDto(int Number, string Status, bool Nil, string? Reason, string CreatedBy, DateTime CreatedUtc,
    string? SubmittedBy, DateTime? SubmittedUtc, string? DecidedBy, DateTime? DecidedUtc, string? ReturnReason, bool Effective,
    IReadOnlyDictionary<string, long> Values);

/// <summary>One change of state: <c>from</c> is null when the report was opened. Reports filed before the history was kept have none.</summary>
public sealed record TransitionDto(int Revision, string? From, string To, string By, DateTime AtUtc, string? Reason);

public sealed record ReportDto(string Campaign, string Unit, string UnitNameZh, string UnitNameEn, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateTime DeadlineUtc, bool Late, DateTime? FirstSubmittedUtc, int Version, string Status, bool Nil, int Revision, string? Reason,
    string? ReturnReason, IReadOnlyDictionary<string, long?> Values, IReadOnlyList<RevisionDto> History, IReadOnlyList<TransitionDto> Transitions, bool CanFile, bool CanDecide);

/// <summary>The figures a caller sends: values by indicator code (null = blank), and whether it is a nil return.</summary>
public sealed record Figures(IReadOnlyDictionary<string, long?> Values, bool Nil = false);

/// <summary>A submission was refused for errors, or needs the submitter to confirm unusual values.</summary>
public sealed class SubmissionProblem(ReportRules.Check check) : DomainException(
    StatusCodes.Status422UnprocessableEntity,
    check.Refused ? new Phrase("报表有误，未上报。", "The report has errors and was not submitted.")
                  : new Phrase("部分数据异常，请核实后确认上报。", "Some figures are unusual: check them and confirm to submit."),
    (check.Refused ? check.Errors : check.Unusual).GroupBy(p => p.Indicator).ToDictionary(g => g.Key, g => g.Select(p => p.Message.ToString()).ToArray()))
{
    public ReportRules.Check Check { get; } = check;
}

/// <summary>Every action on a report, for the API and the pages alike: resolve in scope, check who and which version, apply the rule, save.</summary>
public sealed class Reports(CenturionDb db, CallerScope scope, Actor actor, TimeProvider clock)
{
    public sealed record Target(Campaign Campaign, Unit Unit, Period Period, IReadOnlyList<Indicator> Indicators)
    {
        /// <summary>Reports are filed only for the campaign's own periods; figures outside it come only from the baseline import.</summary>
        public bool InCampaign => Period.End >= Campaign.StartDate && Period.Start <= Campaign.EndDate;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The campaign, the unit (a participating unit in the caller's scope) and the period holding the date; otherwise not found.</summary>
    public async Task<Target> ResolveAsync(string campaignCode, string unitCode, DateOnly date, CancellationToken ct = default) =>
        await ResolveAsync(await CampaignOperations.FindAsync(db, scope, campaignCode, ct), unitCode, date, ct);

    /// <inheritdoc cref="ResolveAsync(string, string, DateOnly, CancellationToken)"/>
    public Task<Target> ResolveAsync(CampaignInRoute campaign, string unitCode, DateOnly date, CancellationToken ct = default) =>
        ResolveAsync(campaign.Campaign, unitCode, date, ct);

    private async Task<Target> ResolveAsync(Campaign campaign, string unitCode, DateOnly date, CancellationToken ct)
    {
        var unit = await scope.Units(db).Where(u => u.Code == unitCode && db.CampaignUnits.Any(cu => cu.CampaignId == campaign.Id && cu.UnitId == u.Id))
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound(new($"单位 {unitCode} 不是本行动中您可查看的填报单位。", $"Unit {unitCode} is not a reporting unit you can see in this campaign."));
        var indicators = (await CampaignOperations.IndicatorsAsync(db, campaign.Id, ct)).Where(i => i.Source == IndicatorSource.Reported).ToList();
        return new(campaign, unit, Periods.Containing(campaign.Cadence, date), indicators);
    }

    public bool CanFile(Target t) => t.InCampaign && scope.IsInAny(Roles.Reporter, Roles.UnitLeader, Roles.CampaignOffice);

    /// <summary>Only the units above may approve or return: a leader or the campaign office, never for their own unit.</summary>
    public bool CanDecide(Target t) => scope.IsInAny(Roles.UnitLeader, Roles.CampaignOffice) && t.Unit.Id != scope.UnitId;

    /// <summary>
    /// Submitted revisions the caller may decide: in scope, for a unit below theirs, and not submitted by themselves (as
    /// <see cref="CanDecide"/> and the report page have it). The approvals page and the work list both count from here.
    /// </summary>
    public static IQueryable<ReportRevision> AwaitingDecision(CenturionDb db, CallerScope scope, Actor actor)
    {
        var me = scope.UnitId;
        var name = actor.Name;
        return scope.Within(db, db.ReportRevisions.Where(v => v.Status == RevisionStatus.Submitted && v.UnitId != me && v.SubmittedBy != name));
    }

    public async Task<ReportDto> GetAsync(Target t, CancellationToken ct = default) => Describe(t, await LoadAsync(t, ct));

    public async Task<ReportDto> SaveDraftAsync(Target t, int version, Figures figures, CancellationToken ct = default)
    {
        RequireFile(t);
        var report = await LoadAsync(t, ct) ?? Open(t);
        CheckVersion(report, version);
        report.SaveDraft(actor.Name, Now, ToIds(t, figures), figures.Nil);
        return await SaveAsync(t, report, ct);
    }

    /// <summary>Submits; with figures, saves them first. Unusual values must be listed in <paramref name="confirmed"/> (codes).</summary>
    public async Task<ReportDto> SubmitAsync(Target t, int version, Figures? figures, IReadOnlyCollection<string> confirmed, CancellationToken ct = default)
    {
        RequireFile(t);
        var report = await LoadAsync(t, ct) ?? Open(t);
        CheckVersion(report, version);
        if (figures is not null) report.SaveDraft(actor.Name, Now, ToIds(t, figures), figures.Nil);
        var rev = report.Current();
        var values = t.Indicators.ToDictionary(i => i.Code, i => rev.Values.FirstOrDefault(v => v.IndicatorId == i.Id)?.Value);
        var check = ReportRules.OnSubmit(t.Indicators, values, await TotalsBeforeAsync(t, ct), await HistoryAsync(t, ct));
        var unconfirmed = check.Unusual.Where(u => !confirmed.Contains(u.Indicator)).ToList();
        if (check.Refused || unconfirmed.Count > 0) throw new SubmissionProblem(check with { Unusual = unconfirmed });
        var confirmedIds = t.Indicators.Where(i => check.Unusual.Any(u => u.Indicator == i.Code)).Select(i => i.Id).ToList();
        report.Submit(actor.Name, Now, confirmedIds);
        return await SaveAsync(t, report, ct);
    }

    public Task<ReportDto> SubmitNilAsync(Target t, int version, CancellationToken ct = default) =>
        SubmitAsync(t, version, new Figures(t.Indicators.ToDictionary(i => i.Code, _ => (long?)0), Nil: true), [], ct);

    public Task<ReportDto> ApproveAsync(Target t, int version, CancellationToken ct = default) =>
        DecideAsync(t, version, r => r.Approve(actor.Name, Now), ct);

    public Task<ReportDto> ReturnAsync(Target t, int version, string? reason, CancellationToken ct = default) =>
        DecideAsync(t, version, r => r.Return(actor.Name, Now, reason), ct);

    public async Task<ReportDto> StartCorrectionAsync(Target t, int version, string? reason, CancellationToken ct = default)
    {
        RequireFile(t);
        var report = await LoadAsync(t, ct) ?? throw NotStarted();
        CheckVersion(report, version);
        report.StartCorrection(actor.Name, Now, reason);
        return await SaveAsync(t, report, ct);
    }

    private async Task<ReportDto> DecideAsync(Target t, int version, Action<Report> decide, CancellationToken ct)
    {
        if (!CanDecide(t))
            throw new DomainException(StatusCodes.Status403Forbidden, new("只有上级单位可以审核或退回本报表。", "Only a unit above may approve or return this report."));
        var report = await LoadAsync(t, ct) ?? throw NotStarted();
        CheckVersion(report, version);
        decide(report);
        return await SaveAsync(t, report, ct);
    }

    private void RequireFile(Target t)
    {
        if (!t.InCampaign) throw DomainException.Invalid(ReportingText.OutsideCampaign(t.Period, t.Campaign.StartDate, t.Campaign.EndDate));
        if (!CanFile(t)) throw new DomainException(StatusCodes.Status403Forbidden, new("您的角色不能填报。", "Your role cannot file reports."));
    }

    private static DomainException NotStarted() => DomainException.NotFound(new("该期报表尚未填报。", "This period's report has not been started."));

    private Report Open(Target t) =>
        db.Reports.Add(Report.Open(t.Campaign.Id, t.Unit.Id, t.Period, t.Campaign.DeadlineUtc(t.Period), actor.Name, Now)).Entity;

    private Task<Report?> LoadAsync(Target t, CancellationToken ct) =>
        db.Reports.Include(r => r.Revisions).ThenInclude(v => v.Values).Include(r => r.Transitions)
            .FirstOrDefaultAsync(r => r.CampaignId == t.Campaign.Id && r.UnitId == t.Unit.Id && r.PeriodStart == t.Period.Start, ct);

    /// <summary>Refuses a change made on an older copy: someone else saved in between, and their work must not be lost.</summary>
    private void CheckVersion(Report report, int version)
    {
        if (report.Version != version) throw Stale();
        if (report.Id != 0) db.Entry(report).Property(r => r.Version).OriginalValue = version;
    }

    private static DomainException Stale() => DomainException.Conflict(new(
        "此报表在您打开之后已被他人修改，您的修改未保存。您填写的内容仍保留在页面上；请刷新查看最新内容后再操作。",
        "Someone else changed this report after you opened it, so your change was not saved. What you entered is kept on the page; reload to see the latest before trying again."));

    private async Task<ReportDto> SaveAsync(Target t, Report report, CancellationToken ct)
    {
        var isNew = db.Entry(report).State == EntityState.Added;
        await db.InTransactionAsync(async ct =>
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { throw Stale(); }
            catch (DbUpdateException) when (isNew) { throw Stale(); } // two people started the same period's report at once
            // The statistics facts follow the effective revision, committed with it.
            await ReportFacts.RefreshReportsAsync(db, [report.Id], ct);
        }, ct);
        return Describe(t, report);
    }

    private static Dictionary<int, long?> ToIds(Target t, Figures f)
    {
        var unknown = f.Values.Keys.Where(k => t.Indicators.All(i => i.Code != k)).ToList();
        if (unknown.Count > 0)
            throw DomainException.Invalid(new($"本行动没有填报指标 {string.Join("、", unknown)}。", $"The campaign has no reported indicator {string.Join(", ", unknown)}."));
        var errors = new FieldErrors();
        foreach (var p in ReportRules.OutOfRange(t.Indicators, f.Values)) errors.Add(p.Indicator, p.Message);
        errors.ThrowIfAny(new("数据超出范围，未保存。", "A figure is out of range; nothing was saved."));
        return t.Indicators.ToDictionary(i => i.Id, i => f.Values.GetValueOrDefault(i.Code));
    }

    private sealed record EffectiveValue(string Code, long Value, DateOnly Start);

    private IQueryable<EffectiveValue> EffectiveValues(Target t, DateOnly since, DateOnly before) =>
        from v in db.ReportValues
        join rev in db.ReportRevisions on v.RevisionId equals rev.Id
        join r in db.Reports on rev.ReportId equals r.Id
        where rev.Effective && r.UnitId == t.Unit.Id && r.CampaignId == t.Campaign.Id && r.PeriodStart >= since && r.PeriodStart < before
        select new EffectiveValue(v.Indicator!.Code, v.Value, r.PeriodStart);

    private async Task<Dictionary<string, long>> TotalsBeforeAsync(Target t, CancellationToken ct) =>
        (await EffectiveValues(t, t.Campaign.StartDate, t.Period.Start).ToListAsync(ct))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => Saturating.Sum(g.Select(x => x.Value)));

    private async Task<Dictionary<string, IReadOnlyList<long>>> HistoryAsync(Target t, CancellationToken ct) =>
        (await EffectiveValues(t, t.Period.Start.AddDays(-28 * t.Period.Days), t.Period.Start).ToListAsync(ct))
            .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(x => x.Value).ToList());

    private ReportDto Describe(Target t, Report? r)
    {
        var codes = t.Indicators.ToDictionary(i => i.Id, i => i.Code);
        var visible = scope.LineId is { } line ? t.Indicators.Where(i => i.OwnerLineId == line).Select(i => i.Code).ToHashSet() : codes.Values.ToHashSet();
        Dictionary<string, long> ValuesOf(ReportRevision v) =>
            v.Values.Where(x => codes.ContainsKey(x.IndicatorId) && visible.Contains(codes[x.IndicatorId])).ToDictionary(x => codes[x.IndicatorId], x => x.Value);
        var current = r?.Current();
        return new ReportDto(t.Campaign.Code, t.Unit.Code, t.Unit.NameZh, t.Unit.NameEn, t.Period.Start, t.Period.End,
            r?.DeadlineUtc ?? t.Campaign.DeadlineUtc(t.Period), r?.Late ?? false, r?.FirstSubmittedUtc, r?.Version ?? 0,
            current is null ? "not-started" : current.Status.ToString().ToLowerInvariant(), current?.Nil ?? false, current?.Number ?? 0,
            current?.Reason, current?.ReturnReason,
            t.Indicators.Where(i => visible.Contains(i.Code)).ToDictionary(i => i.Code, i => current?.Values.FirstOrDefault(v => v.IndicatorId == i.Id)?.Value),
            r is null ? [] : [.. r.Revisions.OrderBy(v => v.Number).Select(v => new RevisionDto(v.Number, v.Status.ToString().ToLowerInvariant(), v.Nil, v.Reason,
                v.CreatedBy, v.CreatedUtc, v.SubmittedBy, v.SubmittedUtc, v.DecidedBy, v.DecidedUtc, v.ReturnReason, v.Effective, ValuesOf(v)))],
            r is null ? [] : [.. r.Transitions.OrderBy(x => x.Id).Select(x => new TransitionDto(x.Revision,
                x.FromStatus?.ToString().ToLowerInvariant(), x.ToStatus.ToString().ToLowerInvariant(), x.By, x.AtUtc, x.Reason))],
            CanFile(t) && scope.LineId is null, CanDecide(t) && current?.SubmittedBy != actor.Name);
    }
}
