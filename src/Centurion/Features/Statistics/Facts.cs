using Centurion.Data;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Statistics;

public sealed record RebuildSummary(long Facts, long FromReports, long FromRecords);

/// <summary>A feature whose rows give facts (reports, case records). Statistics names none of them: they are registered as services.</summary>
public interface IFactSource
{
    /// <summary>Adds the facts of all its rows, through <see cref="FactSql"/>, to a table that holds none of them.</summary>
    Task AddAllAsync(CenturionDb db, CancellationToken ct);
}

/// <summary>All facts at once: deleted and recomputed from every source, in one transaction (the caller's, if one is open).</summary>
public static class Facts
{
    public static async Task<RebuildSummary> RebuildAsync(CenturionDb db, IEnumerable<IFactSource> sources, CancellationToken ct)
    {
        await db.InTransactionAsync(async ct =>
        {
            await db.DailyFacts.ExecuteDeleteAsync(ct);
            foreach (var source in sources) await source.AddAllAsync(db, ct);
        }, ct);
        var fromReports = await db.DailyFacts.LongCountAsync(f => f.CampaignId != DailyFact.NoCampaign, ct);
        var fromRecords = await db.DailyFacts.LongCountAsync(f => f.CampaignId == DailyFact.NoCampaign, ct);
        return new(fromReports + fromRecords, fromReports, fromRecords);
    }
}
