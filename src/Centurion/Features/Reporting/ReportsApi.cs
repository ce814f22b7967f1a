using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Units;
using Centurion.Infrastructure;

namespace Centurion.Features.Reporting;

public sealed record DraftRequest(int Version, Dictionary<string, long?>? Values, bool Nil = false);
public sealed record SubmitRequest(int Version, Dictionary<string, long?>? Values = null, bool Nil = false, string[]? Confirm = null);
public sealed record VersionRequest(int Version);
public sealed record ReasonRequest(int Version, string? Reason);

public static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{campaign}").WithTags("Reports").RequireAuthorization().ProducesCommonProblems();
        var report = api.MapGroup("/reports/{unit}/{date}");

        report.MapGet("/", async (CampaignInRoute route, string unit, DateOnly date, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.GetAsync(await reports.ResolveAsync(route, unit, date, ct), ct)))
            .WithName("GetReport").WithSummary("A unit's report for the period holding the date, with every revision; not-started if none.");

        report.MapPut("/", async (CampaignInRoute route, string unit, DateOnly date, DraftRequest body, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.SaveDraftAsync(await reports.ResolveAsync(route, unit, date, ct), body.Version, new(body.Values ?? [], body.Nil), ct)))
            .WithName("SaveDraft").ProducesChangeProblems().WithSummary("Saves the draft. Send the version you read: a stale one is refused with 409.");

        report.MapPost("/submit", async (CampaignInRoute route, string unit, DateOnly date, SubmitRequest body, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.SubmitAsync(await reports.ResolveAsync(route, unit, date, ct), body.Version,
                body.Values is null ? null : new(body.Values, body.Nil), body.Confirm ?? [], ct)))
            .WithName("SubmitReport").ProducesChangeProblems().WithSummary("Submits (with values: saves them first). Errors refuse with 422; unusual values need their codes in confirm.");

        report.MapPost("/nil", async (CampaignInRoute route, string unit, DateOnly date, VersionRequest body, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.SubmitNilAsync(await reports.ResolveAsync(route, unit, date, ct), body.Version, ct)))
            .WithName("SubmitNilReturn").ProducesChangeProblems().WithSummary("Submits an explicit nil return: every figure zero.");

        report.MapPost("/approve", async (CampaignInRoute route, string unit, DateOnly date, VersionRequest body, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.ApproveAsync(await reports.ResolveAsync(route, unit, date, ct), body.Version, ct)))
            .WithName("ApproveReport").ProducesChangeProblems().WithSummary("Approves and locks a submitted report (a unit above; not the submitter).");

        report.MapPost("/return", async (CampaignInRoute route, string unit, DateOnly date, ReasonRequest body, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.ReturnAsync(await reports.ResolveAsync(route, unit, date, ct), body.Version, body.Reason, ct)))
            .WithName("ReturnReport").ProducesChangeProblems().WithSummary("Returns a submitted report with a reason (a unit above).");

        report.MapPost("/corrections", async (CampaignInRoute route, string unit, DateOnly date, ReasonRequest body, Reports reports, CancellationToken ct) =>
            TypedResults.Ok(await reports.StartCorrectionAsync(await reports.ResolveAsync(route, unit, date, ct), body.Version, body.Reason, ct)))
            .WithName("StartCorrection").ProducesChangeProblems().WithSummary("Starts a correction of an approved report: a new draft revision with a reason.");

        api.MapPost("/reports/import", async (CampaignInRoute route, IFormFile? file, bool? dryRun, CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            scope.Require(Accounts.Roles.CampaignOffice);
            var c = route.Campaign;
            if (file is not { Length: > 0 }) throw DomainException.Invalid(new("请上传文件（表单字段 file）。", "Upload a file (form field file)."));
            var result = await Files.WithTempCopyAsync(file, path =>
                ReportImport.ImportAsync(db, scope, c, path, Path.GetFileName(file.FileName), dryRun ?? false, clock.GetUtcNow().UtcDateTime, ct), ct);
            return result.Summary is { } s ? Results.Ok(s) : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: new Phrase($"文件未导入：发现 {result.ErrorCount} 处错误。", $"The file was not imported: {result.ErrorCount} error(s).").ToString(),
                extensions: new Dictionary<string, object?> { ["errorCount"] = result.ErrorCount, ["errors"] = result.Errors.Select(e => new { e.Row, e.Column, e.Value, Message = e.Message.ToString() }) });
        }).DisableAntiforgery().WithName("ImportReports").Produces<ReportImportSummary>().ProducesChangeProblems().WithSummary("Imports reported figures (CSV or XLSX: unit,date,indicator,value), all or nothing; campaign office.");

        api.MapGet("/completeness", async (CampaignInRoute route, string? unit, DateOnly? from, DateOnly? to, CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            var c = route.Campaign;
            var root = await scope.UnitOrOwnAsync(db, unit, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            return TypedResults.Ok(await Completeness.ForAsync(db, c, root, from ?? c.StartDate, to ?? ProvinceTime.Today(clock), now, ct));
        }).WithName("GetCompleteness").WithSummary("Reports expected, received, on time, late, missing, pending and nil, for a subtree and date range, by child unit.");

        // The completeness table as a spreadsheet, for the page's export link (same query as the page).
        app.MapGet("/campaigns/{campaign}/completeness.xlsx", async (CampaignInRoute route, string? unit, DateOnly? from, DateOnly? to, CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            var c = route.Campaign;
            var root = await scope.UnitOrOwnAsync(db, unit, ct);
            var today = ProvinceTime.Today(clock);
            var data = await Completeness.ForAsync(db, c, root, from ?? c.StartDate, to ?? c.Clamp(today), clock.GetUtcNow().UtcDateTime, ct);
            var rows = data.ByUnit.Select(u => (Code: u.Code, Name: Lang.Pick(u.NameZh, u.NameEn), u.Counts))
                .Append((Code: root.Code, Name: root.Name(Lang.IsEnglish), Counts: data.Total))
                .Select(r => new Dictionary<string, object?>
                {
                    [Ui.Units] = r.Name, [Ui.Code] = r.Code, [ReportingText.Expected] = r.Counts.Expected, [ReportingText.Received] = r.Counts.Received,
                    [ReportingText.OnTime] = r.Counts.OnTime, [ReportingText.Late] = r.Counts.Late, [ReportingText.Missing] = r.Counts.Missing,
                    [ReportingText.Pending] = r.Counts.Pending, [ReportingText.Nil] = r.Counts.Nil, [ReportingText.Rate] = r.Counts.ReceivedRate is { } rate ? Math.Round(rate, 4) : null,
                }).ToList();
            return await Files.XlsxAsync(rows, $"{c.Code}-completeness-{root.Code}-{data.To:yyyyMMdd}.xlsx", ct: ct);
        }).RequireAuthorization().ExcludeFromDescription();

        api.MapGet("/outstanding", async (CampaignInRoute route, string? unit, DateOnly? date, CenturionDb db, CallerScope scope, TimeProvider clock, CancellationToken ct) =>
        {
            var c = route.Campaign;
            var root = await scope.UnitOrOwnAsync(db, unit, ct);
            return TypedResults.Ok(await Completeness.OutstandingAsync(db, c, root, date ?? c.Clamp(c.DueOn(ProvinceTime.Today(clock)).Start), clock.GetUtcNow().UtcDateTime, ct));
        }).WithName("ListOutstanding").WithSummary("Reporting units that have not submitted the report for the period holding the date (default: the one due today, kept within the campaign).");
    }
}
