using System.Text;
using System.Text.Json;
using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Schemes;

/// <summary>The scoring scheme's versions, the draft's edits, import and export, and publishing, under /api/campaigns/{campaign}/evaluation/scheme.</summary>
public static class SchemeApi
{
    public static void MapSchemeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}/evaluation/scheme").WithTags("Scoring scheme").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/versions", async (CampaignInRoute campaign, SchemeEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.ListAsync(campaign.Campaign, ct)))
            .WithName("ListSchemeVersions")
            .WithSummary("The campaign's scoring scheme versions, newest first: number, fromMonth, state (draft, published), who published it and when. The draft only for the campaign office.");

        api.MapGet("/versions/{number:int}", async (CampaignInRoute campaign, int number, SchemeEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.GetAsync(campaign.Campaign, number, ct)))
            .WithName("GetSchemeVersion")
            .WithSummary("A scheme version: its rules as the scheme JSON (the README's schema) and its history. A draft is not found for anyone but the campaign office.");

        api.MapGet("/versions/{number:int}/json", async (CampaignInRoute campaign, int number, SchemeEditor editor, CancellationToken ct) =>
            TypedResults.File(Encoding.UTF8.GetBytes(await editor.ExportAsync(campaign.Campaign, number, ct)), "application/json", $"{campaign.Code}-scheme-v{number}.json"))
            .WithName("ExportSchemeVersion").Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Downloads a version's scheme JSON exactly as stored: the text the draft import takes back.");

        api.MapPut("/draft", async (CampaignInRoute campaign, SchemeDraftInput body, SchemeEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.PutDraftAsync(campaign.Campaign, body, ct)))
            .WithName("SaveSchemeDraft").ProducesChangeProblems()
            .WithSummary("Writes the draft ({ fromMonth: \"YYYY-MM\", scheme, version }): creates it as the next version if there is none, else edits it. 422 names each wrong field by its path (indicators[1].weight); 409 if version is stale. The campaign office only.");

        api.MapPost("/draft/import", async (CampaignInRoute campaign, string? fromMonth, int? version, HttpRequest request, SchemeEditor editor, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var from = SchemeEditor.ParseMonth(fromMonth, errors);
            errors.ThrowIfAny(SchemeJson.Invalid);
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return TypedResults.Ok(await editor.ImportAsync(campaign.Campaign, await reader.ReadToEndAsync(ct), from, version, ct));
        })
            .WithName("ImportSchemeDraft").Accepts<JsonElement>("application/json").ProducesChangeProblems()
            .WithSummary("Imports an exported scheme JSON (the body) into the draft, creating it if none; fromMonth (YYYY-MM) is needed when it creates one. Strict: an unknown or missing member is a 422 naming its path. The campaign office only.");

        api.MapPost("/draft", async (CampaignInRoute campaign, string? fromMonth, SchemeEditor editor, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var from = SchemeEditor.ParseMonth(fromMonth, errors);
            errors.ThrowIfAny(SchemeJson.Invalid);
            return TypedResults.Ok(await editor.NewDraftAsync(campaign.Campaign, from, ct));
        })
            .WithName("StartSchemeDraft").ProducesChangeProblems()
            .WithSummary("Starts a new draft copied from the latest published version, applying from fromMonth (YYYY-MM) or the month after that version's. 409 if a draft exists. The campaign office only.");

        api.MapPost("/draft/publish", async (CampaignInRoute campaign, int? version, SchemeEditor editor, CancellationToken ct) =>
            TypedResults.Ok(await editor.PublishAsync(campaign.Campaign, version, ct)))
            .WithName("PublishSchemeDraft").ProducesChangeProblems()
            .WithSummary("Publishes the draft: from then on it never changes and applies from its month (which must come after every published version's). 409 if there is no draft or version is stale. The campaign office only.");
    }
}
