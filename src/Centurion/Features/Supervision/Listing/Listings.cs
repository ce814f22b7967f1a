using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision.Listing;

/// <summary>Lists a rectification item (<c>Item</c>) or a trouble spot (<c>Place</c>, <c>Problem</c> and <c>Unit</c>, the responsible unit's code).</summary>
public sealed record ListingInput(long? Item, string? Place, string? Problem, string? Unit, string? Reason, int? IntervalDays, DateOnly? TargetDate);
public sealed record ListingReportInput(string? Text, int? Version = null);
public sealed record DelistInput(string? Conclusion, int? Version = null);

public sealed record ListingFilter(string? Unit = null, string? State = null, bool Overdue = false, int Page = 1, int PageSize = 50);
public sealed record ListingRow(long Id, string Kind, long? Item, string Subject, string Unit, string UnitName, int IntervalDays, DateTime NextDueUtc,
    DateOnly? TargetDate, string State, bool Overdue, int Reports, int LateReports);
public sealed record ListingPage(IReadOnlyList<ListingRow> Items, int Total, int Page, int PageSize);
public sealed record ListingChangeDto(DateTime AtUtc, string By, string Event, string Text, bool Late);
public sealed record ListingDto(long Id, string Kind, long? Item, string? ItemState, string? Measure, string? Place, string? Problem, string Unit, string UnitName,
    string Reason, int IntervalDays, DateOnly? TargetDate, string State, bool Overdue, DateTime NextDueUtc, int Reports, int LateReports,
    string ListedBy, DateTime ListedUtc, string? Conclusion, DateTime? DelistedUtc, IReadOnlyList<ListingChangeDto> History, int Version, IReadOnlyList<string> Actions);

/// <summary>
/// Listed supervision for the API and the pages: the province campaign office lists and delists; the responsible unit's
/// users (and those of the units above it) report progress. Every read goes through <see cref="Visible"/>: a listing is
/// seen by the units whose subtree holds its responsible unit, the province seeing all; out of scope is "not found".
/// </summary>
public sealed class Listings(CenturionDb db, CallerScope scope, Actor actor, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<Listing> Visible() => scope.Within(db, db.Set<Listing>());

    /// <summary>The province's campaign office: a campaign-office user at the province unit.</summary>
    public async Task<bool> IsProvinceOfficeAsync(CancellationToken ct = default) =>
        scope.IsIn(Roles.CampaignOffice) && await db.Units.AnyAsync(u => u.Id == scope.UnitId && u.Level == UnitLevel.Province, ct);

    private async Task RequireOfficeAsync(CancellationToken ct)
    {
        if (!await IsProvinceOfficeAsync(ct))
            throw new DomainException(StatusCodes.Status403Forbidden, new("挂牌督办和撤牌由省级行动专班办理。", "Listing and delisting belong to the province campaign office."));
    }

    public async Task<ListingDto> ListForSupervisionAsync(ListingInput input, CancellationToken ct = default)
    {
        await RequireOfficeAsync(ct);
        Listing listing;
        if (input.Item is { } itemId)
        {
            var item = await scope.Within(db, db.Set<RectificationItem>())
                .Include(i => i.Finding!).ThenInclude(f => f.Inspection!).ThenInclude(n => n.Plan!)
                .FirstOrDefaultAsync(i => i.Id == itemId, ct)
                ?? throw DomainException.NotFound(new($"找不到整改事项 {itemId}。", $"Rectification item {itemId} was not found."));
            if (!string.IsNullOrWhiteSpace(input.Unit) && input.Unit.Trim() != (await db.Units.FindAsync([item.UnitId], ct))!.Code)
                throw DomainException.Invalid(new("未挂牌：请改正标出的错误。", "Not listed: correct the errors marked."), new Dictionary<string, string[]>
                {
                    ["unit"] = [new Phrase("整改事项挂牌督办的责任单位即该事项的责任单位", "an item's listing is for the item's own responsible unit")],
                });
            if (await db.Set<Listing>().AnyAsync(l => l.ItemId == itemId && l.State == ListingState.Listed, ct))
                throw DomainException.Conflict(new($"整改事项 {itemId} 已挂牌督办。", $"Rectification item {itemId} is already listed."));
            listing = Listing.ListItem(item, Terms(input), actor.Name, Now);
        }
        else
        {
            var unit = await SpotUnitAsync(input.Unit, ct);
            listing = Listing.ListSpot(input.Place, input.Problem, unit, Terms(input), actor.Name, Now);
        }
        db.Add(listing);
        await db.SaveChangesAsync(ct);
        return await GetAsync(listing.Id, ct);
    }

    private static ListingTerms Terms(ListingInput i) => new(i.Reason, i.IntervalDays, i.TargetDate);

    private async Task<int> SpotUnitAsync(string? code, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(code) ? null : await scope.Units(db).FirstOrDefaultAsync(u => u.Code == code.Trim(), ct);
        if (unit is null || unit.Level == UnitLevel.Province)
            throw DomainException.Invalid(new("未挂牌：请改正标出的错误。", "Not listed: correct the errors marked."), new Dictionary<string, string[]>
            {
                ["unit"] = [string.IsNullOrWhiteSpace(code) ? new Phrase("请填写责任单位", "give the responsible unit")
                    : new Phrase($"{code} 不是省厅以下的单位", $"{code} is not a unit below the province")],
            });
        return unit.Id;
    }

    /// <summary>The listing in force for an item, if it has one the caller may see.</summary>
    public async Task<long?> ListingOfItemAsync(long itemId, CancellationToken ct = default) =>
        await Visible().Where(l => l.ItemId == itemId && l.State == ListingState.Listed).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);

    public async Task<ListingPage> ListAsync(ListingFilter f, CancellationToken ct = default)
    {
        var rows = await FilteredAsync(f, ct);
        var size = Math.Clamp(f.PageSize, 1, 500);
        var page = Math.Max(1, f.Page);
        var list = await Rows(rows).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var now = Now;
        return new([.. list.Select(l => Row(l, now))], await rows.CountAsync(ct), page, size);
    }

    private static IQueryable<Listing> Rows(IQueryable<Listing> rows) => rows.Include(l => l.Unit).Include(l => l.Item);

    private async Task<IQueryable<Listing>> FilteredAsync(ListingFilter f, CancellationToken ct)
    {
        var rows = await scope.InSubtreeOfAsync(db, Visible(), f.Unit, ct);
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            var state = SupervisionDesk.Parse<ListingState>(f.State, "state");
            rows = rows.Where(l => l.State == state);
        }
        if (f.Overdue)
        {
            var now = Now;
            rows = rows.Where(l => l.State == ListingState.Listed && l.NextDueUtc <= now);
        }
        // Listed before delisted, and among the listed the earliest due first: the overdue ones lead.
        return rows.OrderBy(l => l.State == ListingState.Delisted).ThenBy(l => l.NextDueUtc).ThenBy(l => l.Id);
    }

    public async Task<Listing> FindAsync(long id, CancellationToken ct = default) =>
        await Visible().Include(l => l.Unit).Include(l => l.History).Include(l => l.Item)
            .AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, ct)
        ?? throw DomainException.NotFound(new($"找不到挂牌督办事项 {id}。", $"Listing {id} was not found."));

    public async Task<ListingDto> GetAsync(long id, CancellationToken ct = default)
    {
        var listing = await FindAsync(id, ct);
        return Describe(listing, await AllowedAsync(listing, ct));
    }

    public async Task<ListingDto> ReportAsync(long id, ListingReportInput input, CancellationToken ct = default)
    {
        var listing = await FindAsync(id, ct);
        if (!MayReport())
            throw new DomainException(StatusCodes.Status403Forbidden, new("进展由责任单位报送。", "Progress reports belong to the responsible unit."));
        if (input.Version is { } v && v != listing.Version) throw SupervisionDesk.Stale();
        listing.Report(input.Text, actor.Name, Now);
        await SaveAsync(ct);
        return Describe(listing, await AllowedAsync(listing, ct));
    }

    public async Task<ListingDto> DelistAsync(long id, DelistInput input, CancellationToken ct = default)
    {
        var listing = await FindAsync(id, ct);
        await RequireOfficeAsync(ct);
        if (input.Version is { } v && v != listing.Version) throw SupervisionDesk.Stale();
        listing.Delist(input.Conclusion, actor.Name, Now);
        await SaveAsync(ct);
        return Describe(listing, await AllowedAsync(listing, ct));
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // Forget the listing as changed here, so a page showing the refusal reads it as it is.
            db.ChangeTracker.Clear();
            throw SupervisionDesk.Stale();
        }
    }

    /// <summary>The responsible unit reports: its reporters and unit leaders, or those of a unit above it (the listing is in their scope).</summary>
    private bool MayReport() => scope.IsInAny(Roles.Reporter, Roles.UnitLeader);

    private async Task<IReadOnlyList<string>> AllowedAsync(Listing l, CancellationToken ct)
    {
        var allowed = new List<string>();
        if (!l.IsListed) return allowed;
        if (MayReport()) allowed.Add("report");
        if (await IsProvinceOfficeAsync(ct) && (l.Kind == ListingKind.TroubleSpot || l.Item is { IsOpen: false })) allowed.Add("delist");
        return allowed;
    }

    public static string Subject(Listing l) => l.Kind == ListingKind.Item ? l.Item?.Measure ?? "" : $"{l.Place}：{l.Problem}";

    public static ListingRow Row(Listing l, DateTime now) => new(l.Id, SupervisionDesk.Code(l.Kind), l.ItemId, Subject(l), l.Unit!.Code, l.Unit.Name(Lang.IsEnglish),
        l.IntervalDays, SupervisionDesk.Utc(l.NextDueUtc), l.TargetDate, SupervisionDesk.Code(l.State), l.IsOverdue(now), l.Reports, l.LateReports);

    private ListingDto Describe(Listing l, IReadOnlyList<string> actions) => new(l.Id, SupervisionDesk.Code(l.Kind), l.ItemId,
        l.Item is { } i ? SupervisionDesk.Code(i.State) : null, l.Item?.Measure, l.Place, l.Problem, l.Unit!.Code, l.Unit.Name(Lang.IsEnglish), l.Reason,
        l.IntervalDays, l.TargetDate, SupervisionDesk.Code(l.State), l.IsOverdue(Now), SupervisionDesk.Utc(l.NextDueUtc), l.Reports, l.LateReports, l.ListedBy,
        SupervisionDesk.Utc(l.ListedUtc), l.Conclusion, l.DelistedUtc is { } d ? SupervisionDesk.Utc(d) : null,
        [.. l.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new ListingChangeDto(SupervisionDesk.Utc(h.AtUtc), h.By, SupervisionDesk.Code(h.Event), h.Text, h.Late))],
        l.Version, actions);
}
