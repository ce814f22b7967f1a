using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

public class ReconciliationWindowTests
{
    [Theory, BothDatabases]
    public async Task Without_dates_the_window_is_what_both_ledgers_and_reports_cover_so_the_demo_flags_only_its_planted_counties(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        // The demo's reports run to the campaign's end (30 September); its ledgers only to 20 July.
        var r = await app.ApiAs("province").GetFromJsonAsync<JsonElement>("/api/ledgers/reconciliation?campaign=summer-2022");
        Assert.Equal(("2022-06-25", "2022-07-20"), (r.GetProperty("from").GetString(), r.GetProperty("to").GetString()));
        Assert.Equal(DemoLedgers.Planted.Keys.Order(), r.GetProperty("disagreeing").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).Order());

        // A new user who opens the page as it comes, with nothing chosen.
        var (office, _) = await app.SignInAsync("province");
        var html = await TestApp.PageAsync(office, "/ledgers/reconciliation");
        Assert.Matches("id=\"to\" value=\"2022-07-20\"|value=\"2022-07-20\" id=\"to\"", html);
        var disagreeing = html[html.IndexOf("id=\"disagreeing\"", StringComparison.Ordinal)..];
        Assert.Equal(DemoLedgers.Planted.Keys.Order(), Regex.Matches(disagreeing, "<tr data-unit=\"(\\d+)\"").Select(m => m.Groups[1].Value).Order());

        // A county's window comes from its own scope, and Jinjiang's ledgers agree with its reports.
        var jinjiang = await app.ApiAs("jinjiang").GetFromJsonAsync<JsonElement>("/api/ledgers/reconciliation?campaign=summer-2022");
        Assert.Equal("2022-07-20", jinjiang.GetProperty("to").GetString());
        Assert.Empty(jinjiang.GetProperty("disagreeing").EnumerateArray());

        // Dates typed in still win: the whole campaign shows every county's ledger lower after 20 July.
        var whole = await app.ApiAs("province").GetFromJsonAsync<JsonElement>("/api/ledgers/reconciliation?campaign=summer-2022&to=2022-09-30");
        Assert.True(whole.GetProperty("disagreeing").GetArrayLength() > 100);
    }

    /// <summary>While a campaign runs, today's entries have no report until tomorrow: the window ends on the last reported day.</summary>
    [Theory, BothDatabases]
    public async Task While_the_campaign_runs_the_default_window_ends_on_the_last_reported_day_not_today(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 10, 15, 0);
        await using (var db = app.Db())
        {
            // As on 10 July at three: the ledgers hold the day's visits, the reports reach 9 July.
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == "summer-2022");
            await db.DailyFacts.Where(f => f.CampaignId == campaign.Id && f.Day >= new DateOnly(2022, 7, 10)).ExecuteDeleteAsync();
        }

        var r = await app.ApiAs("province").GetFromJsonAsync<JsonElement>("/api/ledgers/reconciliation?campaign=summer-2022");
        Assert.Equal(("2022-06-25", "2022-07-09"), (r.GetProperty("from").GetString(), r.GetProperty("to").GetString()));
        // Of the planted counties only Jinniu's gap (one visit in eight, every day) falls before 10 July; the others are on 16–20 July.
        Assert.Equal(["510106"], r.GetProperty("disagreeing").EnumerateArray().Select(u => u.GetProperty("code").GetString()!));
    }
}
