using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.Disputes;

public sealed record StateChangeDto(DateTime AtUtc, string By, string? From, string To, string? Reason, bool FollowUp = false)
{
    /// <summary>An entry's history, oldest first; <paramref name="followUp"/> says which rows are notes rather than changes of state.</summary>
    public static IReadOnlyList<StateChangeDto> Of<T>(IEnumerable<T> history, Func<T, bool>? followUp = null) where T : LedgerChange =>
        [.. history.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new StateChangeDto(LedgerAccess.Utc(h.AtUtc), h.By, h.From, h.To, h.Reason, followUp?.Invoke(h) ?? false))];
}

public sealed record DisputeRow(long Id, string Unit, string UnitName, string Parties, string Type, string Risk, string Place,
    DateOnly FoundOn, string Source, string Status, DateOnly StatusOn, DateOnly? ResolvedOn);

public sealed record DisputeDto(long Id, string Unit, string UnitName, string Parties, string Type, string Risk, string Place, DateOnly FoundOn,
    string Source, long? ScreeningRoundId, string? Summary, string Status, DateOnly StatusOn, DateOnly? ResolvedOn, string? EscalatedTo,
    string? EscalatedToName, int Version, IReadOnlyList<StateChangeDto> History, IReadOnlyList<string> Actions);

/// <summary>A dispute as typed in a form or sent to the API: codes as text, so that a wrong one gets a clear message.</summary>
public sealed record DisputeInput(string? Unit, string? Parties, string? Type, string? Risk, string? Place, DateOnly? FoundOn, string? Source,
    string? Summary = null, long? ScreeningRoundId = null, int? Version = null);

/// <summary>A state change from a button or the API: the action's code, a note, and where an escalation goes.</summary>
public sealed record DisputeAction(string Action, string? Note = null, string? Target = null, string? ToWhom = null, int? Version = null);

/// <summary>Every operation on the dispute ledger, for the API and the pages alike: in the caller's scope, by role, audited.</summary>
public sealed class DisputeLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    public const string LineCode = "public-order";
    public static readonly string[] Actions = ["mediate", "resolve", "escalate", "fail", "follow-up"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool CanWrite => scope.IsInAny(Roles.Reporter, Roles.UnitLeader);

    private Task<IQueryable<Dispute>> VisibleAsync(CancellationToken ct) => access.VisibleAsync<Dispute>(ct);

    public async Task<IQueryable<Dispute>> FilteredAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        var rows = await VisibleAsync(ct);
        rows = await scope.InSubtreeOfAsync(db, rows, f.Unit, ct);
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            var s = LedgerList.Parse<DisputeStatus>(f.State) ?? throw LedgerList.Unknown<DisputeStatus>("state", f.State);
            rows = rows.Where(d => d.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            var t = LedgerList.Parse<DisputeType>(f.Type) ?? throw LedgerList.Unknown<DisputeType>("type", f.Type);
            rows = rows.Where(d => d.Type == t);
        }
        if (f.From is { } from) rows = rows.Where(d => d.FoundOn >= from);
        if (f.To is { } to) rows = rows.Where(d => d.FoundOn <= to);
        // A dispute has no deadline; "overdue" here means still open (found or mediating) for more than 30 days.
        if (f.Overdue)
        {
            var limit = ProvinceTime.Today(clock).AddDays(-OpenDaysLimit);
            rows = rows.Where(d => (d.Status == DisputeStatus.Found || d.Status == DisputeStatus.Mediating) && d.FoundOn < limit);
        }
        return rows.Include(d => d.Unit).OrderByDescending(d => d.FoundOn).ThenByDescending(d => d.Id);
    }

    /// <summary>Open longer than this many days counts as overdue in the list filter.</summary>
    public const int OpenDaysLimit = 30;

    public async Task<Paged<DisputeRow>> ListAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        return await LedgerList.PageAsync(await FilteredAsync(f, ct), f, Row, ct);
    }

    public async Task<List<DisputeRow>> AllAsync(LedgerFilter f, CancellationToken ct = default) =>
        [.. (await (await FilteredAsync(f, ct)).Take(100_000).ToListAsync(ct)).Select(Row)];

    private static DisputeRow Row(Dispute d) => new(d.Id, d.Unit!.Code, d.Unit.Name(Lang.IsEnglish), d.Parties, LedgerList.Code(d.Type),
        LedgerList.Code(d.Risk), d.Place, d.FoundOn, LedgerList.Code(d.Source), LedgerList.Code(d.Status), d.StatusOn, d.ResolvedOn);

    public async Task<Dispute> FindAsync(long id, CancellationToken ct = default) =>
        await (await VisibleAsync(ct)).Include(d => d.Unit).Include(d => d.History).FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到纠纷 {id}。", $"Dispute {id} was not found."));

    public async Task<DisputeDto> GetAsync(long id, CancellationToken ct = default) => Describe(await FindAsync(id, ct));

    public async Task<DisputeDto> CreateAsync(DisputeInput input, CancellationToken ct = default)
    {
        RequireWrite();
        await access.RequireReadAsync(ct);
        var unit = await access.OwnerAsync(input.Unit, ct);
        var details = await DetailsAsync(input, ct);
        var dispute = Dispute.Create(unit.Id, details, actor.Name, Now);
        db.Add(dispute);
        await db.SaveChangesAsync(ct);
        return await GetAsync(dispute.Id, ct);
    }

    public async Task<DisputeDto> EditAsync(long id, DisputeInput input, CancellationToken ct = default)
    {
        var dispute = await FindAsync(id, ct);
        RequireWrite();
        access.ExpectVersion(dispute, input.Version);
        dispute.Edit(await DetailsAsync(input, ct), actor.Name, Now);
        return await SaveAsync(dispute, ct);
    }

    public async Task<DisputeDto> ActAsync(long id, DisputeAction a, CancellationToken ct = default)
    {
        var dispute = await FindAsync(id, ct);
        RequireWrite();
        access.ExpectVersion(dispute, a.Version);
        switch (a.Action)
        {
            case "mediate": dispute.StartMediation(actor.Name, Now, a.Note); break;
            case "resolve": dispute.Resolve(actor.Name, Now, a.Note); break;
            case "escalate":
                var target = LedgerList.Parse<EscalationTarget>(a.Target) ?? throw LedgerList.Unknown<EscalationTarget>("target", a.Target);
                dispute.Escalate(target, a.ToWhom, actor.Name, Now);
                break;
            case "fail": dispute.Fail(actor.Name, Now, a.Note); break;
            case "follow-up": dispute.FollowUp(actor.Name, Now, a.Note); break;
            default:
                throw DomainException.Invalid(new($"没有操作 {a.Action}；可选：{string.Join(", ", Actions)}。", $"There is no action {a.Action}; use one of {string.Join(", ", Actions)}."));
        }
        return await SaveAsync(dispute, ct);
    }

    /// <summary>The state changes the caller may press now.</summary>
    public IReadOnlyList<string> AllowedActions(Dispute d) => !CanWrite ? [] : d.Status switch
    {
        DisputeStatus.Found => ["mediate", "escalate", "follow-up"],
        DisputeStatus.Mediating => ["resolve", "escalate", "fail", "follow-up"],
        _ => ["follow-up"],
    };

    private async Task<DisputeDetails> DetailsAsync(DisputeInput i, CancellationToken ct)
    {
        var type = LedgerList.Parse<DisputeType>(i.Type) ?? throw LedgerList.Unknown<DisputeType>("type", i.Type);
        var risk = LedgerList.Parse<RiskLevel>(i.Risk) ?? throw LedgerList.Unknown<RiskLevel>("risk", i.Risk);
        var source = LedgerList.Parse<DisputeSource>(i.Source) ?? throw LedgerList.Unknown<DisputeSource>("source", i.Source);
        if (i.FoundOn is not { } foundOn)
            throw DomainException.Invalid(new("请填写发现日期。", "The day found is required."), new Dictionary<string, string[]> { ["foundOn"] = [new Phrase("必填", "required")] });
        if (i.ScreeningRoundId is { } round && !await db.Set<ScreeningRound>().AnyAsync(r => r.Id == round, ct))
            throw DomainException.Invalid(new($"没有排查轮次 {round}。", $"There is no screening round {round}."));
        return new(i.Parties ?? "", type, risk, i.Place ?? "", foundOn, source, i.Summary, i.ScreeningRoundId);
    }

    private void RequireWrite()
    {
        if (!CanWrite) throw new DomainException(StatusCodes.Status403Forbidden, new("您的角色不能登记或处理纠纷。", "Your role cannot record or handle disputes."));
    }

    private async Task<DisputeDto> SaveAsync(Dispute d, CancellationToken ct)
    {
        await access.SaveOrStaleAsync(ct);
        return Describe(d);
    }

    public DisputeDto Describe(Dispute d) => new(d.Id, d.Unit!.Code, d.Unit.Name(Lang.IsEnglish), d.Parties, LedgerList.Code(d.Type), LedgerList.Code(d.Risk),
        d.Place, d.FoundOn, LedgerList.Code(d.Source), d.ScreeningRoundId, d.Summary, LedgerList.Code(d.Status), d.StatusOn, d.ResolvedOn,
        d.EscalatedTo is { } t ? LedgerList.Code(t) : null, d.EscalatedToName, d.Version,
        StateChangeDto.Of(d.History, h => h.IsFollowUp),
        AllowedActions(d));
}
