using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

public class CampaignPlanJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Fact]
    public async Task The_campaign_office_moves_a_phase_and_adds_a_key_task_with_its_responsible_unit_and_person()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        app.Clock.SetLocal(2022, 7, 10, 9, 0);
        var page = await browser.OpenAsync(app);
        await Support.Browser.SignInAsync(page, "province");
        await page.GotoAsync("/campaigns/summer-2022");
        await page.ClickAsync("#edit-plan");

        // An overlapping phase is refused beside its date, and what was typed stays.
        var consolidation = page.Locator("form.plan-row", new() { Has = page.Locator("input[value='巩固深化']") });
        await consolidation.Locator("input[name=startDate]").FillAsync("2022-08-25");
        await consolidation.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        consolidation = page.Locator("form.plan-row", new() { Has = page.Locator("input[value='巩固深化']") });
        await Assertions.Expect(consolidation.Locator("span.error[data-field=startDate]")).ToContainTextAsync("集中打击");
        await Assertions.Expect(consolidation.Locator("input[name=startDate]")).ToHaveValueAsync("2022-08-25");
        await consolidation.Locator("input[name=startDate]").FillAsync("2022-09-01");
        await consolidation.Locator("input[name=endDate]").FillAsync("2022-09-20");
        await consolidation.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("form.plan-row input[value='2022-09-20']")).ToHaveCountAsync(1);

        var task = page.Locator("#task-new");
        await task.Locator("input[name=titleZh]").FillAsync("夜市烧烤摊集中巡防");
        await task.Locator("input[name=titleEn]").FillAsync("Night-market patrols");
        await task.Locator("select[name=ownerLine]").SelectOptionAsync("patrol");
        await task.Locator("input[name=responsibleUnit]").FillAsync("510104");
        await task.Locator("input[name=responsibleName]").FillAsync("张伟");
        await task.Locator("input[name=responsibleTitle]").FillAsync("锦江分局副局长");
        await task.Locator("input[name=deadline]").FillAsync("2022-09-20");
        await Support.Browser.ScreenshotAsync(page, "campaign-plan-zh");
        await task.GetByRole(AriaRole.Button, new() { Name = "添加重点任务" }).ClickAsync();
        await Assertions.Expect(page.Locator("form.plan-row input[value='夜市烧烤摊集中巡防']")).ToHaveCountAsync(1);

        // The campaign page shows the task with who answers for it.
        await page.GotoAsync("/campaigns/summer-2022");
        var row = page.Locator("tr", new() { HasText = "夜市烧烤摊集中巡防" });
        await Assertions.Expect(row).ToContainTextAsync("锦江区");
        await Assertions.Expect(row).ToContainTextAsync("张伟（锦江分局副局长）");
        await Support.Browser.ScreenshotAsync(page, "campaign-tasks-zh");
    }
}
