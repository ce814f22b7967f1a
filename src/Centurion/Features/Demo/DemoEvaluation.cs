using Centurion.Data;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer-2022 demo's scoring scheme, as the provincial campaign office would publish it: a base of 100; points for the fall
/// in criminal cases filed on a year before (only a significant fall on a base of 50 or more counts), and for the rank in police
/// deployments and disputes resolved; deductions for late and missing reports, overdue rectification items and listed-supervision
/// progress reports, failed emergency-duty spot checks, reopened trouble spots and negative incidents; bonuses for items closed out
/// early and commendations; the top 5 on the red list, the bottom 3 and any unit with a major incident on the black list.
/// Version 1 is published the day before the campaign begins, to apply from its first month; version 2, a draft the office is
/// weighing for September on (overdue items 3 points each up to 15, disputes resolved ranked for 10), is what the what-if shows.
/// </summary>
public static class DemoEvaluation
{
    public static readonly DateOnly AppliesFrom = new(2022, 6, 1);

    public static Scheme SummerScheme { get; } = new(
        Base: 100,
        Indicators:
        [
            new("criminal-cases-filed", IndicatorMethod.Improvement, Weight: 0.5m, Cap: 10, LowerIsBetter: true, LowBase: 50, RequireSignificance: true),
            new("police-deployments", IndicatorMethod.Rank, Weight: 10, Cap: 10),
            new("disputes-resolved", IndicatorMethod.Rank, Weight: 5, Cap: 5),
        ],
        Deductions:
        [
            new(FactKind.LateReport, 0.5m, 5), new(FactKind.MissingReport, 1, 10), new(FactKind.OverdueItem, 2, 10),
            new(FactKind.OverdueProgressReport, 2, 6), new(FactKind.FailedSpotCheck, 1, 5), new(FactKind.ReopenedTroubleSpot, 2, 6),
            new(FactKind.NegativeIncident, 5, 15),
        ],
        Bonuses: [new(FactKind.EarlyCloseOut, 1, 3), new(FactKind.Commendation, 2, 4)],
        Lists: new(RedTop: 5, BlackBottom: 3, MajorIncidentBlacklists: true, ListPrecedence.BlackWins),
        PublishRanking: true,
        AppealDays: 5);

    public static readonly DateOnly DraftFrom = new(2022, 9, 1);

    public static Scheme DraftScheme { get; } = SummerScheme with
    {
        Indicators = [.. SummerScheme.Indicators.Select(r => r.Indicator == "disputes-resolved" ? r with { Weight = 10, Cap = 10 } : r)],
        Deductions = [.. SummerScheme.Deductions.Select(r => r.Kind == FactKind.OverdueItem ? r with { Points = 3, MonthlyCap = 15 } : r)],
    };

    public static async Task SeedAsync(CenturionDb db, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Code == DemoCampaign.Code, ct);
        if (campaign is null || await db.Set<ScoringSchemeVersion>().AnyAsync(v => v.CampaignId == campaign.Id, ct)) return;
        const string by = "province";
        var published = ProvinceTime.StartUtc(new DateOnly(2022, 6, 24)).AddHours(17);
        var v1 = ScoringSchemeVersion.Draft(campaign, 1, AppliesFrom, SummerScheme, by, published.AddHours(-1));
        v1.Publish([], by, published);
        var v2 = ScoringSchemeVersion.Draft(campaign, 2, DraftFrom, DraftScheme, by, ProvinceTime.StartUtc(new DateOnly(2022, 8, 26)).AddHours(15));
        db.AddRange(v1, v2);
        await db.SaveChangesAsync(ct);
    }
}
