using System.Text;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

/// <summary>
/// A reporter imports a ledger file from the page: a bad one is refused with its rows and nothing stored, a good one is summarised.
/// In Chinese, then the same in English (with a dry run), a screenshot of each.
/// </summary>
public class LedgerImportJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    private const string Header = "campaign,round,unit,screened_on,places,households,disputes_found";

    [Fact]
    public async Task A_reporter_uploads_a_bad_screening_file_sees_the_rows_refused_then_a_good_one_and_sees_the_summary()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        async Task<List<(long, int, int, int)>> ScreeningsAsync()
        {
            await using var db = app.Db();
            return [.. (await db.Set<Screening>().OrderBy(s => s.Id).ToListAsync()).Select(s => (s.Id, s.Places, s.Households, s.DisputesFound))];
        }
        var before = await ScreeningsAsync();
        // Row 3 is Mianyang's (out of Jinjiang's scope), row 4 a negative count.
        var bad = $"{Header}\nsummer-2022,1,510104,2022-07-05,31,121,3\nsummer-2022,1,510703,2022-07-05,10,20,1\nsummer-2022,2,510104,2022-07-15,-1,120,2\n";
        var good = $"{Header}\nsummer-2022,1,510104,2022-07-05,31,121,3\nsummer-2022,2,510104,2022-07-15,30,120,2\n";

        var page = await browser.OpenAsync(app, "zh-CN");
        await Support.Browser.SignInAsync(page, "jinjiang");
        await page.GotoAsync("/ledgers");
        await page.ClickAsync("#hub-import");
        await page.WaitForURLAsync("**/ledgers/import");

        async Task UploadAsync(string name, string csv, bool dryRun = false)
        {
            await page.SelectOptionAsync("#import-ledger", "screenings");
            await page.SetInputFilesAsync("#import-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            if (dryRun) await page.CheckAsync("#import-dry-run");
            await page.ClickAsync("#import-submit");
        }

        async Task ExpectRefusedAsync(string outOfScope, string negative)
        {
            var rows = page.Locator("#import-errors tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("3");
            await Assertions.Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("unit");
            await Assertions.Expect(rows.Nth(0).Locator("td").Nth(3)).ToContainTextAsync(outOfScope);
            await Assertions.Expect(rows.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("4");
            await Assertions.Expect(rows.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("places");
            await Assertions.Expect(rows.Nth(1).Locator("td").Nth(3)).ToContainTextAsync(negative);
            Assert.Equal(before, await ScreeningsAsync());
        }

        await UploadAsync("bad.csv", bad);
        await ExpectRefusedAsync("您的管辖范围内没有单位 510703", "不小于 0 的整数");
        await Support.Browser.ScreenshotAsync(page, "ledger-import-refused-zh");

        await UploadAsync("good.csv", good);
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("已导入");
        await Assertions.Expect(page.Locator("#count-rows")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#count-updated")).ToHaveTextAsync("2"); // Jinjiang had screened in both rounds: corrected
        await Support.Browser.ScreenshotAsync(page, "ledger-import-done-zh");
        var after = await ScreeningsAsync();
        Assert.Equal(before.Count, after.Count);
        await using (var db = app.Db())
        {
            var jinjiang = await db.Units.Where(u => u.Code == "510104").Select(u => u.Id).SingleAsync();
            Assert.Equal([(31, 121, 3), (30, 120, 2)], (await db.Set<Screening>().Where(s => s.UnitId == jinjiang).OrderBy(s => s.ScreenedOn).ToListAsync())
                .Select(s => (s.Places, s.Households, s.DisputesFound)));
        }

        // In English: the same refusal in the user's language, then a dry run of the good file (now unchanged), nothing stored.
        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/ledgers/import");
        before = after;
        await UploadAsync("bad.csv", bad);
        await ExpectRefusedAsync("There is no unit 510703 in your scope", "0 or more");
        await Support.Browser.ScreenshotAsync(page, "ledger-import-refused-en");
        await UploadAsync("good.csv", good, dryRun: true);
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("nothing stored");
        await Assertions.Expect(page.Locator("#count-unchanged")).ToHaveTextAsync("2");
        await Support.Browser.ScreenshotAsync(page, "ledger-import-done-en");
        Assert.Equal(before, await ScreeningsAsync());
    }
}
