using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

/// <summary>The closed loop as the README tells it: the inspector carries out the hidden plan, records a finding and assigns an item to the county; the county submits; the inspector verifies and closes it out.</summary>
public class SupervisionJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_inspector_carries_out_the_planned_inspection_the_county_rectifies_and_the_inspector_closes_the_item_out()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        long secret;
        await using (var db = app.Db()) secret = await db.Set<InspectionPlan>().Where(p => p.Focus == DemoSupervision.SecretFocus).Select(p => p.Id).SingleAsync();
        var deadline = DateOnly.FromDateTime(app.Clock.Now.UtcDateTime).AddDays(10).ToString("yyyy-MM-dd");

        var inspector = await browser.OpenAsync(app);
        inspector.SetDefaultTimeout(45_000);
        await Support.Browser.SignInAsync(inspector, "inspector");
        await inspector.ClickAsync("#nav-supervision");
        await inspector.ClickAsync($"#plans a[href='/supervision/plans/{secret}']");
        await Assertions.Expect(inspector.Locator("#secret")).ToBeVisibleAsync();
        await inspector.ClickAsync("#carry-out");
        await inspector.FillAsync("#c-went", "inspector、王磊");
        await inspector.CheckAsync("#c-pass-1");
        await inspector.FillAsync("#c-note-0", "22时后夜市无巡逻警力");
        await inspector.FillAsync("#f-what", "春熙路夜市22时后仍无巡逻警力");
        await inspector.SelectOptionAsync("#f-severity", "serious");
        await inspector.SelectOptionAsync("#f-category", "patrol");
        await inspector.FillAsync("#f-where", "春熙路夜市");
        await inspector.FillAsync("#f-evidence", "现场照片5张");
        await Support.Browser.ScreenshotAsync(inspector, "supervision-carry-out-zh");
        await inspector.ClickAsync("#c-save");
        await Assertions.Expect(inspector.Locator("#state")).ToHaveTextAsync("已实施");
        await inspector.ClickAsync("#findings a");
        await inspector.FillAsync("#i-unit", "510104");
        await inspector.FillAsync("#i-person", "李建国");
        await inspector.FillAsync("#i-measure", "夜市固定巡逻警力，每晚签到");
        await inspector.FillAsync("#i-deadline", deadline);
        await inspector.ClickAsync("#i-save");
        await Assertions.Expect(inspector.Locator("#state")).ToHaveTextAsync("已交办");
        var item = inspector.Url[inspector.Url.IndexOf("/supervision/items/", StringComparison.Ordinal)..];
        await Assertions.Expect(inspector.Locator("#act-start")).ToHaveCountAsync(0); // the county's move, not the team's

        var county = await browser.OpenAsync(app);
        county.SetDefaultTimeout(45_000);
        await Support.Browser.SignInAsync(county, "jinjiang");
        var itemId = long.Parse(item.Split('/')[^1]);
        await county.ClickAsync("#nav-work");
        await Assertions.Expect(county.Locator($"tr[data-key='rectify:{itemId}']")).ToHaveCountAsync(1);
        await county.GotoAsync("/supervision/items?state=assigned&unit=510104");
        await county.ClickAsync($"#items a[href='{item}']");
        await county.ClickAsync("#act-start");
        await Assertions.Expect(county.Locator("#state")).ToHaveTextAsync("整改中");
        await county.FillAsync("#a-note", "已安排两组警力每晚巡逻，签到表已建立");
        await county.ClickAsync("#act-submit");
        await Assertions.Expect(county.Locator("#state")).ToHaveTextAsync("待验收");
        await Assertions.Expect(county.Locator("#act-verify")).ToHaveCountAsync(0);
        await Support.Browser.ScreenshotAsync(county, "supervision-item-submitted-zh");

        await inspector.GotoAsync(item);
        await inspector.ClickAsync("#act-verify");
        await Assertions.Expect(inspector.Locator("#state")).ToHaveTextAsync("已验收");
        await inspector.ClickAsync("#act-close-out");
        await Assertions.Expect(inspector.Locator("#state")).ToHaveTextAsync("已销号");
        await Assertions.Expect(inspector.Locator("#history tbody tr")).ToHaveCountAsync(5);
        await inspector.ClickAsync("#lang-switch");
        await Assertions.Expect(inspector.Locator("#state")).ToHaveTextAsync("Closed out");
        await Support.Browser.ScreenshotAsync(inspector, "supervision-item-closed-out-en");

        await using var check = app.Db();
        var finding = await check.Set<Finding>().SingleAsync(f => f.Inspection!.PlanId == secret);
        Assert.Equal(("春熙路夜市22时后仍无巡逻警力", "春熙路夜市", Severity.Serious, FindingCategory.Patrol), (finding.What, finding.Where, finding.Severity, finding.Category));
        var closed = await check.Set<RectificationItem>().Include(i => i.History).SingleAsync(i => i.Id == itemId);
        Assert.Equal(["Assigned", "InProgress", "Submitted", "Verified", "ClosedOut"], closed.History.OrderBy(h => h.Id).Select(h => h.To));
        Assert.Equal(["jinjiang", "jinjiang", "inspector", "inspector"], closed.History.OrderBy(h => h.Id).Skip(1).Select(h => h.By));
    }
}
