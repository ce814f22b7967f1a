using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

public class UnitTreeJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_demo_user_signs_in_switches_language_and_sees_the_unit_tree_in_both()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var page = await browser.OpenAsync(app);

        await Support.Browser.SignInAsync(page, "province");
        // The stylesheet reaches the browser (a precompressed asset once came through empty).
        await Assertions.Expect(page.Locator(".topbar")).ToHaveCSSAsync("background-color", "rgb(18, 50, 92)");
        await page.GotoAsync("/units");
        var tree = page.Locator("#unit-tree");
        await Assertions.Expect(tree.GetByText("成都市", new() { Exact = true })).ToBeVisibleAsync();
        await tree.Locator("summary", new() { HasText = "成都市" }).Locator("span.count").ClickAsync();
        await Assertions.Expect(tree.GetByText("锦江区", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(21, await tree.Locator("> ul > li").CountAsync());
        await Support.Browser.ScreenshotAsync(page, "units-zh");

        await page.ClickAsync("#lang-switch");
        // The form posts and redirects back to the same address, so waiting for the address proves nothing
        // (and raced the load event): wait for the English page itself.
        await Assertions.Expect(tree.GetByText("Chengdu", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/units$"));
        await tree.Locator("summary", new() { HasText = "Chengdu" }).Locator("span.count").ClickAsync();
        await Assertions.Expect(tree.GetByText("Jinjiang District", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Support.Browser.ScreenshotAsync(page, "units-en");

        await page.GotoAsync("/units/510104");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Jinjiang District");
    }
}
