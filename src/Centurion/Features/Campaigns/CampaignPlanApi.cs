using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Centurion.Features.Campaigns;

/// <summary>Changes to a running campaign's plan (campaign office): phases, key tasks, leader links and participating units.</summary>
public static class CampaignPlanApi
{
    public static void MapCampaignPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}").WithTags("Campaign plan").RequireAuthorization().ProducesCommonProblems();

        api.MapPost("/phases", async Task<Created<PhaseDto>> (CampaignInRoute route, NewPhase body, CampaignPlan plan, CancellationToken ct) =>
        {
            var phase = await plan.AddPhaseAsync(route.Campaign, body, ct);
            return TypedResults.Created($"/api/campaigns/{route.Code}", phase);
        }).WithName("AddPhase").ProducesChangeProblems().WithSummary("Adds a phase within the campaign's dates, overlapping no other (campaign office, until the campaign ends).");

        api.MapPut("/phases/{id:int}", async (CampaignInRoute route, int id, NewPhase body, CampaignPlan plan, CancellationToken ct) =>
            TypedResults.Ok(await plan.UpdatePhaseAsync(route.Campaign, id, body, ct)))
            .WithName("UpdatePhase").ProducesChangeProblems().WithSummary("Changes a phase's names and dates (campaign office, until the campaign ends).");

        api.MapDelete("/phases/{id:int}", async (CampaignInRoute route, int id, CampaignPlan plan, CancellationToken ct) =>
        {
            await plan.RemovePhaseAsync(route.Campaign, id, ct);
            return TypedResults.NoContent();
        }).WithName("RemovePhase").ProducesChangeProblems().WithSummary("Removes a phase (campaign office, until the campaign ends).");

        api.MapPost("/tasks", async Task<Created<TaskDto>> (CampaignInRoute route, NewTask body, CampaignPlan plan, CancellationToken ct) =>
        {
            var task = await plan.AddTaskAsync(route.Campaign, body, ct);
            return TypedResults.Created($"/api/campaigns/{route.Code}", task);
        }).WithName("AddTask").ProducesChangeProblems().WithSummary("Adds a key task with its owner line, responsible unit and person, and deadline (campaign office, until the campaign ends).");

        api.MapPut("/tasks/{id:int}", async (CampaignInRoute route, int id, NewTask body, CampaignPlan plan, CancellationToken ct) =>
            TypedResults.Ok(await plan.UpdateTaskAsync(route.Campaign, id, body, ct)))
            .WithName("UpdateTask").ProducesChangeProblems().WithSummary("Changes a key task; its state is kept (campaign office, until the campaign ends).");

        api.MapDelete("/tasks/{id:int}", async (CampaignInRoute route, int id, CampaignPlan plan, CancellationToken ct) =>
        {
            await plan.RemoveTaskAsync(route.Campaign, id, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveTask").ProducesChangeProblems().WithSummary("Removes a key task (campaign office, until the campaign ends).");

        api.MapPost("/leader-links", async Task<Created<LeaderLinkDto>> (CampaignInRoute route, NewLeaderLink body, CampaignPlan plan, CancellationToken ct) =>
        {
            var link = await plan.AddLeaderLinkAsync(route.Campaign, body, ct);
            return TypedResults.Created($"/api/campaigns/{route.Code}", link);
        }).WithName("AddLeaderLink").ProducesChangeProblems().WithSummary("Links a leader to a prefecture within the campaign (campaign office, until the campaign ends).");

        api.MapPut("/leader-links/{id:int}", async (CampaignInRoute route, int id, NewLeaderLink body, CampaignPlan plan, CancellationToken ct) =>
            TypedResults.Ok(await plan.UpdateLeaderLinkAsync(route.Campaign, id, body, ct)))
            .WithName("UpdateLeaderLink").ProducesChangeProblems().WithSummary("Changes a leader link (campaign office, until the campaign ends).");

        api.MapDelete("/leader-links/{id:int}", async (CampaignInRoute route, int id, CampaignPlan plan, CancellationToken ct) =>
        {
            await plan.RemoveLeaderLinkAsync(route.Campaign, id, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveLeaderLink").ProducesChangeProblems().WithSummary("Removes a leader link (campaign office, until the campaign ends).");

        api.MapGet("/units", async (CampaignInRoute route, CampaignPlan plan, CancellationToken ct) =>
            TypedResults.Ok(await plan.UnitsAsync(route.Campaign, ct)))
            .WithName("ListParticipatingUnits").WithSummary("The participating units in the caller's subtree, with their number of reports.");

        api.MapPost("/units", async Task<Created<ParticipatingUnitDto>> (CampaignInRoute route, UnitRequest body, CampaignPlan plan, CancellationToken ct) =>
        {
            var unit = await plan.AddUnitAsync(route.Campaign, body.UnitCode, ct);
            return TypedResults.Created($"/api/campaigns/{route.Code}/units", unit);
        }).WithName("AddParticipatingUnit").ProducesChangeProblems().WithSummary("Adds a participating unit at the campaign's reporting level (campaign office, until the campaign ends).");

        api.MapDelete("/units/{unitCode}", async (CampaignInRoute route, string unitCode, CampaignPlan plan, CancellationToken ct) =>
        {
            await plan.RemoveUnitAsync(route.Campaign, unitCode, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveParticipatingUnit").ProducesChangeProblems().WithSummary("Removes a participating unit that has no reports in the campaign (campaign office, until the campaign ends).");
    }
}
