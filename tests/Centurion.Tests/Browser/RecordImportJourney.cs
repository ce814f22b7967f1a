using System.Text;
using Centurion.Data;
using Centurion.Tests.Records;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

public class RecordImportJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_unit_leader_uploads_a_file_sees_the_bad_row_then_uploads_a_good_one_and_sees_the_counts()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        var page = await browser.OpenAsync(app, locale: "en");
        await Support.Browser.SignInAsync(page, "chengdu");

        await page.ClickAsync("a[href='/records/import']");
        await page.WaitForURLAsync("**/records/import");
        var bad = RecordFiles.Csv([.. RecordFiles.GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,2022-06-30,1,street,,false"]);
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.ClickAsync("#import-submit");

        var errors = page.Locator("#import-errors");
        await Assertions.Expect(errors).ToBeVisibleAsync();
        var row = errors.Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("4");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("solved_on");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync("before the filed date");
        await Support.Browser.ScreenshotAsync(page, "records-import-refused");
        await using (var db = app.Db()) Assert.Equal(0, await RecordImportTests.Imported(db).CountAsync());

        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(RecordFiles.Csv(RecordFiles.GoodJinjiangRows)) });
        await page.ClickAsync("#import-submit");

        await Assertions.Expect(page.Locator("#import-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#count-inserted")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#count-rows")).ToHaveTextAsync("2");
        await Support.Browser.ScreenshotAsync(page, "records-import-done");
        await using (var db = app.Db()) Assert.Equal(2, await RecordImportTests.Imported(db).CountAsync());
    }
}
