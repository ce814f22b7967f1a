using Centurion.Data;
using Centurion.Tests.Reporting;
using Centurion.Tests.Support;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

public class ReportingJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task A_county_reporter_files_the_leader_returns_the_reporter_corrects_and_the_leader_approves()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        app.Clock.SetLocal(2026, 7, 4, 9, 30);
        await TestCampaign.CreateAsync(app);
        var reporter = await browser.OpenAsync(app);
        var leader = await browser.OpenAsync(app);

        // The reporter finds today's report from the campaign page and files it.
        await Support.Browser.SignInAsync(reporter, "jinjiang");
        await reporter.ClickAsync("text=测试行动");
        await reporter.ClickAsync("#my-report");
        await Assertions.Expect(reporter.Locator("h1")).ToContainTextAsync("2026-07-03");
        await reporter.FillAsync("#v-police-deployments", "120");
        await reporter.FillAsync("#v-night-operations", "2");
        await reporter.FillAsync("#v-disputes-screened", "9");
        await reporter.FillAsync("#v-disputes-resolved", "12"); // more resolved than screened: refused, typed values kept
        await reporter.ClickAsync("#submit");
        await Assertions.Expect(reporter.Locator("#form-error")).ToContainTextAsync("化解矛盾纠纷");
        await Assertions.Expect(reporter.Locator("#v-police-deployments")).ToHaveValueAsync("120");
        await reporter.FillAsync("#v-disputes-resolved", "6");
        await reporter.ClickAsync("#submit");
        await Assertions.Expect(reporter.Locator("#status")).ToHaveTextAsync("已上报，待审核");
        await Assertions.Expect(reporter.Locator("#timeliness")).ToHaveTextAsync("按时");

        // The prefecture leader finds it waiting and returns it with a reason.
        await Support.Browser.SignInAsync(leader, "chengdu");
        await leader.GotoAsync($"/campaigns/{TestCampaign.Code}/approvals");
        await leader.Locator("#waiting").GetByText("查看").First.ClickAsync();
        await leader.FillAsync("#return-text", "出动警力与排班表不符，请核实");
        await leader.ClickAsync("#return");
        await Assertions.Expect(leader.Locator("#status")).ToHaveTextAsync("已退回");

        // The reporter sees why, corrects and resubmits.
        await reporter.ReloadAsync();
        await Assertions.Expect(reporter.Locator("#return-reason")).ToContainTextAsync("排班表");
        await reporter.FillAsync("#v-police-deployments", "112");
        await reporter.ClickAsync("#submit");
        await Assertions.Expect(reporter.Locator("#status")).ToHaveTextAsync("已上报，待审核");

        // The leader approves; the report is locked and its history shows both versions of the figure.
        await leader.GotoAsync($"/campaigns/{TestCampaign.Code}/approvals");
        await leader.Locator("#waiting").GetByText("查看").First.ClickAsync();
        await Support.Browser.ScreenshotAsync(leader, "report-review-zh");
        await leader.ClickAsync("#approve");
        await Assertions.Expect(leader.Locator("#status")).ToHaveTextAsync("已审核");
        await reporter.ReloadAsync();
        await Assertions.Expect(reporter.Locator("#v-police-deployments")).ToHaveCountAsync(0);
        await Assertions.Expect(reporter.Locator("#start-correction")).ToBeVisibleAsync();
        await reporter.ClickAsync("#lang-switch");
        await Assertions.Expect(reporter.Locator("#status")).ToHaveTextAsync("Approved");
        await Support.Browser.ScreenshotAsync(reporter, "report-approved-en");
    }
}
