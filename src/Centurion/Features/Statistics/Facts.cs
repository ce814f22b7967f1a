using Centurion.Data;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Statistics;

public sealed record RebuildSummary(long Facts, long FromReports, long FromRecords);

/// <summary>All facts at once: deleted and recomputed from every report and record, in one transaction (the caller's, if one is open).</summary>
public static class Facts
{
    public static async Task<RebuildSummary> RebuildAsync(CenturionDb db, CancellationToken ct)
    {
        await db.InTransactionAsync(async ct =>
        {
            await db.DailyFacts.ExecuteDeleteAsync(ct);
            await ReportFacts.AddAsync(db, "1 = 1", ct);
            await RecordFacts.AddFromRecordsAsync(db, await RecordFacts.IndicatorsAsync(db, ct), "1 = 1", ct);
        }, ct);
        var fromReports = await db.DailyFacts.LongCountAsync(f => f.CampaignId != DailyFact.NoCampaign, ct);
        var fromRecords = await db.DailyFacts.LongCountAsync(f => f.CampaignId == DailyFact.NoCampaign, ct);
        return new(fromReports + fromRecords, fromReports, fromRecords);
    }
}
