using Centurion.Data;
using Centurion.Features.Ledgers.Visits;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

public class VisitLedgerJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_reporter_records_a_patrol_visit_from_a_phone_sized_window_in_both_languages()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var context = await browser.Chromium.NewContextAsync(new()
        {
            Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, BaseURL = Support.Browser.BaseUrl(app), IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(45_000); // generous: CI and shared build machines are slow, and a timeout here tests nothing
        var page = await context.NewPageAsync();
        await Support.Browser.SignInAsync(page, "jinjiang");

        await page.ClickAsync("#nav-ledgers");
        await page.ClickAsync("#hub-visits");
        await page.ClickAsync("#new-visit");
        await Assertions.Expect(page.Locator("#visit-form")).ToBeVisibleAsync();
        var place = await page.Locator("#place option").Nth(1).GetAttributeAsync("value");
        await page.SelectOptionAsync("#place", place!);
        await page.FillAsync("#findings", "消防通道堵塞，已责令整改。");
        await page.FillAsync("#police", "0");
        await page.ClickAsync("#save"); // nobody took part: refused, what was typed stays
        await Assertions.Expect(page.Locator("span.error[data-field=police]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#findings")).ToHaveValueAsync("消防通道堵塞，已责令整改。");
        await Assertions.Expect(page.Locator("#place")).ToHaveValueAsync(place!);
        await Support.Browser.ScreenshotAsync(page, "ledger-visit-form-390-refused-zh");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the form fits a 390-pixel-wide screen");

        await page.FillAsync("#police", "3");
        await page.FillAsync("#social", "2");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#visit-police")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#visit-findings")).ToHaveTextAsync("消防通道堵塞，已责令整改。");
        await Support.Browser.ScreenshotAsync(page, "ledger-visit-saved-390-zh");

        // The same in English, a patrol of an area rather than a place.
        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/ledgers/visits/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a patrol visit");
        await page.FillAsync("#area", "Chunxi Road");
        await page.FillAsync("#police", "4");
        await Support.Browser.ScreenshotAsync(page, "ledger-visit-form-390-en");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#visit-area")).ToHaveTextAsync("Chunxi Road");
        await Support.Browser.ScreenshotAsync(page, "ledger-visit-saved-390-en");

        await using var db = app.Db();
        var recorded = await db.Set<PatrolVisit>().Where(v => v.RecordedBy == "jinjiang" && v.RecordedUtc > app.Clock.Now.UtcDateTime.AddHours(-1)).ToListAsync();
        Assert.Equal([(3, 2), (4, 0)], recorded.OrderBy(v => v.Id).Select(v => (v.Police, v.SocialForces)));
        Assert.Equal(long.Parse(place!), recorded.OrderBy(v => v.Id).First().KeyPlaceId);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_campaign_office_sees_the_planted_disagreements_and_the_map_of_key_places()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var page = await browser.OpenAsync(app, locale: "en");
        page.SetDefaultTimeout(60_000); // the province-wide reconciliation is the heaviest page; the build machine is shared
        await Support.Browser.SignInAsync(page, "province");

        await page.ClickAsync("#nav-ledgers");
        await Assertions.Expect(page.Locator("#hub-reconciliation")).ToHaveAttributeAsync("href", "/ledgers/reconciliation");
        await page.GotoAsync("/ledgers/reconciliation?campaign=summer-2022&from=2022-06-25&to=2022-07-20"); // as the README says
        await Assertions.Expect(page.Locator("#disagreeing tbody tr")).ToHaveCountAsync(Features.Demo.DemoLedgers.Planted.Count);
        await Assertions.Expect(page.Locator("#disagreeing tr[data-unit='510781'] [data-indicator='night-operations']")).ToContainTextAsync("Ledger lower −2");
        await Assertions.Expect(page.Locator("#reconciliation tr.flagged")).ToHaveCountAsync(5);
        await Support.Browser.ScreenshotAsync(page, "ledger-reconciliation-en");

        await page.GotoAsync("/ledgers/map?unit=510100");
        await Assertions.Expect(page.Locator("#key-place-map a.point").First).ToBeVisibleAsync();
        await Support.Browser.ScreenshotAsync(page, "ledger-map-chengdu-en");
        await page.Locator("#key-place-map a.point").First.ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator("#state-history")).ToBeVisibleAsync();
    }
}
