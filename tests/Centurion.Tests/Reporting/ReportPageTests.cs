using System.Net;
using Centurion.Data;
using Centurion.Tests.Support;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

/// <summary>The report page offers only what the user may do, and says once what was done.</summary>
public class ReportPageTests
{
    private static readonly DateOnly Day = new(2026, 7, 3);
    private static readonly string Page = $"/campaigns/{Code}/reports/510105/{Day:yyyy-MM-dd}";

    [Theory, BothDatabases]
    public async Task The_person_who_submitted_is_not_offered_approval_and_the_office_above_is(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        await FileAsync(app, "chengdu", "510105", Day, 100); // the Chengdu leader files for a county below
        var (leader, _) = await app.SignInAsync("chengdu");
        var (office, _) = await app.SignInAsync("province");

        var own = await TestApp.PageAsync(leader, Page);
        var above = await TestApp.PageAsync(office, Page);

        Assert.Contains("id=\"status\"", own);
        Assert.DoesNotContain("id=\"approve\"", own);
        Assert.DoesNotContain("id=\"return\"", own);
        Assert.Contains("id=\"approve\"", above);
    }

    [Theory, BothDatabases]
    public async Task The_done_message_shows_after_the_action_and_not_again_on_a_reload(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var (leader, _) = await app.SignInAsync("chengdu");

        var posted = await TestApp.PostFormAsync(leader, Page, "report", new Dictionary<string, string>
        {
            ["Input.Version"] = "0", ["Input.Action"] = "draft", ["Input.Values[police-deployments]"] = "100",
        });

        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found,
            $"{(int)posted.StatusCode}\n{await posted.Content.ReadAsStringAsync()}");
        var location = posted.Headers.Location!.OriginalString;
        Assert.DoesNotContain("done", location);
        Assert.Contains("草稿已保存", await TestApp.PageAsync(leader, location));
        Assert.DoesNotContain("草稿已保存", await TestApp.PageAsync(leader, location));
    }
}
