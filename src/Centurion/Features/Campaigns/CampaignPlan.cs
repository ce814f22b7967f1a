using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

public sealed record PhaseDto(int Id, string NameZh, string NameEn, DateOnly StartDate, DateOnly EndDate);

public sealed record TaskDto(int Id, string TitleZh, string TitleEn, string? OwnerLine, DateOnly Deadline, string State,
    string? ResponsibleUnit, string? ResponsibleUser, string ResponsibleName, string ResponsibleTitle);

public sealed record LeaderLinkDto(int Id, string LeaderName, string LeaderTitle, string UnitCode);

public sealed record ParticipatingUnitDto(string Code, string NameZh, string NameEn, int Reports);

public sealed record UnitRequest(string UnitCode);

/// <summary>
/// Every change to a running campaign's plan, for the API and the pages alike: only the campaign office of the unit that
/// runs it (403), then the campaign's own operations keep the plan's rules (409 after its last day, 422 by field); each change
/// is saved, and audited, in one transaction.
/// </summary>
public sealed class CampaignPlan(CenturionDb db, CallerScope scope, TimeProvider clock, IUnitFilings filings)
{
    /// <summary>Whether the caller may change this campaign's plan now (so the page shows its forms).</summary>
    public async Task<bool> MayEditAsync(Campaign c, CancellationToken ct = default) =>
        scope.IsIn(Roles.CampaignOffice) && IsOpen(c) && await RunsAsync(c, ct);

    public bool IsOpen(Campaign c) => c.PlanOpen(Today);

    private DateOnly Today => ProvinceTime.Today(clock);

    private Task<bool> RunsAsync(Campaign c, CancellationToken ct)
    {
        var me = scope.UnitId;
        return db.UnitLinks.AnyAsync(l => l.AncestorId == me && l.DescendantId == c.RootUnitId, ct);
    }

    /// <summary>Checks the caller, loads the part of the plan a change needs, applies the change and saves it.</summary>
    private async Task<T> ChangeAsync<T>(Campaign c, Func<Campaign, Task> load, Func<CancellationToken, Task<T>> change, CancellationToken ct)
    {
        scope.Require(Roles.CampaignOffice);
        if (!await RunsAsync(c, ct))
            throw new DomainException(StatusCodes.Status403Forbidden, PlanText.NotYours);
        await load(c);
        return await db.InTransactionAsync(async t =>
        {
            var result = await change(t);
            await db.SaveChangesAsync(t);
            return result;
        }, ct);
    }

    private Task ChangeAsync(Campaign c, Func<Campaign, Task> load, Action change, CancellationToken ct) =>
        ChangeAsync(c, load, _ => { change(); return Task.FromResult(true); }, ct);

    private Func<Campaign, Task> PhasesOf(CancellationToken ct) => c => db.Entry(c).Collection(x => x.Phases).LoadAsync(ct);
    private Func<Campaign, Task> TasksOf(CancellationToken ct) => c => db.Entry(c).Collection(x => x.Tasks).LoadAsync(ct);
    private Func<Campaign, Task> LinksOf(CancellationToken ct) => c => db.Entry(c).Collection(x => x.LeaderLinks).LoadAsync(ct);
    private Func<Campaign, Task> UnitsOf(CancellationToken ct) => c => db.Entry(c).Collection(x => x.Units).Query().Include(u => u.Unit).LoadAsync(ct);

    public async Task<PhaseDto> AddPhaseAsync(Campaign c, NewPhase input, CancellationToken ct = default) =>
        Describe(await ChangeAsync(c, PhasesOf(ct), _ => Task.FromResult(c.AddPhase(input, Today)), ct));

    public async Task<PhaseDto> UpdatePhaseAsync(Campaign c, int id, NewPhase input, CancellationToken ct = default) =>
        Describe(await ChangeAsync(c, PhasesOf(ct), _ => Task.FromResult(c.ChangePhase(id, input, Today)), ct));

    public Task RemovePhaseAsync(Campaign c, int id, CancellationToken ct = default) =>
        ChangeAsync(c, PhasesOf(ct), () => c.RemovePhase(id, Today), ct);

    public async Task<TaskDto> AddTaskAsync(Campaign c, NewTask input, CancellationToken ct = default)
    {
        var task = await ChangeAsync(c, TasksOf(ct), async t =>
        {
            var errors = new FieldErrors();
            return c.AddTask(input, await ResolveTaskAsync(db, c, input, errors, t), errors, Today);
        }, ct);
        return await DescribeTaskAsync(task.Id, ct);
    }

    public async Task<TaskDto> UpdateTaskAsync(Campaign c, int id, NewTask input, CancellationToken ct = default)
    {
        await ChangeAsync(c, TasksOf(ct), async t =>
        {
            var errors = new FieldErrors();
            return c.ChangeTask(id, input, await ResolveTaskAsync(db, c, input, errors, t), errors, Today);
        }, ct);
        return await DescribeTaskAsync(id, ct);
    }

    public Task RemoveTaskAsync(Campaign c, int id, CancellationToken ct = default) =>
        ChangeAsync(c, TasksOf(ct), () => c.RemoveTask(id, Today), ct);

    /// <summary>
    /// A task's owner line, responsible unit (any unit within the campaign) and responsible user (one whose unit lies within
    /// the campaign) by code; what cannot be found is a problem by field, the same whether it exists elsewhere or not.
    /// </summary>
    internal static async Task<TaskParties> ResolveTaskAsync(CenturionDb db, Campaign c, NewTask t, FieldErrors errors, CancellationToken ct)
    {
        int? line = null, unit = null;
        string? user = null;
        if (!string.IsNullOrWhiteSpace(t.OwnerLine))
            line = await db.Lines.Where(l => l.Code == t.OwnerLine.Trim()).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct)
                ?? Missing("ownerLine", new($"没有警种 {t.OwnerLine}。", $"There is no line {t.OwnerLine}."));
        if (!string.IsNullOrWhiteSpace(t.ResponsibleUnit))
            unit = await CallerScope.Subtree(db, c.RootUnitId).Where(u => u.Code == t.ResponsibleUnit.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
                ?? Missing("responsibleUnit", new($"本行动范围内没有单位 {t.ResponsibleUnit}。", $"There is no unit {t.ResponsibleUnit} within the campaign."));
        if (!string.IsNullOrWhiteSpace(t.ResponsibleUser))
        {
            var inCampaign = CallerScope.Subtree(db, c.RootUnitId).Select(u => u.Id);
            user = await db.Users.Where(u => u.UserName == t.ResponsibleUser.Trim() && inCampaign.Contains(u.UnitId)).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (user is null) errors.Add("responsibleUser", new($"本行动范围内没有用户 {t.ResponsibleUser}。", $"There is no user {t.ResponsibleUser} within the campaign."));
        }
        return new(line, unit, user);

        int? Missing(string field, Phrase p) { errors.Add(field, p); return null; }
    }

    public async Task<LeaderLinkDto> AddLeaderLinkAsync(Campaign c, NewLeaderLink input, CancellationToken ct = default) =>
        Describe(await ChangeAsync(c, LinksOf(ct), async t =>
        {
            var errors = new FieldErrors();
            return c.LinkLeader(input, await PrefectureAsync(db, c, input.UnitCode, errors, t), errors, Today);
        }, ct));

    public async Task<LeaderLinkDto> UpdateLeaderLinkAsync(Campaign c, int id, NewLeaderLink input, CancellationToken ct = default) =>
        Describe(await ChangeAsync(c, LinksOf(ct), async t =>
        {
            var errors = new FieldErrors();
            return c.ChangeLeaderLink(id, input, await PrefectureAsync(db, c, input.UnitCode, errors, t), errors, Today);
        }, ct));

    public Task RemoveLeaderLinkAsync(Campaign c, int id, CancellationToken ct = default) =>
        ChangeAsync(c, LinksOf(ct), () => c.RemoveLeaderLink(id, Today), ct);

    /// <summary>Leaders are linked to prefectures (市州) within the campaign; anything else is a problem with the unit code.</summary>
    internal static async Task<Unit?> PrefectureAsync(CenturionDb db, Campaign c, string? code, FieldErrors errors, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(code) ? null
            : await CallerScope.Subtree(db, c.RootUnitId).FirstOrDefaultAsync(u => u.Code == code.Trim() && u.Level == UnitLevel.Prefecture, ct);
        if (unit is null) errors.Add("unitCode", new($"{code} 不是本行动范围内的市（州）。", $"{code} is not a prefecture within the campaign."));
        return unit;
    }

    /// <summary>The participating units in the caller's subtree, with how many reports each has in the campaign.</summary>
    public async Task<List<ParticipatingUnitDto>> UnitsAsync(Campaign c, CancellationToken ct = default)
    {
        var reports = await filings.ByUnitAsync(db, c.Id, ct);
        var units = await CampaignOperations.ReportingUnits(db, c.Id, scope.UnitId).OrderBy(u => u.Code).ToListAsync(ct);
        return [.. units.Select(u => new ParticipatingUnitDto(u.Code, u.NameZh, u.NameEn, reports.GetValueOrDefault(u.Id)))];
    }

    public async Task<ParticipatingUnitDto> AddUnitAsync(Campaign c, string? code, CancellationToken ct = default)
    {
        var row = await ChangeAsync(c, UnitsOf(ct), async t =>
        {
            var unit = string.IsNullOrWhiteSpace(code) ? null : await CallerScope.Subtree(db, c.RootUnitId).FirstOrDefaultAsync(u => u.Code == code.Trim(), t);
            return (Unit: unit, Row: c.AddUnit(code, unit, Today));
        }, ct);
        return new(row.Unit!.Code, row.Unit.NameZh, row.Unit.NameEn, 0);
    }

    /// <summary>Removes a unit that has not reported; one with reports stays, so that no figure is ever deleted with it.</summary>
    public Task RemoveUnitAsync(Campaign c, string code, CancellationToken ct = default) =>
        ChangeAsync(c, UnitsOf(ct), async t =>
        {
            var unitId = c.Units.FirstOrDefault(u => u.Unit?.Code == code)?.UnitId;
            c.RemoveUnit(code, unitId is { } id ? await filings.CountAsync(db, c.Id, id, t) : 0, Today);
            return true;
        }, ct);

    public static PhaseDto Describe(CampaignPhase p) => new(p.Id, p.NameZh, p.NameEn, p.StartDate, p.EndDate);

    public static LeaderLinkDto Describe(LeaderLink l) => new(l.Id, l.LeaderName, l.LeaderTitle, l.Unit!.Code);

    private async Task<TaskDto> DescribeTaskAsync(int id, CancellationToken ct) =>
        await Tasks(db, db.CampaignTasks.Where(t => t.Id == id)).FirstAsync(ct);

    /// <summary>Tasks as the API shows them: codes for the line and unit, the user's name, and the person's name (the user's display name when a user).</summary>
    public static IQueryable<TaskDto> Tasks(CenturionDb db, IQueryable<CampaignTask> tasks) =>
        from t in tasks
        join u in db.Users on t.ResponsibleUserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        select new TaskDto(t.Id, t.TitleZh, t.TitleEn, t.OwnerLine == null ? null : t.OwnerLine.Code, t.Deadline,
            t.State == TaskState.InProgress ? "in-progress" : t.State.ToString().ToLower(),
            t.ResponsibleUnit == null ? null : t.ResponsibleUnit.Code, u == null ? null : u.UserName,
            u == null ? t.ResponsibleName : u.DisplayName, t.ResponsibleTitle);
}
