using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Tests.Evidence;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

/// <summary>The closed loop as the README tells it: the inspector carries out the hidden plan, records a finding with a photo and assigns an item to the county; the county submits with its evidence; the inspector verifies and closes it out.</summary>
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
        // A real JPEG with the camera's own time and place, as a phone takes it, chosen in the finding's file input.
        var taken = DateTimeOffset.FromUnixTimeSeconds(app.Clock.Now.ToUnixTimeSeconds() - 600).ToOffset(TimeSpan.FromHours(8));
        var photo = DemoPhotos.Jpeg(20220805, taken, 104.0817, 30.6551);
        await inspector.SetInputFilesAsync("#evidence-files", new FilePayload { Name = "夜市现场.jpg", MimeType = "image/jpeg", Buffer = photo });
        await Support.Browser.ScreenshotAsync(inspector, "supervision-carry-out-zh");
        await inspector.ClickAsync("#c-save");
        await Assertions.Expect(inspector.Locator("#state")).ToHaveTextAsync("已实施");
        await inspector.ClickAsync("#findings a");
        var photoRow = inspector.Locator("#finding-evidence tr[data-evidence]");
        await Assertions.Expect(photoRow).ToHaveCountAsync(1);
        await Assertions.Expect(photoRow.Locator("td").First).ToHaveTextAsync("夜市现场.jpg");
        await Assertions.Expect(photoRow.Locator("td.taken")).ToHaveTextAsync(taken.ToString("yyyy-MM-dd HH:mm:ss"));
        await Assertions.Expect(photoRow.Locator("td.place")).ToHaveTextAsync("104.08170, 30.65510");
        Assert.Equal(photo, await DownloadAsync(inspector, photoRow.Locator("a")));
        // More evidence later, on the finding's own page.
        await inspector.SetInputFilesAsync("#evidence-files", new FilePayload { Name = "询问笔录.pdf", MimeType = "application/pdf", Buffer = EvidenceSamples.Pdf() });
        await inspector.ClickAsync("#evidence-upload");
        await Assertions.Expect(inspector.Locator("#finding-evidence tr[data-evidence]")).ToHaveCountAsync(2);
        await Support.Browser.ScreenshotAsync(inspector, "supervision-finding-evidence-zh");
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
        var after = DemoPhotos.Jpeg(20220815, taken.AddDays(2));
        await county.SetInputFilesAsync("#evidence-files", new FilePayload { Name = "整改后夜市.jpg", MimeType = "image/jpeg", Buffer = after });
        await county.ClickAsync("#act-submit");
        await Assertions.Expect(county.Locator("#state")).ToHaveTextAsync("待验收");
        var afterRow = county.Locator("#item-evidence-1 tr[data-evidence]");
        await Assertions.Expect(afterRow).ToHaveCountAsync(1);
        await Assertions.Expect(afterRow.Locator("td").First).ToHaveTextAsync("整改后夜市.jpg");
        Assert.Equal(after, await DownloadAsync(county, afterRow.Locator("a")));
        await Assertions.Expect(county.Locator("#act-verify")).ToHaveCountAsync(0);
        await Support.Browser.ScreenshotAsync(county, "supervision-item-submitted-zh");

        await inspector.GotoAsync(item);
        Assert.Equal(after, await DownloadAsync(inspector, inspector.Locator("#item-evidence-1 tr[data-evidence] a")));
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

    /// <summary>Clicks an evidence link as a user does and returns what the browser saved.</summary>
    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }
}
