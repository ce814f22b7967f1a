using System.Net;
using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Pages;

/// <summary>What a user types into a form or a page's address is checked like the API's input: a clear message on the page, never a 500.</summary>
public class PageInputTests
{
    [Theory, BothDatabases]
    public async Task A_new_campaign_without_an_indicator_is_refused_on_the_form_which_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (office, _) = await app.SignInAsync("province");

        var response = await TestApp.PostFormAsync(office, "/campaigns/new", "new-campaign", new Dictionary<string, string>
        {
            ["Input.Code"] = "winter-2026", ["Input.NameZh"] = "冬季行动", ["Input.NameEn"] = "Winter operation",
            ["Input.StartDate"] = "2026-12-01", ["Input.EndDate"] = "2027-02-28", ["Input.Cadence"] = "Daily",
            ["Input.DeadlineDaysAfter"] = "1", ["Input.DeadlineTime"] = "10:00", ["Input.ReportingLevel"] = "County",
            ["Input.Phases"] = "", ["Input.Tasks"] = "", ["Input.LeaderLinks"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}\n{html}");
        Assert.Contains("请至少选择一个指标", html);
        Assert.Contains("value=\"winter-2026\"", html);
        Assert.Contains("value=\"冬季行动\"", html);
        await using var db = app.Db();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Code == "winter-2026"));
    }

    public static readonly TheoryData<DatabaseProvider, string, string, string> BadQueries = new()
    {
        { DatabaseProvider.Sqlite, "/campaigns/summer-2022/dashboard?to=2022-13-45", "“2022-13-45”", "“2022-13-45”" },
        { DatabaseProvider.Postgres, "/campaigns/summer-2022/dashboard?to=2022-13-45", "“2022-13-45”", "“2022-13-45”" },
        { DatabaseProvider.Sqlite, "/campaigns/summer-2022/bulletin?asOf=bad", "截至：日期“bad”应为 YYYY-MM-DD", "As of: the date “bad” should be YYYY-MM-DD" },
        { DatabaseProvider.Postgres, "/campaigns/summer-2022/bulletin?asOf=bad", "截至：日期“bad”应为 YYYY-MM-DD", "As of: the date “bad” should be YYYY-MM-DD" },
        { DatabaseProvider.Sqlite, "/campaigns/summer-2022/completeness?from=bad", "起：日期“bad”应为 YYYY-MM-DD", "From: the date “bad” should be YYYY-MM-DD" },
        { DatabaseProvider.Postgres, "/campaigns/summer-2022/completeness?from=bad", "起：日期“bad”应为 YYYY-MM-DD", "From: the date “bad” should be YYYY-MM-DD" },
        { DatabaseProvider.Sqlite, "/campaigns/summer-2022/dashboard?from=2022-07-20&to=2022-07-01", "开始日期晚于结束日期", "The start date is after the end date" },
        { DatabaseProvider.Postgres, "/campaigns/summer-2022/dashboard?from=2022-07-20&to=2022-07-01", "开始日期晚于结束日期", "The start date is after the end date" },
    };

    [Theory, MemberData(nameof(BadQueries))]
    public async Task A_bad_date_or_a_reversed_window_in_a_pages_address_is_a_400_with_the_message_in_the_users_language(
        DatabaseProvider provider, string url, string zh, string en)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (chinese, _) = await app.SignInAsync("province");
        var (english, _) = await app.SignInAsync("chengdu");
        await TestApp.InEnglishAsync(english);

        foreach (var (client, message) in new[] { (chinese, zh), (english, en) })
        {
            var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}\n{html}");
            Assert.Contains(message, html);
        }
    }
}
