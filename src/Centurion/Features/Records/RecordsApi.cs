using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Centurion.Features.Records;

public sealed record RowErrorDto(int Row, string Column, string Value, string Message);

public static class RecordsApi
{
    /// <summary>Large enough for a million-row file; the importer streams it from a temporary file.</summary>
    public const long MaxUploadBytes = 1L << 30;

    public static RowErrorDto ToDto(this RowError e) => new(e.Row, e.Column, e.Value, e.Message.ToString());

    public static void MapRecordsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/records").WithTags("Records").RequireAuthorization().ProducesCommonProblems();

        api.MapPost("/import", async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> (IFormFile? file, bool? dryRun,
            CenturionDb db, CallerScope scope, CancellationToken ct) =>
        {
            scope.Require(RecordImporter.AllowedRoles);
            if (file is null || file.Length == 0)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: new Phrase("请在表单字段 file 中上传 CSV 或 XLSX 文件。", "Upload a CSV or XLSX file in the form field file."));
            var result = await RecordImporter.ImportUploadAsync(db, scope, file, dryRun ?? false, ct);
            if (result.Summary is { } summary) return TypedResults.Ok(summary);
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: Text.Refused.Format(result.ErrorCount),
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = result.Errors.Select(e => e.ToDto()).ToList(),
                    ["errorCount"] = result.ErrorCount,
                });
        })
        .DisableAntiforgery() // API callers authenticate with a key header, not a cookie a form could ride on.
        .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
        .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
        .WithName("ImportRecords").ProducesChangeProblems().WithSummary("Imports case records from a CSV or XLSX file (form field file), all or nothing; dryRun=true checks without storing.");
    }

    public static class Text
    {
        public static readonly Phrase Refused = new("文件未导入：发现 {0} 处错误，未保存任何记录。", "The file was not imported: {0} error(s) found, nothing was stored.");
    }
}
