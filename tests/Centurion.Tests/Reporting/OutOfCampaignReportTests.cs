using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Reporting;

/// <summary>
/// Figures are filed only for periods of the campaign (summer-2022: 25 June – 30 September 2022). A report for a day outside it
/// would escape the campaign's checks and move comparisons (the day before the start lies in the window the first weeks are
/// compared with); only the campaign office's baseline import stores figures outside the campaign.
/// </summary>
public class OutOfCampaignReportTests
{
    private static readonly string[] Outside = ["2030-01-01", "2022-06-24"];

    private static Dictionary<string, long?> Figures(long v) => new()
    {
        ["police-deployments"] = v, ["patrols"] = v, ["social-forces"] = v, ["disputes-screened"] = v, ["disputes-resolved"] = 0,
        ["night-operations"] = v, ["key-places-checked"] = v,
    };

    [Theory, BothDatabases]
    public async Task The_api_refuses_to_file_a_report_for_a_period_outside_the_campaign_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 1, 9, 0);
        var reporter = app.ApiAs("jinjiang");

        foreach (var date in Outside)
        {
            var url = $"/api/campaigns/summer-2022/reports/510104/{date}";
            foreach (var response in new[]
            {
                await reporter.PutAsJsonAsync(url, new { version = 0, values = Figures(500) }),
                await reporter.PostAsJsonAsync(url + "/submit", new { version = 0, values = Figures(500) }),
                await reporter.PostAsJsonAsync(url + "/nil", new { version = 0 }),
            })
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{date}: {(int)response.StatusCode} {body}");
                Assert.Contains("不在专项行动期内", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
            }
            var read = await reporter.GetFromJsonAsync<JsonElement>(url);
            Assert.Equal(("not-started", false), (read.GetProperty("status").GetString(), read.GetProperty("canFile").GetBoolean()));
        }
        await AssertNothingStoredAsync(app);
    }

    [Theory, BothDatabases]
    public async Task The_report_page_shows_why_it_cannot_be_filed_and_its_form_post_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 1, 9, 0);
        var (reporter, _) = await app.SignInAsync("jinjiang");
        await TestApp.InEnglishAsync(reporter);

        foreach (var date in Outside)
        {
            var url = $"/campaigns/summer-2022/reports/510104/{date}";
            var page = await TestApp.PageAsync(reporter, url);
            Assert.Contains("outside the campaign", page);
            Assert.DoesNotContain("id=\"submit\"", page);

            var fields = Figures(500).Select(f => new KeyValuePair<string, string>($"Input.Values[{f.Key}]", f.Value!.Value.ToString()))
                .Append(new("Input.Version", "0")).Append(new("Input.Action", "submit"));
            var posted = await TestApp.PostFormAsync(reporter, url, "report", fields, crafted: true);
            var html = await posted.Content.ReadAsStringAsync();
            Assert.True(posted.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{(int)posted.StatusCode}\n{html}");
            Assert.Contains("outside the campaign", html);
        }
        await AssertNothingStoredAsync(app);
    }

    private static async Task AssertNothingStoredAsync(TestApp app)
    {
        await using var db = app.Db();
        var days = Outside.Select(DateOnly.Parse).ToList();
        Assert.False(await db.Reports.AnyAsync(r => r.Unit!.Code == "510104" && days.Contains(r.PeriodStart)));
    }
}
