using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

public class ReportImportTests
{
    private static async Task<HttpResponseMessage> UploadAsync(TestApp app, string user, string csv, bool dryRun = false)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "figures.csv");
        return await app.ApiAs(user).PostAsync($"/api/campaigns/{Code}/reports/import?dryRun={dryRun}", form);
    }

    private const string Baseline = """
        unit,date,indicator,value
        510104,2025-07-01,police-deployments,90
        510104,2025-07-01,night-operations,1
        510105,2025-07-01,police-deployments,70
        510104,2025-07-02,police-deployments,95
        """;

    [Theory, BothDatabases]
    public async Task A_baseline_imports_as_approved_reports_and_reimporting_it_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);

        var first = await (await UploadAsync(app, "province", Baseline)).Content.ReadFromJsonAsync<ReportImportSummary>();
        var again = await (await UploadAsync(app, "province", Baseline)).Content.ReadFromJsonAsync<ReportImportSummary>();

        Assert.Equal((4, 3, 0, 0), (first!.Rows, first.ReportsCreated, first.ReportsRevised, first.ReportsUnchanged));
        Assert.Equal((0, 0, 3), (again!.ReportsCreated, again.ReportsRevised, again.ReportsUnchanged));
        var report = await ReadAsync(await app.ApiAs("jinjiang").GetAsync(Url("510104", new DateOnly(2025, 7, 1))));
        Assert.Equal(("approved", 90L, 1L), (report.Status, report.Values["police-deployments"]!.Value, report.Values["night-operations"]!.Value));
        Assert.Contains("figures.csv", report.Reason);
    }

    [Theory, BothDatabases]
    public async Task A_changed_value_becomes_a_new_approved_revision_and_the_old_one_stays_in_the_history(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);
        await UploadAsync(app, "province", Baseline);

        var summary = await (await UploadAsync(app, "province", "unit,date,indicator,value\n510104,2025-07-01,police-deployments,99\n")).Content.ReadFromJsonAsync<ReportImportSummary>();

        Assert.Equal(1, summary!.ReportsRevised);
        var report = await ReadAsync(await app.ApiAs("province").GetAsync(Url("510104", new DateOnly(2025, 7, 1))));
        Assert.Equal([90L, 99L], report.History.Select(h => h.Values["police-deployments"]));
        Assert.Equal(1L, report.History[1].Values["night-operations"]); // values the file did not name are carried over
        Assert.Equal([false, true], report.History.Select(h => h.Effective));
    }

    [Theory, BothDatabases]
    public async Task Imported_figures_and_their_revisions_move_the_statistics(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);
        await UploadAsync(app, "province", Baseline);
        const string stats = $"/api/stats?campaign={Code}&unit=510100&indicator=police-deployments&from=2025-07-01&to=2025-07-02";
        Assert.Equal(90 + 70 + 95, (await app.ApiAs("chengdu").GetFromJsonAsync<JsonElement>(stats)).GetProperty("value").GetInt64());

        await UploadAsync(app, "province", "unit,date,indicator,value\n510104,2025-07-01,police-deployments,99\n");

        Assert.Equal(99 + 70 + 95, (await app.ApiAs("chengdu").GetFromJsonAsync<JsonElement>(stats)).GetProperty("value").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task A_file_with_any_bad_row_is_refused_row_by_row_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);
        const string bad = """
            unit,date,indicator,value
            510104,2025-07-01,police-deployments,90
            999999,2025-07-01,police-deployments,1
            510104,2025-13-01,police-deployments,1
            510104,2025-07-03,criminal-cases-filed,1
            510104,2025-07-04,police-deployments,-5
            510104,2025-07-01,police-deployments,91
            510100,2025-07-05,police-deployments,3
            """;

        var response = await UploadAsync(app, "province", bad);
        var wrongColumns = await UploadAsync(app, "province", "unit,day,indicator,value\n510104,2025-07-01,police-deployments,1\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "unit"), (4, "date"), (5, "indicator"), (6, "value"), (7, "indicator"), (8, "unit")], errors);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongColumns.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.Reports.AnyAsync(r => r.Campaign!.Code == Code));
        Assert.False(await db.ImportBatches.AnyAsync(b => b.Kind == ReportImport.BatchKind));
    }

    [Theory, BothDatabases]
    public async Task A_report_still_being_filed_refuses_the_whole_import_and_only_the_office_may_import(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        await app.ApiAs("jinjiang").PutAsJsonAsync(Url("510104", new DateOnly(2026, 7, 3)), new { version = 0, values = Figures(10) });

        var response = await UploadAsync(app, "province", "unit,date,indicator,value\n510105,2026-07-03,police-deployments,7\n510104,2026-07-03,police-deployments,7\n");
        var dryRun = await UploadAsync(app, "province", Baseline, dryRun: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"row\":3", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, (await dryRun.Content.ReadFromJsonAsync<ReportImportSummary>())!.ReportsCreated);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(app, "chengdu", Baseline)).StatusCode);
        await using var db = app.Db();
        Assert.Equal(1, await db.Reports.CountAsync(r => r.Campaign!.Code == Code)); // only the reporter's draft: the refused file and the dry run stored nothing
        Assert.Equal(10, (await db.Reports.Where(r => r.Campaign!.Code == Code).SelectMany(r => r.Revisions).SelectMany(v => v.Values)
            .SingleAsync(v => v.Indicator!.Code == "police-deployments")).Value);
    }

    [Theory, BothDatabases]
    public async Task The_import_reports_verb_imports_and_refuses_like_the_api(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);
        var good = Path.GetTempFileName();
        var bad = Path.GetTempFileName();
        await File.WriteAllTextAsync(good, Baseline);
        await File.WriteAllTextAsync(bad, "unit,date,indicator,value\n510104,2025-07-01,no-such,1\n");

        var imported = await CliProcess.RunAsync(provider, app.ConnectionString, "import-reports", good, "--campaign", Code);
        var refused = await CliProcess.RunAsync(provider, app.ConnectionString, "import-reports", bad, "--campaign", Code);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("created 3", imported.Output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("row 2, indicator", refused.Errors);
        await using var db = app.Db();
        Assert.Equal(3, await db.Reports.CountAsync(r => r.Campaign!.Code == Code));
    }
}
