using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers;

/// <summary>The campaign a ledger page shows when none is named: the latest the caller takes part in.</summary>
public static class LedgerCampaigns
{
    public static async Task<List<(string Code, string Name)>> ListAsync(CenturionDb db, CallerScope scope, CancellationToken ct = default) =>
        [.. (await CampaignOperations.Visible(db, scope).OrderByDescending(c => c.StartDate).ThenBy(c => c.Code).ToListAsync(ct))
            .Select(c => (c.Code, c.Name(Infrastructure.Lang.IsEnglish)))];
}
