using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure.Work;
using Centurion.Tests.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Centurion.Tests.Browser;

/// <summary>A county reporter's work list in Chromium: the header count on every page, and the list with the report to file.</summary>
public partial class WorkJourney(Support.Browser browser) : IClassFixture<Support.Browser>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_county_reporter_sees_the_count_in_the_header_and_the_report_to_file_in_the_work_list(string locale)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        app.Clock.SetLocal(2026, 7, 3, 9, 0);
        await TestCampaign.CreateAsync(app);
        var count = (await app.ApiAs("jinjiang").GetFromJsonAsync<WorkCount>("/api/work/count"))!;
        Assert.True(count.Total >= 3 && count.Overdue >= 1, count.ToString());

        var page = await browser.OpenAsync(app, locale);
        await Support.Browser.SignInAsync(page, "jinjiang");
        foreach (var url in new[] { "/", "/ledgers", $"/campaigns/{TestCampaign.Code}" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("#work-count")).ToHaveTextAsync(count.Total.ToString());
            await Assertions.Expect(page.Locator("#work-overdue")).ToContainTextAsync(count.Overdue.ToString());
        }

        await page.ClickAsync("#nav-work");
        await page.WaitForURLAsync("**/work");
        var overdue = page.Locator("#work-overdue-items");
        var soon = page.Locator("#work-due-soon-items");
        await Assertions.Expect(overdue.Locator("tr[data-key$=':2026-07-01']")).ToHaveCountAsync(1);
        await Assertions.Expect(soon.Locator("tr[data-kind=report-to-file]")).ToHaveCountAsync(2);
        await Assertions.Expect(overdue.Locator("tr[data-kind=report-to-file]")).ToContainTextAsync(locale == "en" ? "1 day overdue" : "逾期 1 天");
        await Assertions.Expect(page.Locator("#work-summary")).ToContainTextAsync(count.Total.ToString());
        await Support.Browser.ScreenshotAsync(page, $"work-list-{locale}");

        if (locale == "en")
        {
            // The language switch names Chinese in Chinese on purpose (lang="zh-CN").
            var text = await page.EvaluateAsync<string>("() => { document.querySelectorAll('[lang^=\"zh\"]').forEach(e => e.remove()); return document.title + '\\n' + document.body.innerText; }");
            foreach (var name in await DataNamesAsync(app)) text = text.Replace(name, " ");
            Assert.True(!Han().IsMatch(text), $"Chinese on the English work list: {string.Join(", ", Han().Matches(text).Select(m => m.Value).Distinct())}");
        }

        await overdue.Locator("tr[data-kind=report-to-file] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2026-07-01");
    }

    /// <summary>Names from the data the work list may show as they were typed: units, campaigns, hazards, trouble spots, rectification measures.</summary>
    private static async Task<List<string>> DataNamesAsync(TestApp app)
    {
        await using var db = app.Db();
        var names = new List<string>();
        names.AddRange(await db.Units.Select(u => u.NameZh).ToListAsync());
        names.AddRange(await db.Campaigns.Select(c => c.NameZh).ToListAsync());
        foreach (var h in await db.Set<Hazard>().Select(h => new[] { h.Description, h.Place }).ToListAsync()) names.AddRange(h);
        names.AddRange(await db.Set<TroubleSpot>().Select(t => t.Name).ToListAsync());
        names.AddRange(await db.Set<RectificationItem>().Select(i => i.Measure).ToListAsync());
        return [.. names.Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length)];
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Han();
}
