using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Centurion.Data;
using System.Text.Json;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Centurion.Tests.Dashboard;

/// <summary>What a new user saw wrong on the demo dashboard and completeness page (issue 13, defect 4).</summary>
public class DashboardFiguresTests
{
    [Theory, BothDatabases]
    public async Task The_map_fades_prefectures_only_where_a_significance_test_applies(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (office, _) = await app.SignInAsync("province");

        var personTimes = await TestApp.PageAsync(office, "/campaigns/summer-2022/dashboard?to=2022-07-20&indicator=police-deployments");
        var cases = await TestApp.PageAsync(office, "/campaigns/summer-2022/dashboard?to=2022-07-20&indicator=criminal-cases-filed");

        Assert.Equal(21, Regex.Count(Map(personTimes), "<path "));
        Assert.DoesNotContain("not-significant", Map(personTimes));
        Assert.Contains("class=\"not-significant\"", Map(cases)); // counts are tested, and some prefectures' changes are noise
    }

    [Theory, BothDatabases]
    public async Task The_reports_due_box_follows_as_of(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (office, _) = await app.SignInAsync("province");

        var page = await TestApp.PageAsync(office, "/campaigns/summer-2022/dashboard?to=2022-07-20");

        // Daily reports due at 10:00 the next day: on 20 July the report due is 19 July's.
        Assert.Contains("报表报送（2022-07-19 期）", page);
    }

    [Theory, BothDatabases]
    public async Task A_countys_units_table_has_a_row_for_what_is_filed_on_the_county_itself_so_it_adds_up(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, "/campaigns/summer-2022/dashboard?unit=510104&to=2022-07-20");
        var xlsx = await leader.GetAsync("/campaigns/summer-2022/dashboard.xlsx?unit=510104&to=2022-07-20");

        var table = page[page.IndexOf("id=\"units-table\"")..];
        Assert.Contains("锦江区（本级）", table);
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("510104", rows[^1]["代码"]);
        var api = app.ApiAs("chengdu");
        foreach (var (indicator, column) in new[] { ("police-deployments", "出动警力"), ("criminal-cases-filed", "刑事案件立案") })
        {
            var stats = await api.GetFromJsonAsync<JsonElement>($"/api/stats?campaign=summer-2022&unit=510104&indicator={indicator}&from=2022-06-25&to=2022-07-20");
            var total = stats.GetProperty("value").GetInt64();
            Assert.True(total > 0);
            Assert.Equal(total, rows.Sum(r => Convert.ToInt64(r[column])));
        }
    }

    [Theory, BothDatabases]
    public async Task Completeness_never_shows_100_percent_unless_every_report_came_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var chengdu = await db.Units.SingleAsync(u => u.Code == "510100");
        var (start, end) = (new DateOnly(2022, 6, 25), new DateOnly(2022, 9, 30)); // the campaign's 98 days, not last year's baseline
        var received = await db.Reports.CountAsync(r => r.Campaign!.Code == "summer-2022" && r.FirstSubmittedUtc != null
            && r.PeriodStart >= start && r.PeriodStart <= end
            && db.UnitLinks.Any(l => l.AncestorId == chengdu.Id && l.DescendantId == r.UnitId));
        Assert.Equal(1958, received); // of 20 counties × 98 days = 1,960: 1,958 / 1,960 = 99.897...%
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, "/campaigns/summer-2022/completeness");

        var total = Regex.Match(page, "<tr class=\"total\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"num\">1960</td><td class=\"num\">1958</td>", total);
        Assert.EndsWith("<td class=\"num\">99.8%</td></tr>", total);
        Assert.DoesNotContain("100%", total);
    }

    private static string Map(string html) => html[html.IndexOf("id=\"prefecture-map\"")..html.IndexOf("</svg>", html.IndexOf("id=\"prefecture-map\""))];
}
