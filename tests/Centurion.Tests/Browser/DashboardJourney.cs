using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

public class DashboardJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_province_sees_the_source_figures_then_drills_into_Chengdu_on_the_map_in_both_languages()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var page = await browser.OpenAsync(app);

        await Support.Browser.SignInAsync(page, "province");
        await page.Locator("#home-campaigns a").First.ClickAsync();
        await page.ClickAsync("#dashboard");
        await page.FillAsync("#to", "2022-07-20");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**to=2022-07-20**");

        var deployments = page.Locator(".card[data-indicator='police-deployments']");
        await Assertions.Expect(deployments.Locator(".card-value")).ToHaveTextAsync("168,000");
        await Assertions.Expect(page.Locator(".card[data-indicator='criminal-cases-filed'] .delta").First).ToContainTextAsync("−14%");
        await Assertions.Expect(page.Locator(".card[data-indicator='public-order-cases'] .delta").Nth(1)).ToContainTextAsync("−36%");
        await Assertions.Expect(page.Locator("#prefecture-map a.prefecture")).ToHaveCountAsync(21);
        await Support.Browser.ScreenshotAsync(page, "dashboard-province-zh");

        await page.Locator("#prefecture-map a[data-code='510100']").ClickAsync();
        await page.WaitForURLAsync("**unit=510100**");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToHaveTextAsync("成都市");
        await Assertions.Expect(page.Locator("#units-table tbody tr")).ToHaveCountAsync(20);

        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Locator("#dashboard-title")).ToHaveTextAsync("Chengdu");
        await Support.Browser.ScreenshotAsync(page, "dashboard-chengdu-en");
        await page.GotoAsync("/campaigns/summer-2022/dashboard?to=2022-07-20");
        await Assertions.Expect(page.Locator(".card[data-indicator='police-deployments'] .card-value")).ToHaveTextAsync("168,000");
        await Support.Browser.ScreenshotAsync(page, "dashboard-province-en");
    }
}
