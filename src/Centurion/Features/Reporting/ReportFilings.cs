using Centurion.Data;
using Centurion.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Reporting;

/// <summary>Counts a campaign's reports by unit for the campaign's plan, which refuses to remove a unit that has filed.</summary>
public sealed class ReportFilings : IUnitFilings
{
    public Task<Dictionary<int, int>> ByUnitAsync(CenturionDb db, int campaignId, CancellationToken ct) =>
        db.Reports.Where(r => r.CampaignId == campaignId).GroupBy(r => r.UnitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    public Task<int> CountAsync(CenturionDb db, int campaignId, int unitId, CancellationToken ct) =>
        db.Reports.CountAsync(r => r.CampaignId == campaignId && r.UnitId == unitId, ct);
}
