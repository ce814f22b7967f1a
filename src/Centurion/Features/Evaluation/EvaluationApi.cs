using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Features.Evaluation.Publication;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation;

/// <summary>Evaluation's services and its JSON API under /api/campaigns/{campaign}/evaluation. Each part maps its own endpoints.</summary>
public static class EvaluationApi
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services) =>
        services.AddScoped<EvaluationAccess>().AddScoped<MonthView>().AddScoped<Publications>()
            .AddScoped<Schemes.SchemeEditor>().AddIncidentRegister();

    public static void MapEvaluation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}/evaluation").WithTags("Evaluation").RequireAuthorization().ProducesCommonProblems();
        MapMonths(api);
        app.MapEvaluationPublication();
        Schemes.SchemeApi.MapSchemeApi(app);
        app.MapIncidentRegister();
    }

    private const string Scope = " The campaign office sees every unit; anyone else the explanations of their own peers (their prefecture, or the units in their subtree) and the others' ranking only where the scheme publishes it. Computed now, from the records as they stand.";

    /// <summary>The months, a month's ranking and one unit's explanation, with their exports.</summary>
    private static void MapMonths(RouteGroupBuilder api)
    {
        api.MapGet("/months", async (CampaignInRoute route, MonthView view, CancellationToken ct) => TypedResults.Ok(await view.MonthsAsync(route.Campaign, ct)))
            .WithName("ListEvaluationMonths").WithSummary("The campaign's evaluation months (key yyyy-MM, the days each covers) and the published scheme version that applies to each.");
        api.MapGet("/{month}", async (CampaignInRoute route, string month, string? within, bool? whatif, MonthView view, CancellationToken ct) =>
                TypedResults.Ok(await view.RankingAsync(route.Campaign, month, within, whatif ?? false, ct)))
            .WithName("GetEvaluationRanking")
            .WithSummary("A month's ranking (month yyyy-MM; malformed is a 400): per unit its code, name, score, rank, list (red, black, none) and reason, deductions and bonuses, and its points (rule, source with type, id, label and page, value, points) where the caller may see its explanation. within = a prefecture's code: its counties instead of the prefectures (the office, or that prefecture's own users). whatif = true: the draft version's score, rank, rank change and list beside each (the campaign office only; nothing is stored)." + Scope);
        api.MapGet("/{month}/export", async (CampaignInRoute route, string month, string? within, bool? whatif, MonthView view, CancellationToken ct) =>
                await Files.XlsxAsync(MonthView.Export(await view.RankingAsync(route.Campaign, month, within, whatif ?? false, ct)), $"evaluation-{month}.xlsx", ct: ct))
            .WithName("ExportEvaluationRanking").WithSummary("The same ranking as XLSX, with the what-if's columns when asked for.")
            .Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
        api.MapGet("/{month}/units/{code}", async (CampaignInRoute route, string month, string code, MonthView view, CancellationToken ct) =>
                TypedResults.Ok(await view.ExplainAsync(route.Campaign, month, code, ct)))
            .WithName("GetEvaluationExplanation")
            .WithSummary("One unit's score explained: a row per point source (rule, source and its page, value, points) grouped base, indicators, deductions, bonuses, with subtotals adding up to the score; its rank and list. A prefecture among the prefectures, a county among its prefecture's counties; another peer's is a 404." + Scope);
        api.MapGet("/{month}/units/{code}/export", async (CampaignInRoute route, string month, string code, MonthView view, CancellationToken ct) =>
                await Files.XlsxAsync(MonthView.Export(await view.ExplainAsync(route.Campaign, month, code, ct)), $"evaluation-{month}-{code}.xlsx", ct: ct))
            .WithName("ExportEvaluationExplanation").WithSummary("The unit's explanation as XLSX: its rows, each group's subtotal and the total.")
            .Produces(StatusCodes.Status200OK, contentType: Files.XlsxType);
    }
}
