using System.Globalization;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

/// <summary>
/// The main path of the ledgers the other journeys leave out (key places, night operations, hazards, trouble spots, screening), walked once
/// in Chinese with a screenshot each and looked at again in English; then the campaign office's first look at the reconciliation.
/// One app and one test, to keep the suite fast.
/// </summary>
public class LedgerMainPathsJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    private static readonly Regex Detail = new(@"/ledgers/[a-z-]+/\d+(\?.*)?$");

    [Fact]
    public async Task A_reporter_walks_each_ledgers_main_path_and_the_office_opens_the_reconciliation_as_it_comes()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var today = ProvinceTime.Today(app.Clock);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await browser.OpenAsync(app, "zh-CN");
        await Support.Browser.SignInAsync(page, "jinjiang");

        // Key place: registered, then its page.
        await page.GotoAsync("/ledgers");
        await page.ClickAsync("#hub-key-places");
        await page.ClickAsync("#new-key-place");
        await page.SelectOptionAsync("#unit", "510104001");
        await page.SelectOptionAsync("#type", "bbq-stall");
        await page.SelectOptionAsync("#risk", "High");
        await page.FillAsync("#name", "旅程测试烧烤");
        await page.FillAsync("#address", "锦江区旅程路 8 号");
        await page.FillAsync("#longitude", "104.09");
        await page.FillAsync("#latitude", "30.65");
        await page.FillAsync("#hours", "18:00–02:00");
        await page.ClickAsync("#save");
        await page.WaitForURLAsync(Detail);
        var place = page.Url;
        await Assertions.Expect(page.Locator("#place-name")).ToHaveTextAsync("旅程测试烧烤");
        await Support.Browser.ScreenshotAsync(page, "ledger-key-place-zh");

        // Night operation.
        await page.GotoAsync("/ledgers/night-operations");
        await page.ClickAsync("#new-night-operation");
        await page.FillAsync("#date", Day(-1));
        await page.FillAsync("#placesCovered", "6");
        await page.FillAsync("#police", "12");
        await page.FillAsync("#peopleChecked", "40");
        await page.FillAsync("#suspectsCaught", "1");
        await page.FillAsync("#casesOpened", "1");
        await page.FillAsync("#notes", "清查春熙路周边烧烤摊。");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
        var operation = page.Url;
        await Support.Browser.ScreenshotAsync(page, "ledger-night-operation-zh");

        // Latent hazard: found, then assigned.
        await page.GotoAsync("/ledgers/hazards");
        await page.ClickAsync("#new-hazard");
        await page.FillAsync("#h-unit", "510104001");
        await page.FillAsync("#h-description", "夜市电线私拉乱接");
        await page.FillAsync("#h-place", "锦江区夜市");
        await page.SelectOptionAsync("#h-risk", "high");
        await page.FillAsync("#h-found-on", Day(0));
        await page.FillAsync("#h-deadline", Day(7));
        await page.ClickAsync("#h-save");
        await page.WaitForURLAsync(Detail);
        var hazard = page.Url;
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已发现");
        await page.FillAsync("#a-assigned-to", "张警官");
        await page.ClickAsync("#act-assign");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已交办");
        await Support.Browser.ScreenshotAsync(page, "ledger-hazard-assigned-zh");

        // Trouble spot: listed, then cleared with the evidence; it waits for its re-check and shows grey on the map.
        await page.GotoAsync("/ledgers/trouble-spots");
        await page.ClickAsync("#new-spot");
        await page.FillAsync("#t-unit", "510104");
        await page.FillAsync("#t-name", "旅程测试广场");
        await page.FillAsync("#t-reason", "夜间聚集滋事警情多发");
        await page.FillAsync("#t-leader", "李某（分管副局长）");
        await page.FillAsync("#t-deadline", Day(14));
        await page.FillAsync("#t-lon", "104.08");
        await page.FillAsync("#t-lat", "30.66");
        await page.ClickAsync("#t-save");
        await page.WaitForURLAsync(Detail);
        var spot = page.Url;
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已挂牌");
        await page.FillAsync("#a-note", "增设固定岗亭，连续两周无相关警情");
        await page.ClickAsync("#act-clear");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("待复查");
        await Assertions.Expect(page.Locator("#recheck-wait")).ToBeVisibleAsync();
        await Support.Browser.ScreenshotAsync(page, "ledger-trouble-spot-cleared-zh");
        var spotId = spot.Split('/')[^1];

        await page.GotoAsync("/ledgers/map");
        await Assertions.Expect(page.Locator($"#key-place-map a[data-spot='{spotId}']")).ToHaveClassAsync(new Regex(@"\bdone\b"));
        await Assertions.Expect(page.Locator("#key-place-map a.spot.open.recurring")).ToHaveCountAsync(1); // 春熙路夜市, reopened twice
        await Support.Browser.ScreenshotAsync(page, "ledger-map-jinjiang-zh");

        // Dispute screening: Jinjiang corrects its record for the demo's second round (25 June – 8 July, 9 – 22 July).
        await page.GotoAsync("/ledgers/screening");
        await page.SelectOptionAsync("#s-round", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#s-unit", "510104");
        await page.FillAsync("#s-on", "2022-07-15");
        await page.FillAsync("#s-places", "30");
        await page.FillAsync("#s-households", "120");
        await page.FillAsync("#s-found", "2");
        await page.ClickAsync("#s-save");
        await Assertions.Expect(page.Locator("#screening-ok")).ToBeVisibleAsync();
        await Support.Browser.ScreenshotAsync(page, "ledger-screening-zh");

        // The same pages in English.
        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/ledgers/map");
        await Assertions.Expect(page.Locator("#map-legend")).ToContainTextAsync("Trouble spot, open (red)");
        await Support.Browser.ScreenshotAsync(page, "ledger-map-jinjiang-en");
        foreach (var (url, name) in new[] { (place, "key-place"), (operation, "night-operation"), (hazard, "hazard-assigned"), ("/ledgers/screening", "screening"), (spot, "trouble-spot-cleared") })
        {
            await page.GotoAsync(url);
            await Support.Browser.ScreenshotAsync(page, $"ledger-{name}-en");
        }
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Cleared");
        await page.CloseAsync();

        // Done means: the office opens the reconciliation without choosing anything and sees the planted counties flagged.
        var office = await browser.OpenAsync(app, "zh-CN");
        office.SetDefaultTimeout(60_000); // the province-wide reconciliation is the heaviest page; the build machine is shared
        await Support.Browser.SignInAsync(office, "province");
        await office.GotoAsync("/ledgers");
        await office.ClickAsync("#hub-reconciliation");
        await Assertions.Expect(office.Locator("#to")).ToHaveValueAsync("2022-07-20");
        await Assertions.Expect(office.Locator("#disagreeing tbody tr")).ToHaveCountAsync(DemoLedgers.Planted.Count);
        await Assertions.Expect(office.Locator("#reconciliation tr.flagged")).ToHaveCountAsync(5);
        await Support.Browser.ScreenshotAsync(office, "ledger-reconciliation-default-zh");
        await office.GotoAsync("/ledgers/screening"); // who has not screened: Leshan Shizhong in round 1, Shiqu in round 2
        await Assertions.Expect(office.Locator("#round-1 .missing")).ToContainTextAsync("511102");
        await Assertions.Expect(office.Locator("#round-2 .missing")).ToContainTextAsync("513332");
        await Support.Browser.ScreenshotAsync(office, "ledger-screening-missing-zh");
    }
}
