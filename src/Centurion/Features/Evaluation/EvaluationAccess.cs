using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation;

/// <summary>
/// Who sees what of a campaign's evaluation. The campaign office at or above the campaign's root unit sees every unit's score
/// and explanation, edits the scheme, publishes and decides appeals. Anyone else sees the scores and explanations of the peers
/// that are their own: the peer they belong to (a Mianyang county user sees Mianyang's) and any peer in their subtree; the
/// others' ranking (unit, score, rank, list, no explanation) only where the scheme publishes the ranking. Every query for an
/// evaluation page or endpoint starts here, so what lies outside is "not found".
/// </summary>
public sealed class EvaluationAccess(CenturionDb db, CallerScope scope)
{
    public CallerScope Scope => scope;

    // Keyed by the caller too: the demo acts for several users through one instance.
    private readonly Dictionary<(int Campaign, int Unit), bool> _office = [];

    /// <summary>The campaign office of the campaign: the role, at the campaign's root unit or above it. Asked once a request per campaign.</summary>
    public async Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct = default)
    {
        if (!scope.IsIn(Roles.CampaignOffice)) return false;
        if (_office.TryGetValue((c.Id, scope.UnitId), out var known)) return known;
        return _office[(c.Id, scope.UnitId)] = await db.UnitLinks.AnyAsync(l => l.AncestorId == scope.UnitId && l.DescendantId == c.RootUnitId, ct);
    }

    /// <summary>The units that are the caller's own: its unit, those above it and those below it (not the office's wider view).</summary>
    public IQueryable<int> OwnUnitIds()
    {
        var me = scope.UnitId;
        return db.UnitLinks.Where(l => l.DescendantId == me || l.AncestorId == me).Select(l => l.DescendantId == me ? l.AncestorId : l.DescendantId);
    }

    /// <summary>Whether the caller may see <paramref name="peer"/>'s own score and explanation.</summary>
    public async Task<bool> IsOwnAsync(Campaign c, Unit peer, CancellationToken ct = default) =>
        await IsOfficeAsync(c, ct) || await OwnUnitIds().ContainsAsync(peer.Id, ct);

    /// <summary>The codes of the peers whose explanation the caller may see, among <paramref name="peers"/>.</summary>
    public async Task<IReadOnlySet<string>> OwnPeersAsync(Campaign c, IEnumerable<Unit> peers, CancellationToken ct = default)
    {
        var list = peers.ToList();
        if (await IsOfficeAsync(c, ct)) return list.Select(p => p.Code).ToHashSet();
        var ids = list.Select(p => p.Id).ToList();
        var own = await OwnUnitIds().Where(id => ids.Contains(id)).ToListAsync(ct);
        return list.Where(p => own.Contains(p.Id)).Select(p => p.Code).ToHashSet();
    }
}
