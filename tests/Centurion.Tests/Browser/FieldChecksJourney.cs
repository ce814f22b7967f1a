using System.Globalization;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

/// <summary>The main path of each of the second half's ledgers, in a real browser, with screenshots in both languages.</summary>
public class FieldChecksJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_office_draws_this_weeks_spot_checks_records_a_pass_and_a_failure_and_sees_the_failure_by_unit_and_month(string locale)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var page = await browser.OpenAsync(app, locale);
        await Support.Browser.SignInAsync(page, "province");

        await page.GotoAsync("/ledgers");
        await page.ClickAsync("#hub-spot-checks");
        await page.FillAsync("#dr-within", "510100, 510700");
        await page.FillAsync("#dr-count", "3");
        await page.ClickAsync("#dr-submit");
        await page.WaitForURLAsync("**/draws/*");
        await Assertions.Expect(page.Locator("#reproduced")).ToHaveClassAsync("ok");
        await Assertions.Expect(page.Locator("#draw-checks tbody tr")).ToHaveCountAsync(3);
        var unit = (await page.Locator("#drawn").InnerTextAsync()).Split(',')[0].Trim();
        await page.FillAsync($"#c-seconds-{unit}", "12");
        await page.CheckAsync($"#c-roster-{unit}");
        await page.CheckAsync($"#c-leader-{unit}");
        await page.CheckAsync($"#c-equipment-{unit}");
        await page.ClickAsync($"#c-save-{unit}");
        await Assertions.Expect(page.Locator($"#result-{unit}")).ToHaveTextAsync(locale == "en" ? "Passed" : "合格");

        // A second unit answers after 45 seconds, everything else in order: it fails the first rule shown on the page.
        var late = (await page.Locator("#drawn").InnerTextAsync()).Split(',')[1].Trim();
        await page.FillAsync($"#c-seconds-{late}", "45");
        await page.CheckAsync($"#c-roster-{late}");
        await page.CheckAsync($"#c-leader-{late}");
        await page.CheckAsync($"#c-equipment-{late}");
        await page.ClickAsync($"#c-save-{late}");
        await Assertions.Expect(page.Locator($"#result-{late}")).ToHaveTextAsync(locale == "en" ? "Failed" : "不合格");
        var described = DutyCheckRules.Describe(DutyCheckRules.Rule.AnsweredInTime);
        var rule = locale == "en" ? described.En : described.Zh;
        await Assertions.Expect(page.Locator($"#check-{late}")).ToContainTextAsync(rule);
        await Support.Browser.ScreenshotAsync(page, $"spot-check-draw-{locale}");

        // The spot-check page shows the rule among those it applies, and the failure under the unit and the month of the call.
        await page.ClickAsync("nav.crumbs a");
        await Assertions.Expect(page.Locator("#rules")).ToContainTextAsync(rule);
        var month = ProvinceTime.ToLocal(app.Clock.UtcNow).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var failure = page.Locator($"#failure-{late}-{month}");
        await Assertions.Expect(failure).ToBeVisibleAsync();
        await Assertions.Expect(failure.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(failure.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator($"#failures tr[id^='failure-{unit}-{month}']")).ToHaveCountAsync(0); // the one that passed
        await failure.ScrollIntoViewIfNeededAsync();
        await Support.Browser.ScreenshotAsync(page, $"spot-check-failures-{locale}");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_reporter_lists_the_countys_open_trouble_spots_and_records_a_dispute_after_a_refusal(string locale)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var page = await browser.OpenAsync(app, locale);
        await Support.Browser.SignInAsync(page, "jinjiang");

        await page.GotoAsync("/ledgers");
        await page.ClickAsync("#hub-trouble-spots");
        await page.SelectOptionAsync("#f-state", "open");
        await page.ClickAsync("#f-submit");
        var row = page.Locator("#spots tbody tr", new() { HasText = DemoFieldChecks.TwiceReopenedSpot });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Support.Browser.ScreenshotAsync(page, $"trouble-spots-open-{locale}");
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#recurrence-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(6);
        await Support.Browser.ScreenshotAsync(page, $"trouble-spot-detail-{locale}");

        await page.GotoAsync("/ledgers/disputes");
        await page.ClickAsync("#new-dispute");
        await page.FillAsync("#d-unit", "510104001");
        await page.FillAsync("#d-parties", "王某 13812345678");
        await page.FillAsync("#d-place", "锦江区某小区");
        await page.FillAsync("#d-found-on", "2022-07-15");
        await page.ClickAsync("#d-save");
        await Assertions.Expect(page.Locator("#form-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#d-place")).ToHaveValueAsync("锦江区某小区");
        await Support.Browser.ScreenshotAsync(page, $"dispute-refused-{locale}");
        await page.FillAsync("#d-parties", "王某与李某");
        await page.ClickAsync("#d-save");
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/ledgers/disputes/\d+$"));
        await page.ClickAsync("#act-mediate");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(locale == "en" ? "Mediating" : "调解中");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(2);
        await Support.Browser.ScreenshotAsync(page, $"dispute-detail-{locale}");
    }
}
