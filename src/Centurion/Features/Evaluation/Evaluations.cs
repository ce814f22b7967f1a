using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Features.Units;

namespace Centurion.Features.Evaluation;

/// <summary>A month scored under one scheme version.</summary>
public sealed record VersionScores(SchemeVersion Version, IReadOnlyList<UnitScore> Scores);

/// <summary>
/// A month's evaluation: the peers' scores under the published version that applies to the month (none before the first is
/// published), and on request the same facts under the draft beside it (the what-if). <paramref name="Units"/> names every peer.
/// </summary>
public sealed record MonthEvaluation(EvaluationMonth Month, DateTime AsOfUtc, Unit? Within, VersionScores? Published, VersionScores? Draft,
    IReadOnlyDictionary<string, Unit> Units);

/// <summary>
/// Scores a campaign's month from the features' records as they stand at <c>asOfUtc</c>: the facts are gathered once and scored
/// by the pure <see cref="Scorer"/>, under the published version and, for the what-if, the draft. Nothing is stored; publishing
/// a month is what freezes it. No scope check: the caller decides who may see it.
/// </summary>
public static class Evaluations
{
    /// <param name="within">Null for the prefectures; a prefecture for its counties.</param>
    public static async Task<MonthEvaluation> ComputeAsync(CenturionDb db, Campaign campaign, EvaluationMonth month, DateTime asOfUtc,
        bool withDraft, Unit? within = null, CancellationToken ct = default)
    {
        var published = SchemeVersion.ApplyingTo(await SchemeVersions.PublishedAsync(db, campaign.Id, ct), month.Month);
        var draft = withDraft ? await SchemeVersions.DraftAsync(db, campaign.Id, ct) : null;
        var peers = within is null ? await MonthFacts.PrefecturesAsync(db, campaign, ct)
            : await MonthFacts.PeersAsync(db, campaign, UnitLevel.County, within.Id, ct);
        var units = peers.ToDictionary(u => u.Code);
        if (published is null && draft is null) return new(month, asOfUtc, within, null, null, units);

        var rules = new[] { published, draft }.Where(v => v is not null).SelectMany(v => v!.Scheme.Indicators).ToList();
        var facts = await MonthFacts.GatherAsync(db, campaign, month.Window, asOfUtc, rules, peers, ct);
        VersionScores? Score(SchemeVersion? v) => v is null ? null : new(v, Scorer.Score(v.Scheme, facts));
        return new(month, asOfUtc, within, Score(published), Score(draft), units);
    }
}
