using Centurion.Data;

namespace Centurion.Features.Campaigns;

/// <summary>
/// How many reports units have filed in a campaign, so that a unit that has filed is never removed with its figures.
/// Reporting builds on Campaigns, so Campaigns cannot read reports; Reporting answers this, registered as a service.
/// </summary>
public interface IUnitFilings
{
    /// <summary>Reports per unit in the campaign; units with none are absent.</summary>
    Task<Dictionary<int, int>> ByUnitAsync(CenturionDb db, int campaignId, CancellationToken ct);

    Task<int> CountAsync(CenturionDb db, int campaignId, int unitId, CancellationToken ct);
}
