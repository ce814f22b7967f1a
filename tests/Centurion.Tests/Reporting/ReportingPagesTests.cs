using System.Net;
using Centurion.Data;
using Centurion.Tests.Support;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

/// <summary>The reporting pages show only what lies in the signed-in user's subtree.</summary>
public class ReportingPagesTests
{
    private static readonly DateOnly Day = new(2026, 7, 3);

    [Theory, BothDatabases]
    public async Task The_approvals_page_lists_submitted_reports_below_the_leader_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        await FileAsync(app, "jinjiang", "510104", Day, 100);
        await FileAsync(app, "mianyang", "510703", Day, 100);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, $"/campaigns/{Code}/approvals");

        Assert.Contains("锦江区", page);
        Assert.DoesNotContain("涪城区", page);
        var (reporter, _) = await app.SignInAsync("jinjiang");
        Assert.Contains("没有待审核的报表", await TestApp.PageAsync(reporter, $"/campaigns/{Code}/approvals"));
    }

    [Theory, BothDatabases]
    public async Task A_report_page_of_another_county_is_not_found_and_ones_own_shows_the_form(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var (reporter, _) = await app.SignInAsync("jinjiang");

        var other = await reporter.GetAsync($"/campaigns/{Code}/reports/510105/2026-07-03");
        var own = await TestApp.PageAsync(reporter, $"/campaigns/{Code}/reports/510104/2026-07-03");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("青羊区", await other.Content.ReadAsStringAsync());
        Assert.Contains("id=\"v-police-deployments\"", own);
        Assert.Contains("2026-07-04 10:00", own); // the deadline, in province time
    }

    [Theory, BothDatabases]
    public async Task The_completeness_page_rolls_up_the_leaders_counties_and_lists_who_has_not_reported(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 11, 0);
        await CreateAsync(app);
        await FileAsync(app, "jinjiang", "510104", Day, 100);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, $"/campaigns/{Code}/completeness");

        var outstanding = page[page.IndexOf("id=\"outstanding\"")..];
        Assert.Contains("510105", outstanding);
        Assert.DoesNotContain("510104", outstanding);
        Assert.DoesNotContain("510703", page);
        Assert.Contains("19 / 20", page);
    }
}
