using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision.Rectification;

public sealed record ItemInput(string? Unit, string? ResponsiblePerson, string? Measure, DateOnly? Deadline);

/// <summary>A move: start, submit (the evidence in <c>Note</c>), return (the reason in <c>Note</c>), verify, close-out, reopen (with <c>NewDeadline</c>).</summary>
public sealed record ItemAction(string Action, string? Note = null, DateOnly? NewDeadline = null, int? Version = null);

public sealed record ItemRow(long Id, long Finding, string Unit, string UnitName, string ResponsiblePerson, string Measure, DateOnly Deadline, string State,
    bool Overdue, int Recurrences, int Returns);
public sealed record ItemDto(long Id, long Finding, long Plan, string TeamName, string FindingWhat, string Unit, string UnitName, string ResponsiblePerson,
    string Measure, DateOnly Deadline, string State, bool Overdue, string? EvidenceNote, string? ReturnReason, int Returns, int Recurrences,
    string AssignedBy, DateTime AssignedUtc, DateTime? ClosedOutUtc, IReadOnlyList<ChangeDto> History, int Version, IReadOnlyList<string> Actions);

/// <summary>Rectification items: assigned from a finding, moved by the party each move belongs to, read through the secrecy filter (the lists are in <see cref="Lists.SupervisionLists"/>).</summary>
public sealed class Rectifications(CenturionDb db, CallerScope scope, Actor actor, TimeProvider clock, SupervisionDesk desk)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<RectificationItem> Items() => InspectionPlans.ItemsVisibleTo(db, desk.Caller);

    /// <summary>Assigns an item from a finding: team members and the campaign office. The responsible unit lies in the inspected unit's chain.</summary>
    public async Task<ItemDto> AssignAsync(long findingId, ItemInput input, CancellationToken ct = default)
    {
        var finding = await desk.FindFindingAsync(findingId, ct);
        if (!desk.CanAct(finding.Inspection!.Plan!.Team!))
            throw new DomainException(StatusCodes.Status403Forbidden, new("整改事项由督导组成员或行动专班交办。", "Items are assigned by the team's members or the campaign office."));
        var unit = await ResponsibleUnitAsync(input.Unit, finding.UnitId, ct);
        var item = RectificationItem.Assign(finding, unit, new(input.ResponsiblePerson, input.Measure, input.Deadline), actor.Name, Now);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return await GetAsync(item.Id, ct);
    }

    /// <summary>The inspected unit itself, a unit above it below the province, or a unit below it.</summary>
    private async Task<int> ResponsibleUnitAsync(string? code, int inspectedId, CancellationToken ct)
    {
        var field = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(code))
            throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]> { ["unit"] = [new Phrase("请填写责任单位", "give the responsible unit")] });
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code.Trim(), ct);
        var related = unit is not null && unit.Level != UnitLevel.Province && await db.UnitLinks.AnyAsync(l =>
            (l.AncestorId == unit.Id && l.DescendantId == inspectedId) || (l.AncestorId == inspectedId && l.DescendantId == unit.Id), ct);
        if (!related)
            throw DomainException.Invalid(SupervisionText.NotSaved, new Dictionary<string, string[]>
            {
                ["unit"] = [new Phrase($"{code} 不是被检查单位或其上下级单位", $"{code} is not the inspected unit, nor a unit above or below it")],
            });
        return unit!.Id;
    }

    public async Task<RectificationItem> FindAsync(long id, CancellationToken ct = default) =>
        await Items().Include(i => i.Unit).Include(i => i.History)
            .Include(i => i.Finding!).ThenInclude(f => f.Inspection!).ThenInclude(n => n.Plan!).ThenInclude(p => p.Team!).ThenInclude(t => t.Members)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到整改事项 {id}。", $"Rectification item {id} was not found."));

    public async Task<ItemDto> GetAsync(long id, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        return Describe(item, await AllowedAsync(item, ct));
    }

    public async Task<ItemDto> ActAsync(long id, ItemAction a, CancellationToken ct = default)
    {
        var item = await FindAsync(id, ct);
        if (!RectificationItem.Moves.TryGetValue(a.Action ?? "", out var party))
            throw DomainException.Invalid(new($"没有操作 {a.Action}；可选：{string.Join(", ", RectificationItem.Moves.Keys)}。",
                $"There is no action {a.Action}; use one of {string.Join(", ", RectificationItem.Moves.Keys)}."));
        if (!await MayAsync(item, party, ct))
            throw new DomainException(StatusCodes.Status403Forbidden, party == ItemParty.Team
                ? new("验收、退回、销号和重新整改由督导组成员或行动专班办理。", "Verifying, returning, closing out and reopening belong to the team's members or the campaign office.")
                : new("开始整改和提交整改由责任单位办理。", "Starting and submitting belong to the responsible unit."));
        if (a.Version is { } v && v != item.Version) throw SupervisionDesk.Stale();
        var (by, at) = (actor.Name, Now);
        switch (a.Action)
        {
            case "start": item.Start(by, at); break;
            case "submit": item.Submit(a.Note, by, at); break;
            case "return": item.Return(a.Note, by, at); break;
            case "verify": item.Verify(a.Note, by, at); break;
            case "close-out": item.CloseOut(a.Note, by, at); break;
            default: item.Reopen(a.Note, a.NewDeadline, by, at); break;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw SupervisionDesk.Stale(); }
        return Describe(item, await AllowedAsync(item, ct));
    }

    /// <summary>The campaign office may make any move; the team its own; the responsible unit (its users, or leaders above) rectifies and submits.</summary>
    private async Task<bool> MayAsync(RectificationItem item, ItemParty party, CancellationToken ct)
    {
        var team = item.Finding!.Inspection!.Plan!.Team!;
        if (desk.IsOfficeFor(team)) return true;
        if (party == ItemParty.Team) return team.HasMember(actor.UserId);
        return scope.IsInAny(Roles.Reporter, Roles.UnitLeader) && !team.HasMember(actor.UserId)
            && await db.UnitLinks.AnyAsync(l => l.AncestorId == scope.UnitId && l.DescendantId == item.UnitId, ct);
    }

    private async Task<IReadOnlyList<string>> AllowedAsync(RectificationItem item, CancellationToken ct)
    {
        var allowed = new List<string>();
        foreach (var move in item.AllowedMoves())
            if (await MayAsync(item, RectificationItem.Moves[move], ct)) allowed.Add(move);
        return allowed;
    }

    public static ItemRow Row(RectificationItem i, DateTime now) => new(i.Id, i.FindingId, i.Unit!.Code, i.Unit.Name(Lang.IsEnglish), i.ResponsiblePerson,
        i.Measure, i.Deadline, SupervisionDesk.Code(i.State), i.IsOverdue(now), i.Recurrences, i.Returns);

    private ItemDto Describe(RectificationItem i, IReadOnlyList<string> actions)
    {
        var plan = i.Finding!.Inspection!.Plan!;
        return new(i.Id, i.FindingId, plan.Id, plan.Team!.Name, i.Finding.What, i.Unit!.Code, i.Unit.Name(Lang.IsEnglish), i.ResponsiblePerson, i.Measure,
            i.Deadline, SupervisionDesk.Code(i.State), i.IsOverdue(Now), i.EvidenceNote, i.ReturnReason, i.Returns, i.Recurrences, i.AssignedBy,
            SupervisionDesk.Utc(i.AssignedUtc), i.ClosedOutUtc is { } c ? SupervisionDesk.Utc(c) : null,
            [.. i.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new ChangeDto(SupervisionDesk.Utc(h.AtUtc), h.By, h.From, h.To, h.Reason))],
            i.Version, actions);
    }
}
