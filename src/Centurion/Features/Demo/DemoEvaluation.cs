using Centurion.Features.Evaluation.Scoring;

namespace Centurion.Features.Demo;

/// <summary>
/// The summer-2022 demo's scoring scheme, as the provincial campaign office would publish it: a base of 100; points for the fall
/// in criminal cases filed on a year before (only a significant fall on a base of 50 or more counts), and for the rank in police
/// deployments and disputes resolved; deductions for late and missing reports, overdue rectification items and listed-supervision
/// progress reports, failed emergency-duty spot checks, reopened trouble spots and negative incidents; bonuses for items closed out
/// early and commendations; the top 5 on the red list, the bottom 3 and any unit with a major incident on the black list.
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
}
