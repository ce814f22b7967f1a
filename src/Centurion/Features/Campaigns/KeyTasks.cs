using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

public sealed record TaskFilter(string? State = null, bool Overdue = false, string? Unit = null, string? Line = null);

public sealed record TaskRow(int Id, string Title, string? OwnerLine, string? OwnerLineName, string? Unit, string? UnitName, string ResponsiblePerson,
    DateOnly Deadline, string State, bool Overdue, int Returns);

public sealed record TaskChangeDto(DateTime AtUtc, string By, string From, string To, string? Note);

public sealed record TrackedTaskDto(int Id, string Campaign, string TitleZh, string TitleEn, string? OwnerLine, string? OwnerLineName, string? Unit,
    string? UnitName, string? ResponsibleUser, string ResponsiblePerson, string ResponsibleTitle, DateOnly Deadline, string State, bool Overdue,
    string? ReturnReason, int Returns, DateTime? VerifiedUtc, IReadOnlyList<TaskChangeDto> History, int Version, IReadOnlyList<string> Actions);

/// <summary>A move's note (progress, what was achieved, the reason for returning) and the version the caller saw (409 if it moved on).</summary>
public sealed record TaskMove(string? Note = null, int? Version = null);

/// <summary>
/// The tracking of a campaign's key tasks, for the API and the pages alike. A task is seen by the campaign office of the unit
/// that runs the campaign, by the users whose subtree holds its responsible unit (of its owner line, for a line's users), and
/// by its responsible user; for everyone else it is "not found". The responsible unit's reporters, leaders and line
/// coordinators (and its responsible user) report progress and completion; only the campaign office verifies or returns
/// (403), and it may make any move.
/// </summary>
public sealed class KeyTasks(CenturionDb db, CallerScope scope, Actor actor, TimeProvider clock)
{
    private static readonly string[] ReportingRoles = [Roles.Reporter, Roles.UnitLeader, Roles.LineCoordinator, Roles.CampaignOffice];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every key task the caller may see, in any campaign: the one filter every list, count, page and move goes through.</summary>
    public static IQueryable<CampaignTask> VisibleTo(CenturionDb db, CallerScope scope, string? userId)
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == scope.UnitId).Select(l => (int?)l.DescendantId);
        var office = scope.IsIn(Roles.CampaignOffice);
        var line = scope.LineId;
        return db.CampaignTasks.Where(t =>
            (office && subtree.Contains(t.Campaign!.RootUnitId))
            || (subtree.Contains(t.ResponsibleUnitId) && (line == null || t.OwnerLineId == line))
            || (userId != null && t.ResponsibleUserId == userId));
    }

    /// <summary>Tasks the caller answers for as the responsible unit (its own unit, not one below) or as the responsible user.</summary>
    public static IQueryable<CampaignTask> AnsweredBy(CenturionDb db, CallerScope scope, string? userId)
    {
        var unit = scope.UnitId;
        var line = scope.LineId;
        var reports = scope.IsInAny(ReportingRoles);
        return VisibleTo(db, scope, userId).Where(t =>
            (reports && t.ResponsibleUnitId == unit && (line == null || t.OwnerLineId == line)) || (userId != null && t.ResponsibleUserId == userId));
    }

    /// <summary>Tasks in campaigns the caller's office runs.</summary>
    public static IQueryable<CampaignTask> OfficeOf(CenturionDb db, CallerScope scope)
    {
        if (!scope.IsIn(Roles.CampaignOffice)) return db.CampaignTasks.Where(_ => false);
        var subtree = db.UnitLinks.Where(l => l.AncestorId == scope.UnitId).Select(l => l.DescendantId);
        return db.CampaignTasks.Where(t => subtree.Contains(t.Campaign!.RootUnitId));
    }

    private IQueryable<CampaignTask> Tasks(Campaign c) => VisibleTo(db, scope, actor.UserId).Where(t => t.CampaignId == c.Id);

    public async Task<List<TaskRow>> ListAsync(Campaign c, TaskFilter f, CancellationToken ct = default)
    {
        var rows = Tasks(c);
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            if (TaskText.Parse(f.State) is { } state) rows = rows.Where(t => t.State == state);
            else errors["state"] = [new Phrase($"没有状态 {f.State}；可选 open、in-progress、done、verified", $"there is no state {f.State}; use open, in-progress, done or verified")];
        }
        if (!string.IsNullOrWhiteSpace(f.Line))
        {
            var line = await db.Lines.Where(l => l.Code == f.Line.Trim()).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
            if (line is null) errors["line"] = [TaskText.BadLine];
            else rows = rows.Where(t => t.OwnerLineId == line);
        }
        if (errors.Count > 0) throw DomainException.Invalid(new("筛选条件有误。", "The filter is not valid."), errors);
        if (!string.IsNullOrWhiteSpace(f.Unit))
        {
            var root = (await scope.FindUnitAsync(db, f.Unit.Trim(), ct)).Id;
            var subtree = db.UnitLinks.Where(l => l.AncestorId == root).Select(l => (int?)l.DescendantId);
            rows = rows.Where(t => subtree.Contains(t.ResponsibleUnitId));
        }
        if (f.Overdue)
        {
            var today = ProvinceTime.Today(clock);
            rows = rows.Where(t => t.State != TaskState.Verified && t.Deadline < today);
        }
        var tasks = await rows.Include(t => t.OwnerLine).Include(t => t.ResponsibleUnit).ToListAsync(ct);
        var users = await PlanText.UserNamesAsync(db, tasks);
        var now = Now;
        return [.. tasks.OrderByDescending(t => t.IsOverdue(now)).ThenBy(t => t.State == TaskState.Verified).ThenBy(t => t.Deadline).ThenBy(t => t.Id)
            .Select(t => new TaskRow(t.Id, Lang.Pick(t.TitleZh, t.TitleEn), t.OwnerLine?.Code, t.OwnerLine?.Name(Lang.IsEnglish), t.ResponsibleUnit?.Code,
                t.ResponsibleUnit?.Name(Lang.IsEnglish), PlanText.Person(t, users), t.Deadline, TaskText.Code(t.State), t.IsOverdue(now), t.Returns))];
    }

    public async Task<TrackedTaskDto> GetAsync(Campaign c, int id, CancellationToken ct = default)
    {
        var task = await FindAsync(c, id, ct);
        return await DescribeAsync(c, task, ct);
    }

    public async Task<TrackedTaskDto> ActAsync(Campaign c, int id, string move, TaskMove m, CancellationToken ct = default)
    {
        var task = await FindAsync(c, id, ct);
        if (!CampaignTask.Moves.TryGetValue(move, out var party))
            throw DomainException.Invalid(new($"没有操作 {move}。", $"There is no move {move}."));
        if (!await MayAsync(c, task, party, ct))
            throw new DomainException(StatusCodes.Status403Forbidden, party == TaskParty.Office ? TaskText.NotOffice : TaskText.NotResponsible);
        if (m.Version is { } v && v != task.Version) throw DomainException.Conflict(TaskText.Stale);
        var (by, at) = (actor.Name, Now);
        switch (move)
        {
            case "progress": task.ReportProgress(m.Note, by, at); break;
            case "done": task.MarkDone(m.Note, by, at); break;
            case "verify": task.Verify(m.Note, by, at); break;
            default: task.Return(m.Note, by, at); break;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Conflict(TaskText.Stale); }
        return await DescribeAsync(c, task, ct);
    }

    private async Task<CampaignTask> FindAsync(Campaign c, int id, CancellationToken ct) =>
        await Tasks(c).Include(t => t.OwnerLine).Include(t => t.ResponsibleUnit).Include(t => t.History).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct)
        ?? throw DomainException.NotFound(TaskText.NotFound);

    private Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct) =>
        scope.IsIn(Roles.CampaignOffice) ? db.UnitLinks.AnyAsync(l => l.AncestorId == scope.UnitId && l.DescendantId == c.RootUnitId, ct) : Task.FromResult(false);

    /// <summary>The office may make any move; the responsible unit's users (or those above it) and the responsible user report.</summary>
    private async Task<bool> MayAsync(Campaign c, CampaignTask task, TaskParty party, CancellationToken ct)
    {
        if (await IsOfficeAsync(c, ct)) return true;
        if (party == TaskParty.Office) return false;
        if (actor.UserId is { } me && task.ResponsibleUserId == me) return true;
        return scope.IsInAny(ReportingRoles) && task.ResponsibleUnitId is { } unit && (scope.LineId is null || task.OwnerLineId == scope.LineId)
            && await db.UnitLinks.AnyAsync(l => l.AncestorId == scope.UnitId && l.DescendantId == unit, ct);
    }

    private async Task<TrackedTaskDto> DescribeAsync(Campaign c, CampaignTask t, CancellationToken ct)
    {
        var users = await PlanText.UserNamesAsync(db, [t]);
        var userName = t.ResponsibleUserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct) : null;
        var actions = new List<string>();
        foreach (var move in t.AllowedMoves())
            if (await MayAsync(c, t, CampaignTask.Moves[move], ct)) actions.Add(move);
        return new(t.Id, c.Code, t.TitleZh, t.TitleEn, t.OwnerLine?.Code, t.OwnerLine?.Name(Lang.IsEnglish), t.ResponsibleUnit?.Code,
            t.ResponsibleUnit?.Name(Lang.IsEnglish), userName, PlanText.Person(t, users), t.ResponsibleTitle, t.Deadline, TaskText.Code(t.State),
            t.IsOverdue(Now), t.ReturnReason, t.Returns, t.VerifiedUtc is { } v ? Utc(v) : null,
            [.. t.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new TaskChangeDto(Utc(h.AtUtc), h.By, TaskText.Code(h.From), TaskText.Code(h.To), h.Note))],
            t.Version, actions);
    }

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
