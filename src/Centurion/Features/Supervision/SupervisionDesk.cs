using System.Security.Cryptography;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision;

public sealed record TeamInput(string? Campaign, string? Name, string? Leader, IReadOnlyList<string>? Lines, IReadOnlyList<string>? Members);
public sealed record TeamDto(int Id, string Campaign, string Name, string Leader, string LeaderTitle, IReadOnlyList<string> Lines,
    IReadOnlyList<string> Members, IReadOnlyList<UnitRef> Prefectures);
public sealed record UnitRef(string Code, string Name);

public sealed record PlanInput(int? Team, string? Unit, long? KeyPlace, DateOnly? PlannedOn, string? Focus, IReadOnlyList<string>? Checklist);
public sealed record DrawInput(int? Team, long? Seed, DateOnly? PlannedOn, string? Focus, IReadOnlyList<string>? Checklist);
public sealed record CancelInput(string? Reason, int? Version = null);
public sealed record FindingInput(string? What, string? Where, string? Severity, string? Category, string? Line = null, string? EvidenceNote = null);

/// <param name="HappenedAt">Province time, unless it ends in Z.</param>
public sealed record CarryOutInput(DateTime? HappenedAt, IReadOnlyList<string>? Went, IReadOnlyList<ChecklistAnswerInput>? Answers,
    IReadOnlyList<FindingInput>? Findings = null, int? Version = null);

public sealed record PlanFilter(int? Team = null, string? State = null, string? Unit = null, int Page = 1, int PageSize = 50);
public sealed record PlanRow(long Id, int Team, string TeamName, string Unit, string UnitName, string? KeyPlace, DateOnly PlannedOn, string Focus, string State, int Findings);
public sealed record PlanPage(IReadOnlyList<PlanRow> Items, int Total, int Page, int PageSize);
public sealed record DrawDto(long Seed, int Candidates, string Drawn, bool Reproduces, string DrawnBy, DateTime DrawnUtc);
public sealed record AnswerDto(int Item, string Text, bool Passed, string? Note);
public sealed record FindingRow(long Id, string What, string Where, string Severity, string Category, string? Line, int Items);
public sealed record InspectionDto(DateTime HappenedUtc, string Went, string RecordedBy, IReadOnlyList<AnswerDto> Answers, IReadOnlyList<FindingRow> Findings);
public sealed record ChangeDto(DateTime AtUtc, string By, string? From, string To, string? Reason);
public sealed record PlanDto(long Id, int Team, string TeamName, string Unit, string UnitName, long? KeyPlaceId, string? KeyPlace, DateOnly PlannedOn,
    string Focus, IReadOnlyList<string> Checklist, string State, string PlannedBy, DateTime PlannedUtc, string? CancelReason, DrawDto? Draw,
    InspectionDto? Inspection, IReadOnlyList<ChangeDto> History, int Version, IReadOnlyList<string> Actions);
public sealed record FindingDto(long Id, long Plan, string Unit, string UnitName, string What, string Where, string Severity, string Category,
    string? Line, string? EvidenceNote, string RecordedBy, DateTime RecordedUtc, IReadOnlyList<ItemRow> Items, bool CanAssign);

/// <summary>Teams, plans, target draws, carrying out and findings, for the API and the pages alike. Every read goes through <see cref="InspectionPlans"/>.</summary>
public sealed class SupervisionDesk(CenturionDb db, CallerScope scope, Actor actor, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public SupervisionCaller Caller => SupervisionCaller.Of(scope, actor);

    public IQueryable<InspectionPlan> Plans() => InspectionPlans.VisibleTo(db, Caller);

    public bool IsOfficeFor(SupervisionTeam team) => scope.IsIn(Roles.CampaignOffice) && scope.UnitId == team.OfficeUnitId;

    /// <summary>Team members and the campaign office plan, carry out, record findings and assign items.</summary>
    public bool CanAct(SupervisionTeam team) => team.HasMember(actor.UserId) || IsOfficeFor(team);

    /// <summary>Whether the caller may plan at all (shows the link): a member of some team, or the campaign office.</summary>
    public async Task<bool> CanPlanAnyAsync(CancellationToken ct = default) =>
        scope.IsIn(Roles.CampaignOffice) || await db.Set<TeamMember>().AnyAsync(m => m.UserId == actor.UserId, ct);

    // Teams

    public async Task<List<TeamDto>> TeamsAsync(CancellationToken ct = default)
    {
        var campaigns = CampaignOperations.Visible(db, scope).Select(c => c.Id);
        var teams = await db.Set<SupervisionTeam>().Where(t => campaigns.Contains(t.CampaignId)).Include(t => t.Campaign).Include(t => t.Members)
            .Include(t => t.Prefectures).OrderBy(t => t.Id).AsSplitQuery().ToListAsync(ct);
        var units = await UnitNamesAsync(teams.SelectMany(t => t.Prefectures.Select(p => p.UnitId)), ct);
        return [.. teams.Select(t => Describe(t, units))];
    }

    public async Task<TeamDto> TeamAsync(int id, CancellationToken ct = default) =>
        (await TeamsAsync(ct)).FirstOrDefault(t => t.Id == id) ?? throw TeamNotFound(id);

    /// <summary>Forms a team. Campaign office.</summary>
    public async Task<TeamDto> FormTeamAsync(TeamInput input, CancellationToken ct = default)
    {
        scope.Require(Roles.CampaignOffice);
        var campaign = await CampaignOperations.FindAsync(db, scope, input.Campaign?.Trim() ?? "", ct);
        await db.Entry(campaign).Collection(c => c.LeaderLinks).LoadAsync(ct);
        var lines = (input.Lines ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var known = await db.Lines.Where(l => lines.Contains(l.Code)).Select(l => l.Code).ToListAsync(ct);
        var errors = new FieldErrors();
        foreach (var l in lines.Except(known)) errors.Add("lines", new Phrase($"没有警种 {l}", $"there is no line {l}"));
        var names = (input.Members ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        var users = await db.Users.Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        foreach (var n in names.Except(users.Select(u => u.UserName!))) errors.Add("members", new Phrase($"没有用户 {n}", $"there is no user {n}"));
        errors.ThrowIfAny(SupervisionText.NotSaved);
        var team = SupervisionTeam.Form(campaign, input.Name, input.Leader, known, users.Select(u => (u.Id, u.UserName!)));
        db.Add(team);
        await db.SaveChangesAsync(ct);
        return await TeamAsync(team.Id, ct);
    }

    private async Task<SupervisionTeam> ActingTeamAsync(int? id, CancellationToken ct)
    {
        if (id is not { } teamId)
            throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["team"] = [new Phrase("请选择督导组", "choose a team")] });
        var team = await db.Set<SupervisionTeam>().Include(t => t.Members).Include(t => t.Prefectures).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null || !CanAct(team)) throw TeamNotFound(teamId);
        return team;
    }

    // Plans

    public async Task<PlanDto> PlanAsync(PlanInput input, CancellationToken ct = default)
    {
        var team = await ActingTeamAsync(input.Team, ct);
        var target = await TargetAsync(input.Unit, input.KeyPlace, ct);
        var plan = InspectionPlan.Make(team, target, await MemberChainsAsync(team, ct), Details(input.PlannedOn, input.Focus, input.Checklist), null, actor.Name, Now);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return await GetAsync(plan.Id, ct);
    }

    /// <summary>
    /// Draws the target at random among the team's prefectures' counties, stations and active key places (leaving out any a
    /// member is in conflict with) and plans the inspection there; the seed and the candidates are stored with the plan.
    /// </summary>
    public async Task<PlanDto> DrawAsync(DrawInput input, CancellationToken ct = default)
    {
        var team = await ActingTeamAsync(input.Team, ct);
        var details = Details(input.PlannedOn, input.Focus, input.Checklist);
        var members = await MemberChainsAsync(team, ct);
        var forbidden = await ForbiddenUnitsAsync(members, ct);
        var prefectures = team.Prefectures.Select(p => p.UnitId).ToList();
        var inArea = db.UnitLinks.Where(l => prefectures.Contains(l.AncestorId)).Select(l => l.DescendantId);
        var units = await db.Units.Where(u => inArea.Contains(u.Id) && (u.Level == UnitLevel.County || u.Level == UnitLevel.Station))
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code }).ToListAsync(ct);
        var places = await db.Set<KeyPlace>().Where(p => inArea.Contains(p.UnitId) && p.State == KeyPlaceState.Active)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.UnitId }).ToListAsync(ct);
        var candidates = units.Where(u => !forbidden.Contains(u.Id)).Select(u => u.Code)
            .Concat(places.Where(p => !forbidden.Contains(p.UnitId)).Select(p => $"KP{p.Id}")).ToList();
        var seed = input.Seed is { } s ? (ulong)s : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1;
        var draw = TargetDraw.Make(team, seed, candidates, actor.Name, Now);
        var target = draw.Drawn.StartsWith("KP", StringComparison.Ordinal)
            ? await TargetAsync(null, long.Parse(draw.Drawn[2..], System.Globalization.CultureInfo.InvariantCulture), ct)
            : await TargetAsync(draw.Drawn, null, ct);
        var plan = InspectionPlan.Make(team, target, members, details, draw, actor.Name, Now);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return await GetAsync(plan.Id, ct);
    }

    public async Task<PlanPage> ListAsync(PlanFilter f, CancellationToken ct = default)
    {
        var rows = await FilteredAsync(f, ct);
        var total = await rows.CountAsync(ct);
        var page = await rows.Skip((Math.Max(1, f.Page) - 1) * Math.Clamp(f.PageSize, 1, 500)).Take(Math.Clamp(f.PageSize, 1, 500))
            .Select(p => new
            {
                p.Id, p.TeamId, TeamName = p.Team!.Name, p.TargetUnit!.Code, p.TargetUnit.NameZh, p.TargetUnit.NameEn, p.KeyPlaceId,
                p.PlannedOn, p.Focus, p.State, Findings = p.Inspection == null ? 0 : p.Inspection.Findings.Count,
            }).ToListAsync(ct);
        var places = await PlaceNamesAsync(page.Select(p => p.KeyPlaceId), ct);
        return new([.. page.Select(p => new PlanRow(p.Id, p.TeamId, p.TeamName, p.Code, Lang.Pick(p.NameZh, p.NameEn),
            p.KeyPlaceId is { } k ? places.GetValueOrDefault(k) : null, p.PlannedOn, p.Focus, Code(p.State), p.Findings))], total, f.Page, f.PageSize);
    }

    public async Task<List<PlanRow>> AllAsync(PlanFilter f, CancellationToken ct = default) =>
        [.. (await ListAsync(f with { Page = 1, PageSize = 500 }, ct)).Items];

    private async Task<IQueryable<InspectionPlan>> FilteredAsync(PlanFilter f, CancellationToken ct)
    {
        var rows = Plans();
        if (f.Team is { } team) rows = rows.Where(p => p.TeamId == team);
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            var state = Parse<PlanState>(f.State, "state");
            rows = rows.Where(p => p.State == state);
        }
        if (!string.IsNullOrWhiteSpace(f.Unit))
        {
            var root = (await scope.FindUnitAsync(db, f.Unit.Trim(), ct)).Id;
            var subtree = db.UnitLinks.Where(l => l.AncestorId == root).Select(l => l.DescendantId);
            rows = rows.Where(p => subtree.Contains(p.TargetUnitId));
        }
        return rows.OrderByDescending(p => p.PlannedOn).ThenByDescending(p => p.Id);
    }

    public async Task<InspectionPlan> FindAsync(long id, CancellationToken ct = default) =>
        await Plans().Include(p => p.Team!).ThenInclude(t => t.Members).Include(p => p.Team!).ThenInclude(t => t.Prefectures)
            .Include(p => p.TargetUnit).Include(p => p.Draw).Include(p => p.History)
            .Include(p => p.Inspection!).ThenInclude(i => i.Answers).Include(p => p.Inspection!).ThenInclude(i => i.Findings).ThenInclude(f => f.Line)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw PlanNotFound(id);

    public async Task<PlanDto> GetAsync(long id, CancellationToken ct = default) => await DescribeAsync(await FindAsync(id, ct), ct);

    public async Task<PlanDto> CancelAsync(long id, CancelInput input, CancellationToken ct = default)
    {
        var plan = await ActingPlanAsync(id, input.Version, ct);
        plan.Cancel(input.Reason, actor.Name, Now);
        return await SaveAsync(plan, ct);
    }

    /// <summary>Records the inspection (and any findings given with it) in one save.</summary>
    public async Task<PlanDto> CarryOutAsync(long id, CarryOutInput input, CancellationToken ct = default)
    {
        var plan = await ActingPlanAsync(id, input.Version, ct);
        if (input.HappenedAt is not { } at)
            throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["happenedAt"] = [new Phrase("必填", "required")] });
        var inspection = plan.CarryOut(ToUtc(at), input.Went ?? [], input.Answers ?? [], actor.Name, Now);
        foreach (var f in input.Findings ?? []) inspection.AddFinding(await FindingDetailsAsync(f, ct), actor.Name, Now);
        return await SaveAsync(plan, ct);
    }

    public async Task<FindingDto> AddFindingAsync(long planId, FindingInput input, CancellationToken ct = default)
    {
        var plan = await ActingPlanAsync(planId, null, ct);
        if (plan.Inspection is null)
            throw DomainException.Conflict(new("检查尚未实施，不能登记问题。", "The inspection has not been carried out; findings cannot be recorded."));
        var finding = plan.Inspection.AddFinding(await FindingDetailsAsync(input, ct), actor.Name, Now);
        await db.SaveChangesAsync(ct);
        return await FindingAsync(finding.Id, ct);
    }

    public async Task<Finding> FindFindingAsync(long id, CancellationToken ct = default) =>
        await InspectionPlans.FindingsVisibleTo(db, Caller).Include(f => f.Unit).Include(f => f.Line)
            .Include(f => f.Inspection!).ThenInclude(i => i.Plan!).ThenInclude(p => p.Team!).ThenInclude(t => t.Members)
            .AsSplitQuery().FirstOrDefaultAsync(f => f.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到问题 {id}。", $"Finding {id} was not found."));

    public async Task<FindingDto> FindingAsync(long id, CancellationToken ct = default)
    {
        var f = await FindFindingAsync(id, ct);
        var items = await InspectionPlans.ItemsVisibleTo(db, Caller).Where(i => i.FindingId == id).Include(i => i.Unit).OrderBy(i => i.Id).ToListAsync(ct);
        return new(f.Id, f.Inspection!.PlanId, f.Unit!.Code, f.Unit.Name(Lang.IsEnglish), f.What, f.Where, Code(f.Severity), Code(f.Category), f.Line?.Code,
            f.EvidenceNote, f.RecordedBy, Utc(f.RecordedUtc), [.. items.Select(i => Rectifications.Row(i, Now))], CanAct(f.Inspection.Plan!.Team!));
    }

    private async Task<FindingDetails> FindingDetailsAsync(FindingInput f, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Severity? severity = null;
        FindingCategory? category = null;
        if (!string.IsNullOrWhiteSpace(f.Severity)) severity = FromCode<Severity>(f.Severity) ?? Bad<Severity>(errors, "severity");
        if (!string.IsNullOrWhiteSpace(f.Category)) category = FromCode<FindingCategory>(f.Category) ?? Bad<FindingCategory>(errors, "category");
        int? line = null;
        if (!string.IsNullOrWhiteSpace(f.Line))
        {
            line = await db.Lines.Where(l => l.Code == f.Line.Trim()).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
            if (line is null) errors.Add("line", new Phrase($"没有警种 {f.Line}", $"there is no line {f.Line}"));
        }
        errors.ThrowIfAny(new("问题未保存：请改正标出的错误。", "The finding was not saved: correct the errors marked."));
        return new(f.What, f.Where, severity, category, line, f.EvidenceNote);
    }

    private static T? Bad<T>(FieldErrors errors, string field) where T : struct, Enum
    {
        errors.Add(field, new Phrase($"可选：{string.Join(", ", Enum.GetValues<T>().Select(v => Code(v)))}", $"one of {string.Join(", ", Enum.GetValues<T>().Select(v => Code(v)))}"));
        return null;
    }

    private async Task<InspectionPlan> ActingPlanAsync(long id, int? version, CancellationToken ct)
    {
        var plan = await FindAsync(id, ct);
        if (!CanAct(plan.Team!))
            throw new DomainException(StatusCodes.Status403Forbidden, new("只有本督导组成员和行动专班可以办理检查计划。", "Only the team's members and the campaign office may act on a plan."));
        if (version is { } v && v != plan.Version) throw Stale();
        return plan;
    }

    private async Task<PlanDto> SaveAsync(InspectionPlan plan, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw Stale(); }
        return await GetAsync(plan.Id, ct);
    }

    private async Task<PlanDto> DescribeAsync(InspectionPlan p, CancellationToken ct)
    {
        var place = p.KeyPlaceId is { } k ? (await PlaceNamesAsync([k], ct)).GetValueOrDefault(k) : null;
        var findings = p.Inspection?.Findings.Select(f => f.Id).ToList() ?? [];
        var counts = await db.Set<Rectification.RectificationItem>().Where(i => findings.Contains(i.FindingId)).GroupBy(i => i.FindingId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var actions = !CanAct(p.Team!) ? [] : p.State switch
        {
            PlanState.Planned => new[] { "carry-out", "cancel" },
            PlanState.CarriedOut => ["add-finding"],
            _ => [],
        };
        return new(p.Id, p.TeamId, p.Team!.Name, p.TargetUnit!.Code, p.TargetUnit.Name(Lang.IsEnglish), p.KeyPlaceId, place, p.PlannedOn, p.Focus,
            p.ChecklistItems, Code(p.State), p.PlannedBy, Utc(p.PlannedUtc), p.CancelReason,
            p.Draw is { } d ? new DrawDto(d.Seed, d.CandidateCodes.Count, d.Drawn, d.Reproduce() == d.Drawn, d.DrawnBy, Utc(d.DrawnUtc)) : null,
            p.Inspection is { } i ? new InspectionDto(Utc(i.HappenedUtc), i.Went, i.RecordedBy,
                [.. i.Answers.OrderBy(a => a.Item).Select(a => new AnswerDto(a.Item, a.Text, a.Passed, a.Note))],
                [.. i.Findings.OrderBy(f => f.Id).Select(f => new FindingRow(f.Id, f.What, f.Where, Code(f.Severity), Code(f.Category), f.Line?.Code, counts.GetValueOrDefault(f.Id)))]) : null,
            [.. p.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new ChangeDto(Utc(h.AtUtc), h.By, h.From, h.To, h.Reason))], p.Version, actions);
    }

    private static PlanDetails Details(DateOnly? plannedOn, string? focus, IReadOnlyList<string>? checklist) =>
        plannedOn is { } on ? new(on, focus, checklist ?? [])
        : throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["plannedOn"] = [new Phrase("必填", "required")] });

    /// <summary>A county or station, or an active key place (and its unit); with the chain of units above it below the province.</summary>
    private async Task<PlanTarget> TargetAsync(string? unitCode, long? keyPlace, CancellationToken ct)
    {
        int unitId;
        if (keyPlace is { } kp)
        {
            var place = await db.Set<KeyPlace>().Where(p => p.Id == kp && p.State == KeyPlaceState.Active).Select(p => new { p.UnitId }).FirstOrDefaultAsync(ct)
                ?? throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["keyPlace"] = [new Phrase($"没有在营业的重点场所 {kp}", $"there is no active key place {kp}")] });
            unitId = place.UnitId;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(unitCode))
                throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["target"] = [new Phrase("请填写检查单位或重点场所", "give a unit or a key place")] });
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == unitCode.Trim(), ct);
            if (unit is null || unit.Level is not (UnitLevel.County or UnitLevel.Station))
                throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["target"] = [new Phrase($"{unitCode} 不是县级单位或派出所", $"{unitCode} is not a county or a police station")] });
            unitId = unit.Id;
        }
        return new(unitId, await ChainAsync(unitId, ct), keyPlace);
    }

    /// <summary>A unit and the units above it, below the province.</summary>
    private Task<List<int>> ChainAsync(int unitId, CancellationToken ct) =>
        db.UnitLinks.Where(l => l.DescendantId == unitId).Join(db.Units, l => l.AncestorId, u => u.Id, (l, u) => u)
            .Where(u => u.Level != UnitLevel.Province).Select(u => u.Id).ToListAsync(ct);

    private async Task<List<MemberChain>> MemberChainsAsync(SupervisionTeam team, CancellationToken ct)
    {
        var ids = team.Members.Select(m => m.UserId).ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.UserName, u.UnitId }).ToListAsync(ct);
        var chains = new List<MemberChain>();
        foreach (var u in users) chains.Add(new(u.UserName!, u.UnitId, await ChainAsync(u.UnitId, ct)));
        return chains;
    }

    /// <summary>The units a draw leaves out: each member's own chain and everything below a member's unit (province members exclude nothing).</summary>
    private async Task<HashSet<int>> ForbiddenUnitsAsync(IReadOnlyList<MemberChain> members, CancellationToken ct)
    {
        var below = members.Where(m => m.Chain.Contains(m.UnitId)).Select(m => m.UnitId).ToList();
        var forbidden = (await db.UnitLinks.Where(l => below.Contains(l.AncestorId)).Select(l => l.DescendantId).ToListAsync(ct)).ToHashSet();
        foreach (var m in members) forbidden.UnionWith(m.Chain);
        return forbidden;
    }

    private async Task<Dictionary<int, string>> UnitNamesAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.Units.Where(u => list.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.NameZh, u.NameEn }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => $"{u.Code}|{Lang.Pick(u.NameZh, u.NameEn)}");
    }

    private async Task<Dictionary<long, string>> PlaceNamesAsync(IEnumerable<long?> ids, CancellationToken ct)
    {
        var list = ids.OfType<long>().Distinct().ToList();
        return list.Count == 0 ? [] : await db.Set<KeyPlace>().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }

    private static TeamDto Describe(SupervisionTeam t, Dictionary<int, string> units) => new(t.Id, t.Campaign!.Code, t.Name, t.LeaderName, t.LeaderTitle,
        t.LineCodes, [.. t.Members.Select(m => m.UserName).Order()],
        [.. t.Prefectures.Select(p => units[p.UnitId].Split('|')).OrderBy(u => u[0]).Select(u => new UnitRef(u[0], u[1]))]);

    public static DateTime ToUtc(DateTime t) =>
        t.Kind == DateTimeKind.Utc ? t : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), ProvinceTime.Zone);

    public static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    public static string Code<T>(T value) where T : struct, Enum => Ledgers.LedgerList.Code(value);

    public static T? FromCode<T>(string? code) where T : struct, Enum => Ledgers.LedgerList.Parse<T>(code);

    public static T Parse<T>(string code, string field) where T : struct, Enum => FromCode<T>(code) ?? throw Ledgers.LedgerList.Unknown<T>(field, code);

    public static DomainException Stale() =>
        DomainException.Conflict(new("该记录已被他人修改，请刷新后重试。", "Someone else changed this in the meantime; reload and try again."));

    private static DomainException PlanNotFound(long id) => DomainException.NotFound(new($"找不到检查计划 {id}。", $"Inspection plan {id} was not found."));

    private static DomainException TeamNotFound(int id) => DomainException.NotFound(new($"找不到督导组 {id}，或您不是其成员。", $"Team {id} was not found, or you are not a member."));
}
