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
        var api = app.MapGroup("/api/campaigns/{code}").WithTags("Campaign plan").RequireAuthorization().ProducesCommonProblems();

        api.MapPost("/phases", async Task<Created<PhaseDto>> (string code, NewPhase body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            var phase = await plan.AddPhaseAsync(await CampaignOperations.FindAsync(db, scope, code, ct), body, ct);
            return TypedResults.Created($"/api/campaigns/{code}", phase);
        }).WithName("AddPhase").ProducesChangeProblems().WithSummary("Adds a phase within the campaign's dates, overlapping no other (campaign office, until the campaign ends).");

        api.MapPut("/phases/{id:int}", async (string code, int id, NewPhase body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            TypedResults.Ok(await plan.UpdatePhaseAsync(await CampaignOperations.FindAsync(db, scope, code, ct), id, body, ct)))
            .WithName("UpdatePhase").ProducesChangeProblems().WithSummary("Changes a phase's names and dates (campaign office, until the campaign ends).");

        api.MapDelete("/phases/{id:int}", async (string code, int id, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            await plan.RemovePhaseAsync(await CampaignOperations.FindAsync(db, scope, code, ct), id, ct);
            return TypedResults.NoContent();
        }).WithName("RemovePhase").ProducesChangeProblems().WithSummary("Removes a phase (campaign office, until the campaign ends).");

        api.MapPost("/tasks", async Task<Created<TaskDto>> (string code, NewTask body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            var task = await plan.AddTaskAsync(await CampaignOperations.FindAsync(db, scope, code, ct), body, ct);
            return TypedResults.Created($"/api/campaigns/{code}", task);
        }).WithName("AddTask").ProducesChangeProblems().WithSummary("Adds a key task with its owner line, responsible unit and person, and deadline (campaign office, until the campaign ends).");

        api.MapPut("/tasks/{id:int}", async (string code, int id, NewTask body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            TypedResults.Ok(await plan.UpdateTaskAsync(await CampaignOperations.FindAsync(db, scope, code, ct), id, body, ct)))
            .WithName("UpdateTask").ProducesChangeProblems().WithSummary("Changes a key task; its state is kept (campaign office, until the campaign ends).");

        api.MapDelete("/tasks/{id:int}", async (string code, int id, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            await plan.RemoveTaskAsync(await CampaignOperations.FindAsync(db, scope, code, ct), id, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveTask").ProducesChangeProblems().WithSummary("Removes a key task (campaign office, until the campaign ends).");

        api.MapPost("/leader-links", async Task<Created<LeaderLinkDto>> (string code, NewLeaderLink body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            var link = await plan.AddLeaderLinkAsync(await CampaignOperations.FindAsync(db, scope, code, ct), body, ct);
            return TypedResults.Created($"/api/campaigns/{code}", link);
        }).WithName("AddLeaderLink").ProducesChangeProblems().WithSummary("Links a leader to a prefecture within the campaign (campaign office, until the campaign ends).");

        api.MapPut("/leader-links/{id:int}", async (string code, int id, NewLeaderLink body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            TypedResults.Ok(await plan.UpdateLeaderLinkAsync(await CampaignOperations.FindAsync(db, scope, code, ct), id, body, ct)))
            .WithName("UpdateLeaderLink").ProducesChangeProblems().WithSummary("Changes a leader link (campaign office, until the campaign ends).");

        api.MapDelete("/leader-links/{id:int}", async (string code, int id, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            await plan.RemoveLeaderLinkAsync(await CampaignOperations.FindAsync(db, scope, code, ct), id, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveLeaderLink").ProducesChangeProblems().WithSummary("Removes a leader link (campaign office, until the campaign ends).");

        api.MapGet("/units", async (string code, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
            TypedResults.Ok(await plan.UnitsAsync(await CampaignOperations.FindAsync(db, scope, code, ct), ct)))
            .WithName("ListParticipatingUnits").WithSummary("The participating units in the caller's subtree, with their number of reports.");

        api.MapPost("/units", async Task<Created<ParticipatingUnitDto>> (string code, UnitRequest body, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            var unit = await plan.AddUnitAsync(await CampaignOperations.FindAsync(db, scope, code, ct), body.UnitCode, ct);
            return TypedResults.Created($"/api/campaigns/{code}/units", unit);
        }).WithName("AddParticipatingUnit").ProducesChangeProblems().WithSummary("Adds a participating unit at the campaign's reporting level (campaign office, until the campaign ends).");

        api.MapDelete("/units/{unitCode}", async (string code, string unitCode, CampaignPlan plan, CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            await plan.RemoveUnitAsync(await CampaignOperations.FindAsync(db, scope, code, ct), unitCode, ct);
            return TypedResults.NoContent();
        }).WithName("RemoveParticipatingUnit").ProducesChangeProblems().WithSummary("Removes a participating unit that has no reports in the campaign (campaign office, until the campaign ends).");
    }
}
