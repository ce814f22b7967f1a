using Centurion.Features.Ledgers;
using Centurion.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>Publication, differences, appeals and corrections under /api/campaigns/{campaign}/evaluation, and the appeal evidence downloads the pages link to.</summary>
public static class PublicationApi
{
    public static void MapEvaluationPublication(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}/evaluation").WithTags("Evaluation").RequireAuthorization();

        api.MapPost("/{month}/publish", async (string campaign, string month, Publications p, CancellationToken ct) =>
            { var x = await p.PublishAsync(campaign, month, ct); return TypedResults.Created($"/api/campaigns/{campaign}/evaluation/{x.Month}/publication", x); })
            .Named("PublishEvaluationMonth", "Publishes a month (YYYY-MM) once it is over: scores it now under the applying scheme version and freezes the scores, explanations and lists as a snapshot (canonical JSON and its SHA-256); once per month and version (409); the campaign office.");
        api.MapGet("/{month}/publication", async (string campaign, string month, Publications p, CancellationToken ct) => TypedResults.Ok(await p.PublicationAsync(campaign, month, ct)))
            .Named("GetEvaluationPublication", "A published month: its metadata, the frozen ranking (with a corrected score where an upheld appeal corrected it) and its corrections; 404 before it is published. Other units' rows only where the scheme publishes the ranking.");
        api.MapGet("/{month}/publication/units/{unit}", async (string campaign, string month, string unit, Publications p, CancellationToken ct) =>
            TypedResults.Ok(await p.UnitAsync(campaign, month, unit, ct)))
            .Named("GetPublishedUnitScore", "One unit's published explanation, every point row with its source, and its appeals and corrections: the unit's own users and the campaign office.");
        api.MapGet("/{month}/publication/differences", async (string campaign, string month, Publications p, CancellationToken ct) => TypedResults.Ok(await p.DifferencesAsync(campaign, month, ct)))
            .Named("GetEvaluationDifferences", "The published month against the same month computed now: per unit the published and current score, rank and list; the snapshot is not changed.");
        api.MapGet("/{month}/corrections", async (string campaign, string month, Publications p, CancellationToken ct) => TypedResults.Ok(await p.CorrectionsAsync(campaign, month, ct)))
            .Named("ListEvaluationCorrections", "A published month's corrections: each upheld appeal's points restored and the corrected score, dated.");

        api.MapGet("/appeals", async (string campaign, string? state, Publications p, CancellationToken ct) => TypedResults.Ok(await p.AppealsAsync(campaign, state, ct)))
            .Named("ListEvaluationAppeals", "Appeals of the campaign's published months: the campaign office sees all, a unit its own; filter by state (open, upheld, dismissed). Open ones first.");
        api.MapPost("/appeals", async (string campaign, [FromForm] string? month, [FromForm] string? unit, [FromForm] long? point, [FromForm] string? reason,
                IFormFileCollection evidence, Publications p, CancellationToken ct) =>
            { var a = await p.LodgeAsync(campaign, new(month, unit, point, reason), EvidenceUploads.From(evidence), ct); return TypedResults.Created($"/api/campaigns/{campaign}/evaluation/appeals/{a.Id}", a); })
            .DisableAntiforgery() // API callers authenticate with a key header, not a cookie a form could ride on.
            .WithMetadata(new AcceptsEvidenceAttribute())
            .Named("LodgeEvaluationAppeal", "Appeals one deduction (point: a published point row with negative points) of the unit's own published month (multipart: month, unit, point, reason, and files in the field evidence), within the scheme's appeal days after publication (409 after); one open appeal per deduction; the unit's own leaders or office, not the campaign office.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/appeals/{id:long}", async (string campaign, long id, Publications p, CancellationToken ct) => TypedResults.Ok(await p.AppealAsync(campaign, id, ct)))
            .Named("GetEvaluationAppeal", "One appeal with its deduction, history, evidence, correction (when upheld) and the moves open to the caller.");
        api.MapPost("/appeals/{id:long}/uphold", async (string campaign, long id, DecisionInput body, Publications p, CancellationToken ct) => TypedResults.Ok(await p.UpholdAsync(campaign, id, body, ct)))
            .Named("UpholdEvaluationAppeal", "Upholds an open appeal with a reason: a dated correction restores the deduction's points; the snapshot stays as published; the campaign office; 409 when already decided.");
        api.MapPost("/appeals/{id:long}/dismiss", async (string campaign, long id, DecisionInput body, Publications p, CancellationToken ct) => TypedResults.Ok(await p.DismissAsync(campaign, id, body, ct)))
            .Named("DismissEvaluationAppeal", "Dismisses an open appeal with a reason; the campaign office; 409 when already decided.");
        api.MapGet("/appeals/{id:long}/evidence/{file:long}", DownloadAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status410Gone)
            .Named("DownloadEvaluationAppealEvidence", "One evidence file of an appeal, as an attachment; 410 when the stored file is missing or damaged.");

        // The pages link here: the same checks, and an error is a page in the user's language.
        app.MapGet("/campaigns/{campaign}/evaluation/appeals/{id:long}/evidence/{file:long}", DownloadAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static Task<IResult> DownloadAsync(string campaign, long id, long file, Publications p, CancellationToken ct) => p.DownloadAppealFileAsync(campaign, id, file, ct);
}
