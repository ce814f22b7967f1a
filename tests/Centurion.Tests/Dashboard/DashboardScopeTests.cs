using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Centurion.Tests.Dashboard;

public class DashboardScopeTests
{
    [Theory, BothDatabases]
    public async Task A_leader_sees_their_prefecture_and_its_counties_and_nothing_outside(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await leader.GetAsync("/campaigns/summer-2022/dashboard?to=2022-07-20");
        var outside = await leader.GetAsync("/campaigns/summer-2022/dashboard?unit=510700&to=2022-07-20");

        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("id=\"dashboard-title\">成都市<", html);
        Assert.Contains("锦江区", html);
        Assert.DoesNotContain("绵阳", html);
        Assert.DoesNotContain("prefecture-map", html); // the map is the province's view
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_xlsx_export_holds_each_county_and_adds_up_to_the_prefecture(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (leader, _) = await app.SignInAsync("chengdu");

        var response = await leader.GetAsync("/campaigns/summer-2022/dashboard.xlsx?to=2022-07-20");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(20, rows.Count);
        // Independently of the statistics: Chengdu's counties' effective report values in the window.
        await using var db = app.Db();
        var from = new DateOnly(2022, 6, 25);
        var to = new DateOnly(2022, 7, 20);
        var chengdu = await db.Units.SingleAsync(u => u.Code == "510100");
        var expected = await db.ReportValues
            .Where(v => v.Indicator!.Code == "police-deployments" && db.UnitLinks.Any(l => l.AncestorId == chengdu.Id && l.DescendantId == v.UnitId))
            .Join(db.ReportRevisions.Where(r => r.Effective), v => v.RevisionId, r => r.Id, (v, r) => new { v.Value, r.Report!.PeriodStart, r.Report.CampaignId, Code = r.Report.Campaign!.Code })
            .Where(x => x.Code == "summer-2022" && x.PeriodStart >= from && x.PeriodStart <= to)
            .SumAsync(x => x.Value);
        Assert.Equal(expected, rows.Sum(r => Convert.ToInt64(r["出动警力"])));
    }
}
