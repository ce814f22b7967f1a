using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.Disputes;

public sealed record HazardRow(long Id, string Unit, string UnitName, string Description, string Place, string Risk, DateOnly FoundOn,
    DateOnly Deadline, string Status, string? AssignedTo, DateOnly? EliminatedOn, bool Overdue);

public sealed record HazardDto(long Id, string Unit, string UnitName, string Description, string Place, string Risk, DateOnly FoundOn,
    DateOnly Deadline, long? DisputeId, string Status, string? AssignedTo, DateOnly? EliminatedOn, bool Overdue, int Version,
    IReadOnlyList<StateChangeDto> History, IReadOnlyList<string> Actions);

public sealed record HazardInput(string? Unit, string? Description, string? Place, string? Risk, DateOnly? FoundOn, DateOnly? Deadline,
    long? DisputeId = null, int? Version = null);

public sealed record HazardAction(string Action, string? Note = null, string? AssignedTo = null, int? Version = null);

/// <summary>Every operation on the latent-hazard ledger, for the API and the pages alike.</summary>
public sealed class HazardLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    public static readonly string[] Actions = ["assign", "eliminate"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => ProvinceTime.Today(clock);

    public bool CanWrite => scope.IsInAny(Roles.Reporter, Roles.UnitLeader);

    private Task<IQueryable<Hazard>> VisibleAsync(CancellationToken ct) => access.VisibleAsync<Hazard>(ct);

    public async Task<IQueryable<Hazard>> FilteredAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        var rows = await VisibleAsync(ct);
        rows = await scope.InSubtreeOfAsync(db, rows, f.Unit, ct);
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            var s = LedgerList.Parse<HazardStatus>(f.State) ?? throw LedgerList.Unknown<HazardStatus>("state", f.State);
            rows = rows.Where(h => h.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            var r = LedgerList.Parse<RiskLevel>(f.Type) ?? throw LedgerList.Unknown<RiskLevel>("type", f.Type);
            rows = rows.Where(h => h.Risk == r);
        }
        if (f.From is { } from) rows = rows.Where(h => h.FoundOn >= from);
        if (f.To is { } to) rows = rows.Where(h => h.FoundOn <= to);
        if (f.Overdue)
        {
            var today = Today;
            rows = rows.Where(h => h.Status != HazardStatus.Eliminated && h.Deadline < today);
        }
        return rows.Include(h => h.Unit).OrderByDescending(h => h.FoundOn).ThenByDescending(h => h.Id);
    }

    public async Task<Paged<HazardRow>> ListAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        var today = Today;
        return await LedgerList.PageAsync(await FilteredAsync(f, ct), f, h => Row(h, today), ct);
    }

    public async Task<List<HazardRow>> AllAsync(LedgerFilter f, CancellationToken ct = default)
    {
        var today = Today;
        return [.. (await (await FilteredAsync(f, ct)).Take(100_000).ToListAsync(ct)).Select(h => Row(h, today))];
    }

    private static HazardRow Row(Hazard h, DateOnly today) => new(h.Id, h.Unit!.Code, h.Unit.Name(Lang.IsEnglish), h.Description, h.Place,
        LedgerList.Code(h.Risk), h.FoundOn, h.Deadline, LedgerList.Code(h.Status), h.AssignedTo, h.EliminatedOn, h.IsOverdue(today));

    public async Task<Hazard> FindAsync(long id, CancellationToken ct = default) =>
        await (await VisibleAsync(ct)).Include(h => h.Unit).Include(h => h.History).FirstOrDefaultAsync(h => h.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到隐患 {id}。", $"Hazard {id} was not found."));

    public async Task<HazardDto> GetAsync(long id, CancellationToken ct = default) => Describe(await FindAsync(id, ct));

    public async Task<HazardDto> CreateAsync(HazardInput input, CancellationToken ct = default)
    {
        RequireWrite();
        await access.RequireReadAsync(ct);
        var unit = await access.OwnerAsync(input.Unit, ct);
        var hazard = Hazard.Create(unit.Id, await DetailsAsync(input, ct), actor.Name, Now);
        db.Add(hazard);
        await db.SaveChangesAsync(ct);
        return await GetAsync(hazard.Id, ct);
    }

    public async Task<HazardDto> EditAsync(long id, HazardInput input, CancellationToken ct = default)
    {
        var hazard = await FindAsync(id, ct);
        RequireWrite();
        access.ExpectVersion(hazard, input.Version);
        hazard.Edit(await DetailsAsync(input, ct), actor.Name, Now);
        return await SaveAsync(hazard, ct);
    }

    public async Task<HazardDto> ActAsync(long id, HazardAction a, CancellationToken ct = default)
    {
        var hazard = await FindAsync(id, ct);
        RequireWrite();
        access.ExpectVersion(hazard, a.Version);
        switch (a.Action)
        {
            case "assign": hazard.Assign(a.AssignedTo, actor.Name, Now); break;
            case "eliminate": hazard.Eliminate(actor.Name, Now, a.Note); break;
            default:
                throw DomainException.Invalid(new($"没有操作 {a.Action}；可选：{string.Join(", ", Actions)}。", $"There is no action {a.Action}; use one of {string.Join(", ", Actions)}."));
        }
        return await SaveAsync(hazard, ct);
    }

    public IReadOnlyList<string> AllowedActions(Hazard h) => !CanWrite ? [] : h.Status switch
    {
        HazardStatus.Found => ["assign"],
        HazardStatus.Assigned => ["eliminate"],
        _ => [],
    };

    private async Task<HazardDetails> DetailsAsync(HazardInput i, CancellationToken ct)
    {
        var risk = LedgerList.Parse<RiskLevel>(i.Risk) ?? throw LedgerList.Unknown<RiskLevel>("risk", i.Risk);
        if (i.FoundOn is not { } foundOn)
            throw DomainException.Invalid(new("请填写发现日期。", "The day found is required."), new Dictionary<string, string[]> { ["foundOn"] = [new Phrase("必填", "required")] });
        if (i.Deadline is not { } deadline)
            throw DomainException.Invalid(new("请填写整改期限。", "The deadline is required."), new Dictionary<string, string[]> { ["deadline"] = [new Phrase("必填", "required")] });
        if (i.DisputeId is { } d && !await scope.Within(db, db.Set<Dispute>()).AnyAsync(x => x.Id == d, ct))
            throw DomainException.Invalid(new($"找不到纠纷 {d}。", $"Dispute {d} was not found."));
        return new(i.Description ?? "", i.Place ?? "", risk, foundOn, deadline, i.DisputeId);
    }

    private void RequireWrite()
    {
        if (!CanWrite) throw new DomainException(StatusCodes.Status403Forbidden, new("您的角色不能登记或处理隐患。", "Your role cannot record or handle hazards."));
    }

    private async Task<HazardDto> SaveAsync(Hazard h, CancellationToken ct)
    {
        await access.SaveOrStaleAsync(ct);
        return Describe(h);
    }

    public HazardDto Describe(Hazard h) => new(h.Id, h.Unit!.Code, h.Unit.Name(Lang.IsEnglish), h.Description, h.Place, LedgerList.Code(h.Risk),
        h.FoundOn, h.Deadline, h.DisputeId, LedgerList.Code(h.Status), h.AssignedTo, h.EliminatedOn, h.IsOverdue(Today), h.Version,
        StateChangeDto.Of(h.History),
        AllowedActions(h));
}
