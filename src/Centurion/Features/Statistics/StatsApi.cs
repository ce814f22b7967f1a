using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Statistics;

public static class StatsApi
{
    public static void MapStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", async (string campaign, string unit, string indicator, DateOnly from, DateOnly to, string? line, string? by,
                bool? compareMonth, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            {
                var breakdown = ParseBreakdown(by);
                var (c, u, i) = await Stats.ResolveAsync(db, scope, campaign, unit, indicator, line, ct);
                return TypedResults.Ok(await Stats.ForAsync(db, c, u, i, from, to, new StatsOptions(breakdown, compareMonth ?? false), ct));
            })
            .WithTags("Statistics").RequireAuthorization().ProducesCommonProblems()
            .WithName("GetStatistic").WithSummary("An indicator for a unit subtree over [from, to]: value, same window last year, previous window of the same length, changes, z, low base; by=unit|line|category|place|victim adds a breakdown.");
    }

    public static Breakdown ParseBreakdown(string? by) => by switch
    {
        null or "" => Breakdown.None,
        "unit" => Breakdown.Unit,
        "line" => Breakdown.Line,
        "category" => Breakdown.Category,
        "place" => Breakdown.Place,
        "victim" => Breakdown.Victim,
        _ => throw DomainException.Invalid(new($"未知的细分方式 {by}；可用：unit、line、category、place、victim。",
            $"Unknown breakdown {by}; use unit, line, category, place or victim.")),
    };
}
