using System.Security.Claims;
using Centurion.Data;
using Centurion.Infrastructure;

namespace Centurion.Features.Units;

/// <summary>
/// What the caller may see and touch: their unit's subtree, and their line when they have one.
/// Every query of unit data starts here, so what lies outside is simply not found.
/// </summary>
public sealed class CallerScope(IHttpContextAccessor http)
{
    public const string UnitClaim = "centurion:unit";
    public const string LineClaim = "centurion:line";

    private (int UnitId, int? LineId, string[] Roles)? _fixed;

    /// <summary>For command-line verbs and jobs, which act for a given unit rather than a signed-in user.</summary>
    public void ActFor(int unitId, int? lineId, params string[] roles) => _fixed = (unitId, lineId, roles);

    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsSignedIn => _fixed is not null || Principal?.Identity?.IsAuthenticated == true;

    public int UnitId => _fixed?.UnitId
        ?? (int.TryParse(Principal?.FindFirstValue(UnitClaim), out var id) ? id
        : throw new DomainException(StatusCodes.Status401Unauthorized, new("请先登录。", "Please sign in.")));

    public int? LineId => _fixed is { } f ? f.LineId
        : int.TryParse(Principal?.FindFirstValue(LineClaim), out var id) ? id : null;

    public bool IsIn(string role) => _fixed is { } f ? f.Roles.Contains(role) : Principal?.IsInRole(role) == true;

    public bool IsInAny(params string[] roles) => roles.Any(IsIn);

    /// <summary>The units in the caller's subtree.</summary>
    public IQueryable<Unit> Units(CenturionDb db) => Subtree(db, UnitId);

    /// <summary>
    /// The units below (and including) a root. Driven from the closure rows of the root, so a small subtree reads few
    /// rows (see bench/Centurion.Bench: an EXISTS filter made SQLite scan every unit).
    /// </summary>
    public static IQueryable<Unit> Subtree(CenturionDb db, int rootId) =>
        db.UnitLinks.Where(l => l.AncestorId == rootId).Join(db.Units, l => l.DescendantId, u => u.Id, (l, u) => u);

    /// <summary>Rows of any unit-keyed table that fall in the caller's subtree: an IN over the root's closure rows, which composes with anything.</summary>
    public IQueryable<T> Within<T>(CenturionDb db, IQueryable<T> rows) where T : class, IUnitOwned => InSubtree(db, rows, UnitId);

    /// <summary>Rows of any unit-keyed table that fall in the subtree of a root (the root included).</summary>
    public static IQueryable<T> InSubtree<T>(CenturionDb db, IQueryable<T> rows, int rootId) where T : class, IUnitOwned
    {
        var subtree = db.UnitLinks.Where(l => l.AncestorId == rootId).Select(l => l.DescendantId);
        return rows.Where(r => subtree.Contains(r.UnitId));
    }

    /// <summary>A list's unit filter: the rows in the subtree of the unit with this code ("not found" outside the caller's subtree), or all of them without one.</summary>
    public async Task<IQueryable<T>> InSubtreeOfAsync<T>(CenturionDb db, IQueryable<T> rows, string? code, CancellationToken ct = default) where T : class, IUnitOwned =>
        string.IsNullOrWhiteSpace(code) ? rows : InSubtree(db, rows, (await FindUnitAsync(db, code.Trim(), ct)).Id);

    /// <summary>The unit with this code if the caller may see it; otherwise "not found", whether it exists or not.</summary>
    public async Task<Unit> FindUnitAsync(CenturionDb db, string code, CancellationToken ct = default) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(Units(db), u => u.Code == code, ct)
        ?? throw DomainException.NotFound(new($"找不到单位 {code}。", $"Unit {code} was not found."));

    /// <summary>The unit with this code if given (not found outside the caller's subtree), otherwise the caller's own unit.</summary>
    public async Task<Unit> UnitOrOwnAsync(CenturionDb db, string? code, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(code) ? await OwnUnitAsync(db, ct) : await FindUnitAsync(db, code.Trim(), ct);

    public async Task<Unit> OwnUnitAsync(CenturionDb db, CancellationToken ct = default) =>
        (await db.Units.FindAsync([UnitId], ct))!;

    public void Require(params string[] roles)
    {
        if (!IsInAny(roles))
            throw new DomainException(StatusCodes.Status403Forbidden, new("您的角色无权执行此操作。", "Your role does not allow this."));
    }
}
