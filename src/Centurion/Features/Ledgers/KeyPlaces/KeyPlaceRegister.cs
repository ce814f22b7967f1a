using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers.KeyPlaces;

public sealed record StateChangeDto(string? From, string To, string By, DateTime AtUtc, string Reason);

public sealed record KeyPlaceDto(long Id, string Unit, string UnitNameZh, string UnitNameEn, string Type, string Name, string Address,
    double Longitude, double Latitude, string Risk, string OpeningHours, string State, string RegisteredBy, DateTime RegisteredUtc,
    IReadOnlyList<StateChangeDto>? History = null);

/// <summary>A key place as the form or the API sends it; <paramref name="Unit"/> only when registering (default: the caller's unit).</summary>
public sealed record KeyPlaceInput(string? Unit, string? Type, string? Name, string? Address, double? Longitude, double? Latitude, RiskLevel? Risk, string? OpeningHours)
{
    public KeyPlaceDetails Details => new(Type, Name, Address, Longitude, Latitude, Risk, OpeningHours);
}

public sealed record ReasonInput(string? Reason);

/// <summary>Every action on the key-place register, for the API and the pages alike: resolve in scope, check who, apply the rule, save.</summary>
public sealed class KeyPlaceRegister(CenturionDb db, CallerScope scope, LedgerAccess access, Actor actor, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IQueryable<KeyPlace>> FilteredAsync(LedgerFilter f, CancellationToken ct = default)
    {
        f.Checked();
        var root = await access.RootAsync(f.Unit, ct);
        var rows = access.Within(db.Set<KeyPlace>(), root.Id);
        if (!string.IsNullOrWhiteSpace(f.State))
            rows = Enum.TryParse<KeyPlaceState>(f.State, true, out var state) ? rows.Where(p => p.State == state)
                : throw DomainException.Invalid(new("状态须为 active 或 closed。", "The state must be active or closed."));
        if (!string.IsNullOrWhiteSpace(f.Type))
            rows = KeyPlace.Types.Contains(f.Type) ? rows.Where(p => p.Type == f.Type)
                : throw DomainException.Invalid(new($"类型须为 {string.Join("、", KeyPlace.Types)} 之一。", $"The type must be one of {string.Join(", ", KeyPlace.Types)}."));
        if (f.From is { } from) { var start = ProvinceTime.StartUtc(from); rows = rows.Where(p => p.RegisteredUtc >= start); }
        if (f.To is { } to) { var end = ProvinceTime.StartUtc(to.AddDays(1)); rows = rows.Where(p => p.RegisteredUtc < end); }
        return rows;
    }

    public async Task<Paged<KeyPlaceDto>> ListAsync(LedgerFilter f, CancellationToken ct = default)
    {
        var rows = await FilteredAsync(f, ct);
        var total = await rows.CountAsync(ct);
        var items = await ProjectAsync(rows.OrderBy(p => p.UnitId).ThenBy(p => p.Name).ThenBy(p => p.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize), ct);
        return new(items, total, f.Page, f.PageSize);
    }

    public async Task<List<KeyPlaceDto>> ExportAsync(LedgerFilter f, CancellationToken ct = default) =>
        await ProjectAsync((await FilteredAsync(f with { Page = 1 }, ct)).OrderBy(p => p.UnitId).ThenBy(p => p.Name).ThenBy(p => p.Id).Take(LedgerFilter.MaxExportRows), ct);

    private async Task<List<KeyPlaceDto>> ProjectAsync(IQueryable<KeyPlace> rows, CancellationToken ct) =>
        [.. (await (from p in rows join u in db.Units on p.UnitId equals u.Id select new { p, u.Code, u.NameZh, u.NameEn }).ToListAsync(ct))
            .Select(x => Describe(x.p, x.Code, x.NameZh, x.NameEn, history: false))];

    private static KeyPlaceDto Describe(KeyPlace p, string code, string nameZh, string nameEn, bool history) =>
        new(p.Id, code, nameZh, nameEn, p.Type, p.Name, p.Address, p.Longitude, p.Latitude, p.Risk.ToString().ToLowerInvariant(),
            p.OpeningHours, p.State.ToString().ToLowerInvariant(), p.RegisteredBy, LedgerAccess.Utc(p.RegisteredUtc),
            history ? [.. p.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new StateChangeDto(h.From?.ToString().ToLowerInvariant(), h.To.ToString().ToLowerInvariant(), h.By, LedgerAccess.Utc(h.AtUtc), h.Reason))] : null);

    /// <summary>The place if it is in the caller's scope; otherwise not found, whether it exists or not.</summary>
    public async Task<KeyPlace> FindAsync(long id, CancellationToken ct = default)
    {
        await access.RequireReadAsync(ct);
        return await scope.Within(db, db.Set<KeyPlace>()).Include(p => p.History).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound(new($"找不到重点场所 {id}，或不在您的管辖范围内。", $"Key place {id} was not found, or is outside your scope."));
    }

    public async Task<KeyPlaceDto> GetAsync(long id, CancellationToken ct = default) => await DescribeAsync(await FindAsync(id, ct), ct);

    public async Task<KeyPlaceDto> CreateAsync(KeyPlaceInput input, CancellationToken ct = default)
    {
        await access.RequireEditAsync(ct);
        var unit = await access.OwnerAsync(input.Unit, ct);
        var place = KeyPlace.Register(unit.Id, input.Details, actor.Name, Now);
        db.Add(place);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(place, ct);
    }

    public Task<KeyPlaceDto> EditAsync(long id, KeyPlaceInput input, CancellationToken ct = default) => ChangeAsync(id, p => p.Edit(input.Details), ct);

    public Task<KeyPlaceDto> CloseAsync(long id, string? reason, CancellationToken ct = default) => ChangeAsync(id, p => p.Close(actor.Name, Now, reason), ct);

    public Task<KeyPlaceDto> ReopenAsync(long id, string? reason, CancellationToken ct = default) => ChangeAsync(id, p => p.Reopen(actor.Name, Now, reason), ct);

    private async Task<KeyPlaceDto> ChangeAsync(long id, Action<KeyPlace> change, CancellationToken ct)
    {
        var place = await FindAsync(id, ct);
        await access.RequireEditAsync(ct);
        change(place);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(place, ct);
    }

    private async Task<KeyPlaceDto> DescribeAsync(KeyPlace p, CancellationToken ct)
    {
        var u = (await db.Units.FindAsync([p.UnitId], ct))!;
        return Describe(p, u.Code, u.NameZh, u.NameEn, history: true);
    }

    /// <summary>One spreadsheet row per place, headed in the caller's language.</summary>
    public static IDictionary<string, object?> Row(KeyPlaceDto p) => new Dictionary<string, object?>
    {
        ["id"] = p.Id, [LedgerText.Unit] = p.Unit, [Ui.Name + " (" + LedgerText.Unit + ")"] = Lang.Pick(p.UnitNameZh, p.UnitNameEn),
        [LedgerText.Type] = p.Type, [Ui.Name] = p.Name, [LedgerText.Address] = p.Address, [LedgerText.Longitude] = p.Longitude,
        [LedgerText.Latitude] = p.Latitude, [LedgerText.Risk] = p.Risk, [LedgerText.OpeningHours] = p.OpeningHours, [LedgerText.State] = p.State,
    };
}
