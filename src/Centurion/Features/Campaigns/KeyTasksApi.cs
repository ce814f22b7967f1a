using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>The tracking of a campaign's key tasks: the list with its filters, a task with its history, and the four moves.</summary>
public static class KeyTasksApi
{
    public static void MapKeyTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}/tasks").WithTags("Key tasks").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/", async (CampaignInRoute route, string? state, bool? overdue, string? unit, string? line, KeyTasks tasks, CancellationToken ct) =>
            TypedResults.Ok(await tasks.ListAsync(route.Campaign, new TaskFilter(state, overdue ?? false, unit, line), ct)))
            .WithName("ListKeyTasks")
            .WithSummary("The campaign's key tasks the caller may see, overdue first; filters: state (open, in-progress, done, verified), overdue, unit (its subtree), line.");

        api.MapGet("/{id:int}", async (CampaignInRoute route, int id, KeyTasks tasks, CancellationToken ct) =>
            TypedResults.Ok(await tasks.GetAsync(route.Campaign, id, ct)))
            .WithName("GetKeyTask").WithSummary("A key task with its tracking history and the moves the caller may make.");

        Move(api, "progress", "ReportKeyTaskProgress", "Adds a progress note (with its evidence); takes an open task into progress (the responsible unit).");
        Move(api, "done", "ReportKeyTaskDone", "Reports a task in progress done, with what was achieved (the responsible unit).");
        Move(api, "verify", "VerifyKeyTask", "Verifies a task reported done (the campaign office).");
        Move(api, "return", "ReturnKeyTask", "Returns a task reported done to in progress, with the reason in the note (the campaign office).");
    }

    private static void Move(RouteGroupBuilder api, string move, string name, string summary) =>
        api.MapPost($"/{{id:int}}/{move}", async (CampaignInRoute route, int id, TaskMove body, KeyTasks tasks, CancellationToken ct) =>
            TypedResults.Ok(await tasks.ActAsync(route.Campaign, id, move, body, ct)))
            .WithName(name).ProducesChangeProblems().WithSummary(summary);
}
