using Centurion.Data;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>A month just published: the campaign, the month's key, the scheme version and the instant.</summary>
public sealed record PublishedMonth(int CampaignId, string Campaign, string Month, int SchemeVersion, DateTime AtUtc);

/// <summary>
/// What another feature does when a month is published (the escalation ladder runs its rules), inside the publishing
/// transaction: if it fails, nothing is published. Registered in DI and taken as a list, so that Evaluation names no feature
/// that reacts to it.
/// </summary>
public interface IMonthPublished
{
    Task PublishedAsync(PublishedMonth month, CancellationToken ct);
}

/// <summary>A unit's list in a published month: <c>red</c>, <c>black</c> or <c>none</c>.</summary>
public sealed record PublishedList(string Month, string Unit, string List, decimal Score, int Rank);

/// <summary>The published months' lists, for features that read them (the escalation ladder, a unit's record). No scope check: the caller decides.</summary>
public static class PublishedLists
{
    /// <summary>Every unit's list in every published month of the campaign (the latest publication of a month), oldest month first.</summary>
    public static async Task<IReadOnlyList<PublishedList>> AllAsync(CenturionDb db, int campaignId, CancellationToken ct = default)
    {
        var latest = await db.Set<EvaluationPublication>().Where(p => p.CampaignId == campaignId)
            .Select(p => new { p.Id, p.Month, p.SchemeNumber }).ToListAsync(ct);
        var ids = latest.GroupBy(p => p.Month).Select(g => g.MaxBy(p => p.SchemeNumber)!.Id).ToList();
        var rows = await db.Set<EvaluationPublishedScore>().Where(s => ids.Contains(s.PublicationId))
            .Join(db.Set<EvaluationPublication>(), s => s.PublicationId, p => p.Id, (s, p) => new { p.Month, s.UnitCode, s.List, s.Score, s.Rank }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select(r => new PublishedList(r.Month, r.UnitCode, r.List, r.Score, r.Rank))];
    }
}
