using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Units;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.TroubleSpots;

public sealed record TroubleSpotRow(long Id, string Unit, string UnitName, string Name, string Leader, DateOnly ListedOn, DateOnly Deadline,
    string Status, int Recurrences, int DaysOpen, bool Overdue, DateOnly? RecheckDue);

public sealed record TroubleSpotDto(long Id, string Unit, string UnitName, string Name, string Reason, string Leader, string ListedBy,
    DateOnly ListedOn, DateOnly Deadline, double? Longitude, double? Latitude, string Status, string? Evidence, DateOnly? ClearedOn,
    DateOnly? RecheckDue, DateOnly? ClosedOn, int Recurrences, int DaysOpen, bool Overdue, int Version, IReadOnlyList<StateChangeDto> History,
    IReadOnlyList<string> Actions);

public sealed record TroubleSpotInput(string? Unit, string? Name, string? Reason, string? Leader, DateOnly? Deadline,
    double? Longitude = null, double? Latitude = null, int? Version = null);

/// <summary>A state change: <c>rectify</c>, <c>clear</c> (with the evidence in <c>Note</c>), <c>recheck</c> (found back or not).</summary>
public sealed record TroubleSpotAction(string Action, string? Note = null, bool FoundBack = false, DateOnly? NewDeadline = null, int? Version = null);

public sealed record UnitSpots(string Unit, string UnitName, int Open, int Overdue, int Recurring, int Recurrences);

/// <summary>A trouble spot as a point for the map: where, whether open or overdue, how often it came back.</summary>
public sealed record TroubleSpotPoint(long Id, string Name, string Unit, double Longitude, double Latitude, bool Open, bool Overdue, int Recurrences);

/// <summary>Every operation on the trouble-spot ledger, for the API and the pages alike.</summary>
public sealed class TroubleSpotLedger(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    public static readonly string[] Actions = ["rectify", "clear", "recheck"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => ProvinceTime.Today(clock);

    /// <summary>Reporters and leaders keep their subtree's spots; the campaign office lists them anywhere (its subtree is the province).</summary>
    public bool CanWrite => scope.IsInAny(Roles.Reporter, Roles.UnitLeader, Roles.CampaignOffice);

    /// <summary>A re-check is the unit above's or the campaign office's, not the reporter's who cleared it.</summary>
    public bool CanRecheck => scope.IsInAny(Roles.UnitLeader, Roles.CampaignOffice);

    private Task<IQueryable<TroubleSpot>> VisibleAsync(CancellationToken ct) => access.VisibleAsync<TroubleSpot>(ct);

    public async Task<IQueryable<TroubleSpot>> FilteredAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        var rows = await VisibleAsync(ct);
        rows = await scope.InSubtreeOfAsync(db, rows, f.Unit, ct);
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            if (f.State.Trim() == "open") rows = rows.Where(s => s.Status == TroubleSpotStatus.Listed || s.Status == TroubleSpotStatus.Rectifying);
            else
            {
                var st = LedgerList.Parse<TroubleSpotStatus>(f.State) ?? throw LedgerList.Unknown<TroubleSpotStatus>("state", f.State);
                rows = rows.Where(s => s.Status == st);
            }
        }
        // The type filter of this ledger: "recurring" (reopened at least once).
        if (!string.IsNullOrWhiteSpace(f.Type))
        {
            if (f.Type.Trim() != "recurring")
                throw DomainException.Invalid(new("乱点的类型筛选只有 recurring（反弹过）。", "The only type filter for trouble spots is recurring (reopened at least once)."));
            rows = rows.Where(s => s.Recurrences > 0);
        }
        if (f.From is { } from) rows = rows.Where(s => s.ListedOn >= from);
        if (f.To is { } to) rows = rows.Where(s => s.ListedOn <= to);
        if (f.Overdue)
        {
            var today = Today;
            rows = rows.Where(s => (s.Status == TroubleSpotStatus.Listed || s.Status == TroubleSpotStatus.Rectifying) && s.Deadline < today);
        }
        return rows.Include(s => s.Unit).OrderBy(s => s.Deadline).ThenBy(s => s.Id);
    }

    public async Task<Paged<TroubleSpotRow>> ListAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f = f.Checked();
        var today = Today;
        return await LedgerList.PageAsync(await FilteredAsync(f, ct), f, s => Row(s, today), ct);
    }

    public async Task<List<TroubleSpotRow>> AllAsync(LedgerFilter f, CancellationToken ct = default)
    {
        var today = Today;
        return [.. (await (await FilteredAsync(f, ct)).Take(100_000).ToListAsync(ct)).Select(s => Row(s, today))];
    }

    private static TroubleSpotRow Row(TroubleSpot s, DateOnly today) => new(s.Id, s.Unit!.Code, s.Unit.Name(Lang.IsEnglish), s.Name, s.Leader,
        s.ListedOn, s.Deadline, LedgerList.Code(s.Status), s.Recurrences, s.DaysOpen(today), s.IsOverdue(today), s.RecheckDue);

    /// <summary>Open and overdue spots per responsible unit, and how many recurred; most recurrences first. The province view.</summary>
    public async Task<List<UnitSpots>> ByUnitAsync(string? unit = null, int top = 20, CancellationToken ct = default)
    {
        var rows = await FilteredAsync(new LedgerFilter(Unit: unit), ct);
        var today = Today;
        var spots = await rows.Select(s => new { s.Unit!.Code, s.Unit.NameZh, s.Unit.NameEn, s.Status, s.Deadline, s.Recurrences }).ToListAsync(ct);
        return [.. spots.GroupBy(s => (s.Code, Name: Lang.Pick(s.NameZh, s.NameEn)))
            .Select(g => new UnitSpots(g.Key.Code, g.Key.Name,
                g.Count(s => s.Status is TroubleSpotStatus.Listed or TroubleSpotStatus.Rectifying),
                g.Count(s => s.Status is TroubleSpotStatus.Listed or TroubleSpotStatus.Rectifying && s.Deadline < today),
                g.Count(s => s.Recurrences > 0), g.Sum(s => s.Recurrences)))
            .OrderByDescending(u => u.Recurrences).ThenByDescending(u => u.Overdue).ThenByDescending(u => u.Open).ThenBy(u => u.Unit).Take(top)];
    }

    public async Task<TroubleSpot> FindAsync(long id, CancellationToken ct = default) =>
        await (await VisibleAsync(ct)).Include(s => s.Unit).Include(s => s.History).FirstOrDefaultAsync(s => s.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到乱点 {id}。", $"Trouble spot {id} was not found."));

    public async Task<TroubleSpotDto> GetAsync(long id, CancellationToken ct = default) => Describe(await FindAsync(id, ct));

    public async Task<TroubleSpotDto> CreateAsync(TroubleSpotInput input, CancellationToken ct = default)
    {
        RequireWrite();
        await access.RequireReadAsync(ct);
        var unit = await access.OwnerAsync(input.Unit, ct);
        var spot = TroubleSpot.List(unit.Id, Details(input), actor.Name, Now);
        db.Add(spot);
        await db.SaveChangesAsync(ct);
        return await GetAsync(spot.Id, ct);
    }

    public async Task<TroubleSpotDto> EditAsync(long id, TroubleSpotInput input, CancellationToken ct = default)
    {
        var spot = await FindAsync(id, ct);
        RequireWrite();
        access.ExpectVersion(spot, input.Version);
        spot.Edit(Details(input), actor.Name, Now);
        return await SaveAsync(spot, ct);
    }

    public async Task<TroubleSpotDto> ActAsync(long id, TroubleSpotAction a, CancellationToken ct = default)
    {
        var spot = await FindAsync(id, ct);
        RequireWrite();
        access.ExpectVersion(spot, a.Version);
        switch (a.Action)
        {
            case "rectify": spot.StartRectifying(actor.Name, Now, a.Note); break;
            case "clear": spot.Clear(actor.Name, Now, a.Note, await RecheckDaysAsync(ct)); break;
            case "recheck":
                if (!CanRecheck) throw new DomainException(StatusCodes.Status403Forbidden, new("复查由上级单位领导或行动专班进行。", "A re-check is made by a unit leader above or the campaign office."));
                spot.Recheck(actor.Name, Now, a.FoundBack, a.Note, a.NewDeadline);
                break;
            default:
                throw DomainException.Invalid(new($"没有操作 {a.Action}；可选：{string.Join(", ", Actions)}。", $"There is no action {a.Action}; use one of {string.Join(", ", Actions)}."));
        }
        return await SaveAsync(spot, ct);
    }

    /// <summary>The re-check interval of the campaign running today (the latest started, if several), else the default.</summary>
    public async Task<int> RecheckDaysAsync(CancellationToken ct = default)
    {
        var today = Today;
        var campaign = await CampaignOperations.Visible(db, scope).Where(c => c.StartDate <= today && c.EndDate >= today)
            .OrderByDescending(c => c.StartDate).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (campaign is null) return RecheckPolicy.DefaultDays;
        return await db.Set<RecheckPolicy>().Where(p => p.CampaignId == campaign).Select(p => (int?)p.Days).FirstOrDefaultAsync(ct) ?? RecheckPolicy.DefaultDays;
    }

    public bool CanSetInterval => scope.IsInAny(Roles.CampaignOffice);

    /// <summary>Each visible campaign's re-check interval (the default where none is set), latest campaign first.</summary>
    public async Task<List<(string Code, string Name, int Days)>> IntervalsAsync(CancellationToken ct = default) =>
        [.. (await (from c in CampaignOperations.Visible(db, scope)
                    join p in db.Set<RecheckPolicy>() on c.Id equals p.CampaignId into policies
                    from p in policies.DefaultIfEmpty()
                    orderby c.StartDate descending, c.Code
                    select new { c.Code, c.NameZh, c.NameEn, Days = p == null ? (int?)null : p.Days }).ToListAsync(ct))
            .Select(c => (c.Code, Lang.Pick(c.NameZh, c.NameEn), c.Days ?? RecheckPolicy.DefaultDays))];

    /// <summary>Sets a campaign's re-check interval. Campaign office.</summary>
    public async Task SetRecheckDaysAsync(Campaigns.Campaign campaign, int days, CancellationToken ct = default)
    {
        scope.Require(Roles.CampaignOffice);
        var policy = await db.Set<RecheckPolicy>().FirstOrDefaultAsync(p => p.CampaignId == campaign.Id, ct);
        if (policy is null) db.Add(new RecheckPolicy(campaign.Id, days));
        else policy.Set(days);
        await db.SaveChangesAsync(ct);
    }

    public IReadOnlyList<string> AllowedActions(TroubleSpot s) => !CanWrite ? [] : s.Status switch
    {
        TroubleSpotStatus.Listed => ["rectify", "clear"],
        TroubleSpotStatus.Rectifying => ["clear"],
        TroubleSpotStatus.Cleared when CanRecheck && s.RecheckDue <= Today => ["recheck"],
        _ => [],
    };

    private static TroubleSpotDetails Details(TroubleSpotInput i)
    {
        if (i.Deadline is not { } deadline)
            throw DomainException.Invalid(new("请填写整治期限。", "The deadline is required."), new Dictionary<string, string[]> { ["deadline"] = [new Phrase("必填", "required")] });
        return new(i.Name ?? "", i.Reason ?? "", i.Leader ?? "", deadline, i.Longitude, i.Latitude);
    }

    private void RequireWrite()
    {
        if (!CanWrite) throw new DomainException(StatusCodes.Status403Forbidden, new("您的角色不能挂牌或处理乱点。", "Your role cannot list or handle trouble spots."));
    }

    private async Task<TroubleSpotDto> SaveAsync(TroubleSpot s, CancellationToken ct)
    {
        await access.SaveOrStaleAsync(ct);
        return Describe(s);
    }

    public TroubleSpotDto Describe(TroubleSpot s)
    {
        var today = Today;
        return new(s.Id, s.Unit!.Code, s.Unit.Name(Lang.IsEnglish), s.Name, s.Reason, s.Leader, s.ListedBy, s.ListedOn, s.Deadline, s.Longitude,
            s.Latitude, LedgerList.Code(s.Status), s.Evidence, s.ClearedOn, s.RecheckDue, s.ClosedOn, s.Recurrences, s.DaysOpen(today), s.IsOverdue(today),
            s.Version, StateChangeDto.Of(s.History),
            AllowedActions(s));
    }
}

/// <summary>The public entry for the map: a unit's trouble spots (its subtree) that have a position.</summary>
public static class TroubleSpotPoints
{
    public static async Task<List<TroubleSpotPoint>> ForUnitAsync(CenturionDb db, int unitId, DateOnly today, CancellationToken ct = default)
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == unitId).Select(l => l.DescendantId);
        var spots = await db.Set<TroubleSpot>().Where(s => subtree.Contains(s.UnitId) && s.Longitude != null && s.Latitude != null)
            .Select(s => new { s.Id, s.Name, s.Unit!.Code, s.Longitude, s.Latitude, s.Status, s.Deadline, s.Recurrences }).ToListAsync(ct);
        return [.. spots.Select(s =>
        {
            var open = s.Status is TroubleSpotStatus.Listed or TroubleSpotStatus.Rectifying;
            return new TroubleSpotPoint(s.Id, s.Name, s.Code, s.Longitude!.Value, s.Latitude!.Value, open, open && s.Deadline < today, s.Recurrences);
        })];
    }
}
