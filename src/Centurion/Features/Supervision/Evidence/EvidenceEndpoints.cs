using Centurion.Features.Ledgers;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;

namespace Centurion.Features.Supervision.Evidence;

/// <summary>
/// Evidence of findings and items: uploads (multipart, files in the field <c>evidence</c>) and downloads under
/// /api/supervision, and the same downloads at page addresses (/supervision/…), whose errors are the error page.
/// </summary>
public static class EvidenceEndpoints
{
    public static string FindingFileApiUrl(long findingId, long fileId) => $"/api/supervision/findings/{findingId}/evidence/{fileId}";
    public static string ItemFileApiUrl(long itemId, long fileId) => $"/api/supervision/items/{itemId}/evidence/{fileId}";

    public static void MapSupervisionEvidence(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPost("/findings/{id:long}/evidence", async (long id, IFormFileCollection evidence, SupervisionEvidence files, CancellationToken ct) =>
            TypedResults.Ok(Dtos(id, await files.AttachToFindingAsync(id, EvidenceUploads.From(evidence), ct))))
            .Uploads().Named("AddFindingEvidence",
                "Adds evidence files to a finding (multipart, field evidence: JPEG, PNG, PDF, Word, Excel, PowerPoint, judged by content; limits per file and per finding); the team or the campaign office.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/findings/{id:long}/evidence", async (long id, SupervisionEvidence files, CancellationToken ct) =>
            TypedResults.Ok(Dtos(id, await files.FindingFilesAsync(id, ct))))
            .Named("ListFindingEvidence", "A finding's evidence files, with the upload time and a photo's own time and place.");
        api.MapGet("/findings/{id:long}/evidence/{file:long}", DownloadFinding)
            .Downloads().Named("DownloadFindingEvidence", "One evidence file of a finding, as an attachment; 410 when the stored file is missing or damaged.");

        api.MapPost("/items/{id:long}/submit", async (long id, [FromForm] string? note, [FromForm] int? version, IFormFileCollection evidence,
                SupervisionEvidence files, CancellationToken ct) => TypedResults.Ok(await files.SubmitAsync(id, note, version, EvidenceUploads.From(evidence), ct)))
            .Uploads().Named("SubmitRectificationItem",
                "Submits an item with its evidence (multipart: note, version, and files in the field evidence): the responsible unit. The submission and the files are saved together or not at all.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/items/{id:long}/evidence", async (long id, SupervisionEvidence files, CancellationToken ct) =>
            TypedResults.Ok((await files.ItemFilesAsync(id, ct)).Select(f => new ItemEvidenceDto(f.Submission, EvidenceDto.From(f.File, ItemFileApiUrl(id, f.File.Id)))).ToList()))
            .Named("ListRectificationItemEvidence", "An item's evidence files, by the submission they came with.");
        api.MapGet("/items/{id:long}/evidence/{file:long}", DownloadItem)
            .Downloads().Named("DownloadRectificationItemEvidence", "One evidence file of an item, as an attachment; 410 when the stored file is missing or damaged.");

        // The pages link here: the same checks, and an error is a page in the user's language.
        var pages = app.MapGroup("/supervision").RequireAuthorization().ExcludeFromDescription();
        pages.MapGet("/findings/{id:long}/evidence/{file:long}", DownloadFinding);
        pages.MapGet("/items/{id:long}/evidence/{file:long}", DownloadItem);
    }

    private static Task<IResult> DownloadFinding(long id, long file, SupervisionEvidence files, CancellationToken ct) => files.DownloadFindingFileAsync(id, file, ct);

    private static Task<IResult> DownloadItem(long id, long file, SupervisionEvidence files, CancellationToken ct) => files.DownloadItemFileAsync(id, file, ct);

    private static List<EvidenceDto> Dtos(long findingId, IEnumerable<EvidenceFile> files) =>
        [.. files.Select(f => EvidenceDto.From(f, FindingFileApiUrl(findingId, f.Id)))];

    private static RouteHandlerBuilder Uploads(this RouteHandlerBuilder b) =>
        b.DisableAntiforgery() // API callers authenticate with a key header, not a cookie a form could ride on.
            .WithMetadata(new AcceptsEvidenceAttribute());

    private static RouteHandlerBuilder Downloads(this RouteHandlerBuilder b) =>
        b.Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status410Gone);
}
