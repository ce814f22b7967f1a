using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers;

/// <summary>A ledger list's filters, the same for the pages, the API and the export. Dates are province-local days, inclusive.</summary>
public sealed record LedgerFilter(string? Unit = null, string? State = null, string? Type = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 1, int PageSize = LedgerFilter.DefaultPageSize, bool Overdue = false)
{
    public const int DefaultPageSize = 50, MaxPageSize = 200, MaxExportRows = 100_000;

    public LedgerFilter Checked()
    {
        var problems = new List<(string Field, Phrase Message)>();
        if (From is { } f && To is { } t && t < f) problems.Add(("to", new("结束日期早于开始日期。", "The end date is before the start date.")));
        if (Page < 1) problems.Add(("page", new("页码从 1 开始。", "Pages start at 1.")));
        if (PageSize is < 1 or > MaxPageSize) problems.Add(("pageSize", new($"每页 1 至 {MaxPageSize} 条。", $"A page holds 1 to {MaxPageSize} rows.")));
        if (problems.Count == 0) return this;
        // The title names each problem too: a page shows only the title.
        throw DomainException.Invalid(new("筛选条件有误：" + string.Concat(problems.Select(p => p.Message.Zh)), "The filters are not valid: " + string.Join(" ", problems.Select(p => p.Message.En))),
            problems.ToDictionary(p => p.Field, p => new[] { (string)p.Message }));
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Who may read and change the ledgers. Everyone reads their subtree's ledgers, except a line-scoped caller of another line than
/// public order or patrol, to whom the ledgers do not exist (404). Reporters and unit leaders change their subtree's ledgers;
/// the campaign office, supervisors and viewers read.
/// </summary>
public sealed class LedgerAccess(CenturionDb db, CallerScope scope)
{
    public static readonly string[] Lines = ["public-order", "patrol"];
    public static readonly string[] Editors = [Roles.Reporter, Roles.UnitLeader];

    private bool? _lineOk;

    public async Task<bool> CanReadAsync(CancellationToken ct = default) =>
        _lineOk ??= scope.LineId is not { } line || await db.Lines.AnyAsync(l => l.Id == line && Lines.Contains(l.Code), ct);

    public async Task RequireReadAsync(CancellationToken ct = default)
    {
        if (!await CanReadAsync(ct)) throw DomainException.NotFound(new("找不到台账，或不在您的管辖范围内。", "Ledger not found, or outside your scope."));
    }

    public async Task<bool> CanEditAsync(CancellationToken ct = default) => scope.IsInAny(Editors) && await CanReadAsync(ct);

    public async Task RequireEditAsync(CancellationToken ct = default)
    {
        await RequireReadAsync(ct);
        if (!scope.IsInAny(Editors))
            throw new DomainException(StatusCodes.Status403Forbidden, new("只有本单位及上级的填报员和单位领导可以修改台账。", "Only reporters and unit leaders of the unit or above may change its ledgers."));
    }

    /// <summary>The unit a list is filtered to (its subtree), or the caller's own; not found outside the caller's scope.</summary>
    public async Task<Unit> RootAsync(string? unitCode, CancellationToken ct = default)
    {
        await RequireReadAsync(ct);
        return await scope.UnitOrOwnAsync(db, unitCode, ct);
    }

    /// <summary>The unit a new entry belongs to: a county or station in the caller's scope (their own when none is named).</summary>
    public async Task<Unit> OwnerAsync(string? unitCode, CancellationToken ct = default)
    {
        Unit unit;
        try { unit = await scope.UnitOrOwnAsync(db, unitCode, ct); }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            throw DomainException.Invalid(LedgerText.NotSaved, new Dictionary<string, string[]> { ["unit"] = [e.Text] });
        }
        if (unit.Level is not (UnitLevel.County or UnitLevel.Station))
            throw DomainException.Invalid(LedgerText.NotSaved, new Dictionary<string, string[]>
            {
                ["unit"] = [new Phrase("台账登记在县级单位或派出所名下：请选择一个县（市、区）或派出所。", "Ledgers are kept by counties and police stations: choose one.")],
            });
        return unit;
    }

    /// <summary>Rows of a unit's subtree (the root already resolved in the caller's scope).</summary>
    public IQueryable<T> Within<T>(IQueryable<T> rows, int rootId) where T : class, IUnitOwned
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == rootId).Select(l => l.DescendantId);
        return rows.Where(r => subtree.Contains(r.UnitId));
    }

    /// <summary>The units a form may offer: counties and stations in the caller's scope.</summary>
    public Task<List<Unit>> OwnerChoicesAsync(CancellationToken ct = default) =>
        scope.Units(db).Where(u => u.Level == UnitLevel.County || u.Level == UnitLevel.Station).OrderBy(u => u.Code).ToListAsync(ct);

    /// <summary>Every audited change of one row, oldest first, field by field (read by the audit's one reader).</summary>
    public async Task<List<AuditChange>> HistoryAsync(string entity, long id, CancellationToken ct = default)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.Where(a => a.Entity == entity && a.EntityKey == key).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        return [.. rows.Select(AuditChanges.Of)];
    }

    public static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);

    /// <summary>A ledger's rows the caller may see: their subtree, and none at all for another line (404).</summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(CancellationToken ct = default) where T : class, IUnitOwned
    {
        await RequireReadAsync(ct);
        return scope.Within(db, db.Set<T>());
    }

    /// <summary>A campaign a ledger page names, once the caller may read the ledgers; not found outside their scope.</summary>
    public async Task<Campaign> CampaignAsync(string code, CancellationToken ct = default)
    {
        await RequireReadAsync(ct);
        return await CampaignOperations.FindAsync(db, scope, code, ct);
    }

    /// <summary>The campaign the API address names, once the caller may read the ledgers.</summary>
    public async Task<Campaign> CampaignAsync(CampaignInRoute campaign, CancellationToken ct = default)
    {
        await RequireReadAsync(ct);
        return campaign.Campaign;
    }

    /// <summary>A change sent with the version read: refused when someone saved since, and checked again by the save.</summary>
    public void ExpectVersion<T>(T entry, int? sent) where T : class, IVersioned
    {
        if (sent is { } v && v != entry.Version) throw Stale();
        db.Entry(entry).Property(nameof(IVersioned.Version)).OriginalValue = entry.Version;
    }

    /// <summary>Saves a versioned entry's change; a concurrent save in between is the same 409 as a stale version.</summary>
    public async Task SaveOrStaleAsync(CancellationToken ct = default)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw Stale(); }
    }

    public static DomainException Stale() => DomainException.Conflict(new(
        "此记录在您打开之后已被他人修改，您的修改未保存；请刷新后再操作。",
        "Someone else changed this entry after you opened it, so your change was not saved; reload and try again."));
}

/// <summary>A ledger entry changed under optimistic concurrency: each change carries the version it was read at.</summary>
public interface IVersioned
{
    int Version { get; }
}
