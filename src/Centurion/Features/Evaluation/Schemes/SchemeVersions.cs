using Centurion.Data;
using Centurion.Features.Evaluation.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation.Schemes;

/// <summary>A campaign's scheme versions as the scorer takes them. No scope check: the caller decides who may see them.</summary>
public static class SchemeVersions
{
    /// <summary>Every published version, oldest first.</summary>
    public static async Task<IReadOnlyList<SchemeVersion>> PublishedAsync(CenturionDb db, int campaignId, CancellationToken ct = default) =>
        [.. (await db.Set<ScoringSchemeVersion>().Where(v => v.CampaignId == campaignId && v.State == SchemeState.Published)
            .OrderBy(v => v.Number).ToListAsync(ct)).Select(v => v.ToVersion())];

    /// <summary>The campaign's draft, if it has one (at most one at a time).</summary>
    public static async Task<SchemeVersion?> DraftAsync(CenturionDb db, int campaignId, CancellationToken ct = default) =>
        (await db.Set<ScoringSchemeVersion>().Where(v => v.CampaignId == campaignId && v.State == SchemeState.Draft)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct))?.ToVersion();
}
