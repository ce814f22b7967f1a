using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Escalation;

/// <summary>
/// Who sees a campaign's escalation: the campaign office sees every unit's proposals, interviews and cases and alone decides
/// them (403 for anyone else). A unit's leaders and reporters see those of the units in their subtree: the unit itself (a case
/// is a decision addressed to it, so it sees its own) and the units below it, so a prefecture sees its counties'. A peer, a unit
/// below, and any other role (a line coordinator, a supervisor) get "not found".
/// </summary>
public sealed class EscalationAccess(CenturionDb db, EvaluationAccess evaluation)
{
    public static readonly Phrase OfficeOnly = new("只有本行动的专班可以办理。", "Only the campaign office may do that.");

    public CallerScope Scope => evaluation.Scope;

    public Task<bool> IsOfficeAsync(Campaign c, CancellationToken ct = default) => evaluation.IsOfficeAsync(c, ct);

    public async Task RequireOfficeAsync(Campaign c, CancellationToken ct = default)
    {
        if (!await IsOfficeAsync(c, ct)) throw new DomainException(StatusCodes.Status403Forbidden, OfficeOnly);
    }

    /// <summary>The rows of <paramref name="rows"/> (already of the campaign) that the caller may see.</summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(Campaign c, IQueryable<T> rows, CancellationToken ct = default) where T : class, IUnitOwned
    {
        if (await IsOfficeAsync(c, ct)) return rows;
        if (!Scope.IsInAny(Roles.UnitLeader, Roles.Reporter)) return rows.Where(_ => false);
        return Scope.Within(db, rows);
    }
}
