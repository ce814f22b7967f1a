using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Escalation.Rules;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Features.Evaluation.Publication;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Escalation;

public sealed record ReasonDto(string SourceType, string SourceId, string Label, string Value, string? Href);
public sealed record ProposalChangeDto(DateTime AtUtc, string By, string Event, string? Text);
public sealed record ProposalDto(long Id, string Campaign, string Month, string Unit, string UnitName, string Rung, string Rule, string Key, int LadderVersion,
    IReadOnlyList<ReasonDto> Reasons, string State, DateTime ProposedUtc, string? DecidedBy, DateTime? DecidedUtc, string? Decision,
    IReadOnlyList<ProposalChangeDto> History, int Version, IReadOnlyList<string> Actions);

/// <summary>The office's decision: confirm (an optional note) or waive (a reason, required); <c>version</c> as seen (409 if it moved on).</summary>
public sealed record ProposalDecisionInput(string? Reason, int? Version = null);

/// <summary>What a run of the ladder did: the month it ran for, the version, and the proposals it made (none made twice).</summary>
public sealed record LadderRunDto(string Campaign, string Month, int? LadderVersion, IReadOnlyList<ProposalDto> Proposed);

/// <summary>A confirmed criticism (通报批评) of a month, for the month's notice to print.</summary>
public sealed record CriticismDto(long Proposal, string Unit, string NameZh, string NameEn, string Rule, IReadOnlyList<Reason> Reasons, DateTime ConfirmedUtc);

/// <summary>
/// The escalation ladder at work: its rules run over the campaign's history (published lists, overdue items, major incidents,
/// missed commitments) when a month is published (<see cref="LadderOnPublish"/>) or when the office asks, and what they open
/// is proposed to the office, which confirms or waives each proposal. For the API and the pages alike; reads go through
/// <see cref="EscalationAccess"/>.
/// </summary>
public sealed class Escalations(CenturionDb db, EscalationAccess access, Actor actor, TimeProvider clock)
{
    public static string UnitPath(string campaign, string unit) => $"/campaigns/{campaign}/escalation/units/{unit}";
    public static string ListPath(string campaign) => $"/campaigns/{campaign}/escalation";

    private DateTime Now => DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);

    public Task<Campaign> CampaignAsync(string code, CancellationToken ct = default) => CampaignOperations.FindAsync(db, access.Scope, code, ct);

    public Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct = default) => access.IsOfficeAsync(c, ct);

    public Task RequireOfficeAsync(Campaign c, CancellationToken ct = default) => access.RequireOfficeAsync(c, ct);

    public CenturionDb Db => db;

    // ---- running the rules ----

    /// <summary>
    /// Runs the ladder that applies to <paramref name="month"/> over the history as it stands at the clock's now, and adds what
    /// it proposes (nothing it proposed before, whatever became of it). No version applies: nothing. Saved in the caller's
    /// transaction where there is one (publishing's).
    /// </summary>
    public async Task<IReadOnlyList<EscalationProposal>> RunAsync(Campaign c, string month, CancellationToken ct = default)
    {
        var version = await ApplyingAsync(c, month, ct);
        if (version is null) return [];
        var now = Now;
        var lists = (await PublishedLists.AllAsync(db, c.Id, ct)).Where(l => string.CompareOrdinal(l.Month, month) <= 0).ToList();
        var overdue = await OpenItems.OverdueAsync(db, c.Id, now, ct);
        var incidents = await IncidentRegister.MajorIncidentsAsync(db, c.Id, ct);
        var missed = await MissedCommitmentsAsync(c, now, ct);
        var prior = await db.Set<EscalationProposal>().Where(p => p.CampaignId == c.Id)
            .Select(p => new PriorProposal(p.Unit!.Code, p.Rule, p.Key)).ToListAsync(ct);
        var codes = lists.Select(l => l.Unit).Concat(overdue.Select(o => o.Unit)).Concat(incidents.Select(i => i.Unit)).Concat(missed.Select(m => m.Unit)).Distinct().ToList();
        var histories = codes.Select(u => new UnitHistory(u,
            [.. lists.Where(l => l.Unit == u).Select(l => new MonthList(l.Month, l.List))],
            [.. overdue.Where(o => o.Unit == u).Select(o => new OverdueItemFact(o.Id, o.Measure, o.DaysOverdue))],
            [.. incidents.Where(i => i.Unit == u).Select(i => new IncidentFact(i.Id, i.Date, $"{i.Kind}：{i.Description}"))],
            [.. missed.Where(m => m.Unit == u).Select(m => m.Fact)]));
        var proposals = LadderRules.Evaluate(version.Ladder, month, histories, prior);
        if (proposals.Count == 0) return [];
        var ids = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var rows = proposals.Select(p => EscalationProposal.Propose(c.Id, ids[p.Unit], month, version.Number, p, actor.Name, now)).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>The interviews' commitments not met by their deadline (none before interviews exist).</summary>
    private Task<List<(string Unit, MissedCommitmentFact Fact)>> MissedCommitmentsAsync(Campaign c, DateTime now, CancellationToken ct) =>
        Task.FromResult(new List<(string, MissedCommitmentFact)>());

    /// <summary>
    /// The office's "evaluate the ladder now": the rules for the latest published month, with overdue items and commitments as
    /// they stand now (409 when no month is published yet).
    /// </summary>
    public async Task<LadderRunDto> EvaluateNowAsync(Campaign c, CancellationToken ct = default)
    {
        await access.RequireOfficeAsync(c, ct);
        var month = await db.Set<EvaluationPublication>().Where(p => p.CampaignId == c.Id).MaxAsync(p => (string?)p.Month, ct)
            ?? throw DomainException.Conflict(new("尚无已发布的考核月份，升级规则无从运行。", "No evaluation month is published yet; the ladder has nothing to run on."));
        var made = await db.InTransactionAsync(t => RunAsync(c, month, t), ct);
        var version = await ApplyingAsync(c, month, ct);
        var ids = made.Select(p => p.Id).ToList();
        return new(c.Code, month, version?.Number, await DescribeAsync(c, await Load(db.Set<EscalationProposal>().Where(p => ids.Contains(p.Id))).ToListAsync(ct), ct));
    }

    /// <summary>The published ladder version that applies to <paramref name="month"/>: the latest from that month or before; none, null.</summary>
    private Task<LadderVersion?> ApplyingAsync(Campaign c, string month, CancellationToken ct)
    {
        var first = LadderRules.Parse(month);
        return db.Set<LadderVersion>().Where(v => v.CampaignId == c.Id && v.State == LadderState.Published && v.FromMonth <= first)
            .OrderByDescending(v => v.FromMonth).ThenByDescending(v => v.Number).FirstOrDefaultAsync(ct);
    }

    // ---- proposals ----

    private static IQueryable<EscalationProposal> Load(IQueryable<EscalationProposal> rows) => rows.Include(p => p.Unit).Include(p => p.History).AsSplitQuery();

    public async Task<IQueryable<EscalationProposal>> VisibleAsync(Campaign c, CancellationToken ct = default) =>
        await access.VisibleAsync(c, db.Set<EscalationProposal>().Where(p => p.CampaignId == c.Id), ct);

    /// <summary>The proposals the caller sees, open first, then newest; <paramref name="state"/> open, confirmed or waived (400 otherwise); <paramref name="unit"/> one unit's code.</summary>
    public async Task<IReadOnlyList<ProposalDto>> ProposalsAsync(Campaign c, string? state = null, string? unit = null, CancellationToken ct = default)
    {
        var rows = await VisibleAsync(c, ct);
        if (!string.IsNullOrWhiteSpace(state))
        {
            var s = Enum.TryParse<ProposalState>(state.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw DomainException.BadRequest(new($"建议状态 {state} 无效（open、confirmed、waived）。", $"The proposal state {state} is not valid (open, confirmed, waived)."));
            rows = rows.Where(p => p.State == s);
        }
        if (!string.IsNullOrWhiteSpace(unit)) rows = rows.Where(p => p.Unit!.Code == unit.Trim());
        var list = await Load(rows).ToListAsync(ct);
        return await DescribeAsync(c, [.. list.OrderBy(p => p.State != ProposalState.Open).ThenByDescending(p => p.Month, StringComparer.Ordinal)
            .ThenBy(p => p.Unit!.Code, StringComparer.Ordinal).ThenBy(p => p.Rung).ThenBy(p => p.Id)], ct);
    }

    private async Task<EscalationProposal> FindAsync(Campaign c, long id, CancellationToken ct)
    {
        return await Load(await VisibleAsync(c, ct)).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound(new($"找不到升级建议 {id}。", $"Escalation proposal {id} was not found."));
    }

    public async Task<ProposalDto> ProposalAsync(Campaign c, long id, CancellationToken ct = default) =>
        (await DescribeAsync(c, [await FindAsync(c, id, ct)], ct))[0];

    /// <summary>Confirms an open proposal (the office's; 409 once decided, 403 for anyone else).</summary>
    public Task<ProposalDto> ConfirmAsync(Campaign c, long id, ProposalDecisionInput input, CancellationToken ct = default) =>
        DecideAsync(c, id, input, (p, at) => p.Confirm(input.Reason, actor.Name, at), ct);

    /// <summary>Waives an open proposal with a reason (422 without one): it is not proposed again for what it was about.</summary>
    public Task<ProposalDto> WaiveAsync(Campaign c, long id, ProposalDecisionInput input, CancellationToken ct = default) =>
        DecideAsync(c, id, input, (p, at) => p.Waive(input.Reason, actor.Name, at), ct);

    private async Task<ProposalDto> DecideAsync(Campaign c, long id, ProposalDecisionInput input, Action<EscalationProposal, DateTime> decide, CancellationToken ct)
    {
        var p = await FindAsync(c, id, ct);
        await access.RequireOfficeAsync(c, ct);
        if (input.Version is { } v && v != p.Version) throw Stale();
        try
        {
            await db.InTransactionAsync(async t =>
            {
                decide(p, Now);
                await db.SaveChangesAsync(t);
            }, ct);
        }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); throw Stale(); }
        catch (DomainException) { db.ChangeTracker.Clear(); throw; }
        return await ProposalAsync(c, id, ct);
    }

    private static DomainException Stale() => DomainException.Conflict(new("该建议已被他人处理，请刷新后重试。", "Someone else decided the proposal meanwhile; reload and try again."));

    private async Task<IReadOnlyList<ProposalDto>> DescribeAsync(Campaign c, IReadOnlyList<EscalationProposal> list, CancellationToken ct)
    {
        var office = await access.IsOfficeAsync(c, ct);
        return [.. list.Select(p => new ProposalDto(p.Id, c.Code, p.Month, p.Unit!.Code, p.Unit.Name(Lang.IsEnglish), LadderJson.Code(p.Rung), p.Rule, p.Key, p.LadderNumber,
            [.. p.Reasons.Select(r => new ReasonDto(r.SourceType, r.SourceId, r.Label, r.Value, Href(c.Code, p.Unit.Code, r)))],
            Code(p.State), Utc(p.ProposedUtc), p.DecidedBy, p.DecidedUtc is { } d ? Utc(d) : null, p.Decision,
            [.. p.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new ProposalChangeDto(Utc(h.AtUtc), h.By, Code(h.Event), h.Text))],
            p.Version, office && p.IsOpen ? ["confirm", "waive"] : []))];
    }

    /// <summary>The page a reason's source is on: the month's published explanation, the item, the register entry, the interview.</summary>
    public static string? Href(string campaign, string unit, Reason r) => r.SourceType switch
    {
        "publication" => $"/campaigns/{campaign}/evaluation/{r.SourceId}/publication/units/{unit}",
        "item" => $"/supervision/items/{r.SourceId}",
        "incident" => IncidentRegister.PagePath(campaign, long.Parse(r.SourceId, System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    // ---- for the notice ----

    /// <summary>
    /// The confirmed criticisms (通报批评) of a month, by unit code, for the month's notice to print. A public query for the notice:
    /// no scope check (the notice is the office's), names in both languages.
    /// </summary>
    public static async Task<IReadOnlyList<CriticismDto>> CriticismsAsync(CenturionDb db, int campaignId, string month, CancellationToken ct = default)
    {
        var rows = await db.Set<EscalationProposal>()
            .Where(p => p.CampaignId == campaignId && p.Month == month && p.Rung == Rung.Criticism && p.State == ProposalState.Confirmed)
            .Select(p => new { p.Id, p.Unit!.Code, p.Unit.NameZh, p.Unit.NameEn, p.Rule, p.ReasonsJson, p.DecidedUtc }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => new CriticismDto(r.Id, r.Code, r.NameZh, r.NameEn, r.Rule,
            System.Text.Json.JsonSerializer.Deserialize<List<Reason>>(r.ReasonsJson, LadderJson.Options) ?? [], Utc(r.DecidedUtc!.Value)))];
    }

    public static string Code(ProposalState s) => s.ToString().ToLowerInvariant();
    public static string Code(ProposalEvent e) => e.ToString().ToLowerInvariant();

    internal static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}

/// <summary>Evaluation's publishing hook: the ladder runs for the month just published, in the same transaction.</summary>
public sealed class LadderOnPublish(CenturionDb db, Escalations escalations) : IMonthPublished
{
    public async Task PublishedAsync(PublishedMonth month, CancellationToken ct)
    {
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == month.CampaignId, ct);
        await escalations.RunAsync(campaign, month.Month, ct);
    }
}
