using System.Text;
using System.Text.Json;
using Centurion.Features.Campaigns;
using Centurion.Features.Evaluation.Publication;
using Centurion.Infrastructure;

namespace Centurion.Features.Escalation;

/// <summary>Escalation's services and its JSON API under /api/campaigns/{campaign}/escalation.</summary>
public static class EscalationApi
{
    public static IServiceCollection AddEscalation(this IServiceCollection services) =>
        services.AddScoped<EscalationAccess>().AddScoped<Escalations>().AddScoped<LadderEditor>()
            .AddScoped<IMonthPublished, LadderOnPublish>();

    private const string Visibility = " The campaign office sees every unit's; a unit's leaders and reporters those of their own unit and the units below it; anyone else gets 404.";

    public static void MapEscalation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}/escalation").WithTags("Escalation").RequireAuthorization().ProducesCommonProblems();
        MapLadder(api.MapGroup("/ladder"));

        api.MapGet("/proposals", async (CampaignInRoute route, string? state, string? unit, Escalations e, CancellationToken ct) =>
                TypedResults.Ok(await e.ProposalsAsync(route.Campaign, state, unit, ct)))
            .WithName("ListEscalationProposals")
            .WithSummary("The ladder's proposals, open first: unit, rung (criticism, interview, accountability), rule, the month the rules ran for, the reasons with their sources, state (open, confirmed, waived) and the decision. state and unit (a code) filter; a bad state is a 400." + Visibility);
        api.MapGet("/proposals/{id:long}", async (CampaignInRoute route, long id, Escalations e, CancellationToken ct) =>
                TypedResults.Ok(await e.ProposalAsync(route.Campaign, id, ct)))
            .WithName("GetEscalationProposal").WithSummary("One proposal with its history." + Visibility);
        api.MapPost("/proposals/{id:long}/confirm", async (CampaignInRoute route, long id, ProposalDecisionInput body, Escalations e, CancellationToken ct) =>
                TypedResults.Ok(await e.ConfirmAsync(route.Campaign, id, body, ct)))
            .WithName("ConfirmEscalationProposal").ProducesChangeProblems()
            .WithSummary("Confirms an open proposal ({ reason, version }, the reason an optional note): a criticism is printed in the month's notice. 409 once decided or if version is stale. The campaign office only (403).");
        api.MapPost("/proposals/{id:long}/waive", async (CampaignInRoute route, long id, ProposalDecisionInput body, Escalations e, CancellationToken ct) =>
                TypedResults.Ok(await e.WaiveAsync(route.Campaign, id, body, ct)))
            .WithName("WaiveEscalationProposal").ProducesChangeProblems()
            .WithSummary("Waives an open proposal with a reason (422 without one); it is not proposed again for what it was about (that month, that incident, that commitment). 409 once decided. The campaign office only (403).");
        api.MapPost("/evaluate", async (CampaignInRoute route, Escalations e, CancellationToken ct) =>
                TypedResults.Ok(await e.EvaluateNowAsync(route.Campaign, ct)))
            .WithName("EvaluateEscalationLadder").ProducesChangeProblems()
            .WithSummary("Runs the ladder now for the latest published month, with overdue items and commitments as they stand, and returns the proposals it made (none twice). Publishing a month runs it too. 409 if no month is published. The campaign office only (403).");
        api.MapGet("/criticisms/{month}", async (CampaignInRoute route, string month, Escalations e, CancellationToken ct) =>
        {
            await e.RequireOfficeAsync(route.Campaign, ct);
            return TypedResults.Ok(await Escalations.CriticismsAsync(e.Db, route.Campaign.Id, month, ct));
        })
            .WithName("ListEscalationCriticisms").WithSummary("The confirmed circulated criticisms (通报批评) of an evaluation month (yyyy-MM), which its notice prints. The campaign office only (403).");
    }

    private static void MapLadder(RouteGroupBuilder api)
    {
        api.MapGet("/versions", async (CampaignInRoute route, LadderEditor editor, CancellationToken ct) => TypedResults.Ok(await editor.ListAsync(route.Campaign, ct)))
            .WithName("ListLadderVersions")
            .WithSummary("The campaign's escalation ladder versions, newest first, each with its rules as the ladder JSON and its history. The draft only for the campaign office.");
        api.MapGet("/versions/{number:int}", async (CampaignInRoute route, int number, LadderEditor editor, CancellationToken ct) =>
                TypedResults.Ok(await editor.GetAsync(route.Campaign, number, ct)))
            .WithName("GetLadderVersion").WithSummary("A ladder version. A draft is not found for anyone but the campaign office.");
        api.MapGet("/versions/{number:int}/json", async (CampaignInRoute route, int number, LadderEditor editor, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await editor.ExportAsync(route.Campaign, number, ct)), "application/json", $"{route.Code}-ladder-v{number}.json"))
            .WithName("ExportLadderVersion").Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Downloads a version's ladder JSON exactly as stored: the text the draft import takes back.");
        api.MapPut("/draft", async (CampaignInRoute route, LadderDraftInput body, LadderEditor editor, CancellationToken ct) =>
                TypedResults.Ok(await editor.PutDraftAsync(route.Campaign, body, ct)))
            .WithName("SaveLadderDraft").ProducesChangeProblems()
            .WithSummary("Writes the draft ({ fromMonth: \"YYYY-MM\", ladder, version }): creates it if there is none, else edits it. 422 names each wrong field by its path (ladder.rules[1].months); 409 if version is stale. The campaign office only.");
        api.MapPost("/draft/import", async (CampaignInRoute route, string? fromMonth, int? version, HttpRequest request, LadderEditor editor, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var from = LadderEditor.ParseMonth(fromMonth, errors);
            errors.ThrowIfAny(Rules.LadderJson.Invalid);
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return TypedResults.Ok(await editor.ImportAsync(route.Campaign, await reader.ReadToEndAsync(ct), from, version, ct));
        })
            .WithName("ImportLadderDraft").Accepts<JsonElement>("application/json").ProducesChangeProblems()
            .WithSummary("Imports an exported ladder JSON (the body) into the draft, creating it if none (fromMonth YYYY-MM needed then). Strict: an unknown or missing member is a 422 naming its path. The campaign office only.");
        api.MapPost("/draft", async (CampaignInRoute route, string? fromMonth, LadderEditor editor, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var from = LadderEditor.ParseMonth(fromMonth, errors);
            errors.ThrowIfAny(Rules.LadderJson.Invalid);
            return TypedResults.Ok(await editor.NewDraftAsync(route.Campaign, from, ct));
        })
            .WithName("StartLadderDraft").ProducesChangeProblems()
            .WithSummary("Starts a new draft from the latest published version (or the standard ladder when none is), applying from fromMonth (YYYY-MM) or the month after. 409 if a draft exists. The campaign office only.");
        api.MapPost("/draft/publish", async (CampaignInRoute route, int? version, LadderEditor editor, CancellationToken ct) =>
                TypedResults.Ok(await editor.PublishAsync(route.Campaign, version, ct)))
            .WithName("PublishLadderDraft").ProducesChangeProblems()
            .WithSummary("Publishes the draft: from then on it never changes and applies from its month (after every published version's). 409 if there is no draft or version is stale. The campaign office only.");
    }
}
