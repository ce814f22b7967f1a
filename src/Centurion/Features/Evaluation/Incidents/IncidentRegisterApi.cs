using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Incidents;

/// <summary>The register of negative incidents and commendations under /api/campaigns/{campaign}/evaluation.</summary>
public static class IncidentRegisterApi
{
    public static IServiceCollection AddIncidentRegister(this IServiceCollection services) => services.AddScoped<IncidentRegister>();

    public static void MapIncidentRegister(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}/evaluation").WithTags("Incidents and commendations").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/incidents", async (CampaignInRoute route, IncidentRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.ListAsync(route.Campaign, RegisterType.Incident, ct)))
            .WithName("ListNegativeIncidents")
            .WithSummary("The campaign's recorded negative incidents for units in the caller's subtree, latest first, withdrawn ones included (withdrawn: true).");
        api.MapPost("/incidents", async (CampaignInRoute route, IncidentInput body, IncidentRegister register, CancellationToken ct) =>
            {
                var e = await register.RecordIncidentAsync(route.Campaign, body, ct);
                return TypedResults.Created($"/api/campaigns/{route.Code}/evaluation/incidents/{e.Id}", e);
            })
            .WithName("RecordNegativeIncident").ProducesChangeProblems()
            .WithSummary("Records a negative incident: unit (a code in the campaign's tree), date (a province day in the campaign, not after today), kind (e.g. 群体性事件), major, description; the campaign office.");
        Entry(api, "incidents", RegisterType.Incident, "NegativeIncident", "negative incident");

        api.MapGet("/commendations", async (CampaignInRoute route, IncidentRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.ListAsync(route.Campaign, RegisterType.Commendation, ct)))
            .WithName("ListCommendations")
            .WithSummary("The campaign's recorded commendations for units in the caller's subtree, latest first, withdrawn ones included (withdrawn: true).");
        api.MapPost("/commendations", async (CampaignInRoute route, CommendationInput body, IncidentRegister register, CancellationToken ct) =>
            {
                var e = await register.RecordCommendationAsync(route.Campaign, body, ct);
                return TypedResults.Created($"/api/campaigns/{route.Code}/evaluation/commendations/{e.Id}", e);
            })
            .WithName("RecordCommendation").ProducesChangeProblems()
            .WithSummary("Records a commendation: unit (a code in the campaign's tree), date (a province day in the campaign, not after today), description (what was commended), awardedBy; the campaign office.");
        Entry(api, "commendations", RegisterType.Commendation, "Commendation", "commendation");
    }

    private static void Entry(RouteGroupBuilder api, string path, RegisterType type, string name, string what)
    {
        api.MapGet($"/{path}/{{id:long}}", async (CampaignInRoute route, long id, IncidentRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.GetAsync(route.Campaign, type, id, ct)))
            .WithName($"Get{name}").WithSummary($"One {what} with its history (recorded, withdrawn) and the moves open to the caller.");
        api.MapPost($"/{path}/{{id:long}}/withdraw", async (CampaignInRoute route, long id, WithdrawalInput body, IncidentRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.WithdrawAsync(route.Campaign, type, id, body, ct)))
            .WithName($"Withdraw{name}").ProducesChangeProblems()
            .WithSummary($"Withdraws a {what} with a reason (409 if already withdrawn); it no longer counts in the evaluation. The campaign office.");
    }
}
