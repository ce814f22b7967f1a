using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Reporting;
using Centurion.Features.Statistics;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

/// <summary>
/// Figures cannot overflow (issue 7, item 2): a figure beyond its measure's limit is refused wherever it enters, and no stored
/// value makes a read fail. The probe's value was long.MaxValue for police-deployments.
/// </summary>
public class FigureLimitTests
{
    private const string Huge = "9223372036854775807";
    private static readonly DateOnly Day = new(2026, 7, 3);

    private static object Values(string deployments) => JsonSerializer.Deserialize<JsonElement>(
        $$"""{"police-deployments": {{deployments}}, "night-operations": 1, "disputes-screened": 5, "disputes-resolved": 3}""");

    [Theory, BothDatabases]
    public async Task A_figure_beyond_its_limit_is_refused_by_field_on_the_api_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var reporter = app.ApiAs("jinjiang");

        var submitted = await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = 0, values = Values(Huge) });
        var draft = await reporter.PutAsJsonAsync(Url("510104", Day), new { version = 0, values = Values(Huge) });
        var justOver = await reporter.PutAsJsonAsync(Url("510104", Day), new { version = 0, values = Values("10000001") });
        var nights = await reporter.PutAsJsonAsync(Url("510104", Day), new { version = 0, values = Figures(100, nights: 1_000_001) });

        foreach (var (response, field) in new[] { (submitted, "police-deployments"), (draft, "police-deployments"), (justOver, "police-deployments"), (nights, "night-operations") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var message = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Value[0].GetString()!;
            Assert.Equal(field, Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name);
            Assert.Contains(field == "night-operations" ? "最多 1,000,000" : "最多 10,000,000", message);
        }
        Assert.Equal("not-started", (await ReadAsync(await reporter.GetAsync(Url("510104", Day)))).Status);
        await using var db = app.Db();
        Assert.Equal(0, await db.Reports.CountAsync(r => r.Campaign!.Code == Code));

        // The limits themselves are figures.
        var atLimit = await ReadAsync(await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = 0, values = Values("10000000") }));
        Assert.Equal(10_000_000L, atLimit.Values["police-deployments"]);
    }

    [Theory, BothDatabases]
    public async Task A_figure_beyond_its_limit_is_refused_on_the_form_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var (reporter, _) = await app.SignInAsync("jinjiang");

        var response = await TestApp.PostFormAsync(reporter, $"/campaigns/{Code}/reports/510104/2026-07-03", "report",
        [
            new("Input.Version", "0"), new("Input.Action", "submit"), new("Input.Values[police-deployments]", Huge),
            new("Input.Values[night-operations]", "1"), new("Input.Values[disputes-screened]", "5"), new("Input.Values[disputes-resolved]", "3"),
        ]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("“出动警力”超出范围：每个单位每期最多 10,000,000", html);
        await using var db = app.Db();
        Assert.Equal(0, await db.Reports.CountAsync(r => r.Campaign!.Code == Code));
    }

    [Theory, BothDatabases]
    public async Task A_figure_beyond_its_limit_refuses_the_whole_import_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"unit,date,indicator,value\n510104,2026-07-01,night-operations,2\n510105,2026-07-01,police-deployments,{Huge}\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "figures.csv");

        var response = await app.ApiAs("province").PostAsync($"/api/campaigns/{Code}/reports/import", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "value"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("10,000,000", error.GetProperty("message").GetString());
        await using var db = app.Db();
        Assert.Equal(0, await db.Reports.CountAsync(r => r.Campaign!.Code == Code));
    }

    /// <summary>Every county reports the largest allowed police deployments for five days: 183 × 5 × 10,000,000 = 9,150,000,000, past a 32-bit integer.</summary>
    [Theory, BothDatabases]
    public async Task The_largest_allowed_figures_at_every_county_add_up_exactly_in_statistics_dashboard_export_and_bulletin(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 6, 12, 0);
        await CreateAsync(app);
        List<string> counties;
        await using (var db = app.Db())
        {
            var campaignId = await db.Campaigns.Where(c => c.Code == Code).Select(c => c.Id).SingleAsync();
            counties = await db.CampaignUnits.Where(cu => cu.CampaignId == campaignId).Join(db.Units, cu => cu.UnitId, u => u.Id, (cu, u) => u.Code).ToListAsync();
        }
        Assert.Equal(183, counties.Count);
        var csv = new StringBuilder("unit,date,indicator,value\n");
        foreach (var county in counties)
            for (var day = 1; day <= 5; day++) csv.Append($"{county},2026-07-0{day},police-deployments,{FigureLimits.PersonTimes}\n");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "max.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("province").PostAsync($"/api/campaigns/{Code}/reports/import", form)).StatusCode);
        const long total = 183L * 5 * 10_000_000;

        var province = app.ApiAs("province");
        var stats = await province.GetFromJsonAsync<JsonElement>($"/api/stats?campaign={Code}&unit=510000&indicator=police-deployments&from=2026-07-01&to=2026-07-05&by=unit");
        Assert.Equal(total, stats.GetProperty("value").GetInt64());
        Assert.Equal(total, stats.GetProperty("breakdown").EnumerateArray().Sum(r => r.GetProperty("value").GetInt64()));
        var (browser, _) = await app.SignInAsync("province");
        Assert.Contains("9,150,000,000", await TestApp.PageAsync(browser, $"/campaigns/{Code}/dashboard?to=2026-07-05"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/campaigns/{Code}/dashboard.xlsx?to=2026-07-05")).StatusCode);
        var bulletin = await province.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Code}/bulletin?asOf=2026-07-05&lang=en");
        Assert.Contains("9,150,000,000", bulletin.GetProperty("text").GetString());
        var chinese = await province.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Code}/bulletin?asOf=2026-07-05&lang=zh");
        Assert.Contains("91.5亿", chinese.GetProperty("text").GetString());
    }

    /// <summary>Values stored before the limit (or by hand) must not make a read fail: two facts of long.MaxValue sum past 64 bits.</summary>
    [Theory, BothDatabases]
    public async Task Stored_values_beyond_any_limit_do_not_make_statistics_dashboard_export_or_bulletin_fail(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 6, 12, 0);
        await CreateAsync(app);
        await using (var db = app.Db())
        {
            var campaignId = await db.Campaigns.Where(c => c.Code == Code).Select(c => c.Id).SingleAsync();
            var indicatorId = await db.Indicators.Where(i => i.Code == "police-deployments").Select(i => i.Id).SingleAsync();
            foreach (var unit in new[] { "510104", "510105" })
                db.DailyFacts.Add(new DailyFact
                {
                    IndicatorId = indicatorId, CampaignId = campaignId, Day = new DateOnly(2026, 7, 2),
                    UnitId = await db.Units.Where(u => u.Code == unit).Select(u => u.Id).SingleAsync(), Value = long.MaxValue,
                });
            await db.SaveChangesAsync();
        }

        var province = app.ApiAs("province");
        var stats = await province.GetAsync($"/api/stats?campaign={Code}&unit=510000&indicator=police-deployments&from=2026-07-01&to=2026-07-05&by=unit");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal(long.MaxValue, (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetInt64());
        var (browser, _) = await app.SignInAsync("province");
        await TestApp.PageAsync(browser, $"/campaigns/{Code}/dashboard?to=2026-07-05");
        await TestApp.PageAsync(browser, $"/campaigns/{Code}/dashboard?unit=510100&to=2026-07-05");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/campaigns/{Code}/dashboard.xlsx?to=2026-07-05")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/campaigns/{Code}/bulletin?asOf=2026-07-05&lang=zh")).StatusCode);
    }
}
