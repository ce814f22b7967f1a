using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Centurion.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Centurion.Tests.Support;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

/// <summary>The reporting pages show only what lies in the signed-in user's subtree.</summary>
public class ReportingPagesTests
{
    private static readonly DateOnly Day = new(2026, 7, 3);

    [Theory, BothDatabases]
    public async Task The_approvals_page_lists_submitted_reports_below_the_leader_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        await FileAsync(app, "jinjiang", "510104", Day, 100);
        await FileAsync(app, "mianyang", "510703", Day, 100);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, $"/campaigns/{Code}/approvals");

        Assert.Contains("锦江区", page);
        Assert.DoesNotContain("涪城区", page);
        var (reporter, _) = await app.SignInAsync("jinjiang");
        Assert.Contains("没有待审核的报表", await TestApp.PageAsync(reporter, $"/campaigns/{Code}/approvals"));
    }

    [Theory, BothDatabases]
    public async Task A_report_page_of_another_county_is_not_found_and_ones_own_shows_the_form(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var (reporter, _) = await app.SignInAsync("jinjiang");

        var other = await reporter.GetAsync($"/campaigns/{Code}/reports/510105/2026-07-03");
        var own = await TestApp.PageAsync(reporter, $"/campaigns/{Code}/reports/510104/2026-07-03");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("青羊区", await other.Content.ReadAsStringAsync());
        Assert.Contains("id=\"v-police-deployments\"", own);
        Assert.Contains("2026-07-04 10:00", own); // the deadline, in province time
    }

    [Theory, BothDatabases]
    public async Task A_report_shows_its_history_of_changes_in_the_API_and_on_its_page_in_both_languages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var submitted = await FileAsync(app, "jinjiang", "510104", Day, 100);
        app.Clock.SetLocal(2026, 7, 4, 9, 30);

        var returned = await ReadAsync(await app.ApiAs("chengdu").PostAsJsonAsync(Url("510104", Day, "return"), new { version = submitted.Version, reason = "出动警力与排班不符" }));

        (string?, string, string)[] expected = [(null, "draft", "jinjiang"), ("draft", "submitted", "jinjiang"), ("submitted", "returned", "chengdu")];
        Assert.Equal(expected, returned.Transitions.Select(t => (t.From, t.To, t.By)));
        Assert.Equal((1, "出动警力与排班不符", new DateTime(2026, 7, 4, 1, 30, 0)), (returned.Transitions[2].Revision, returned.Transitions[2].Reason, returned.Transitions[2].AtUtc));
        var (leader, _) = await app.SignInAsync("chengdu");
        var page = await TestApp.PageAsync(leader, $"/campaigns/{Code}/reports/510104/2026-07-03");
        var zh = page[page.IndexOf("id=\"transitions\"")..];
        Assert.Contains("办理记录", page);
        foreach (var text in new[] { "新建", "上报", "退回", "2026-07-04 09:30", "出动警力与排班不符", "chengdu", "第 1 版" }) Assert.Contains(text, zh);

        var switched = await leader.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.Token(page), ["culture"] = "en", ["returnUrl"] = "/campaigns",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await TestApp.PageAsync(leader, $"/campaigns/{Code}/reports/510104/2026-07-03");
        var en = english[english.IndexOf("id=\"transitions\"")..];
        foreach (var text in new[] { "Started", "Submitted", "Returned", "Revision 1", "2026-07-04 09:30" }) Assert.Contains(text, en);
        Assert.Contains(">History<", english);
    }

    [Theory, BothDatabases]
    public async Task The_completeness_page_rolls_up_the_leaders_counties_and_lists_who_has_not_reported(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 11, 0);
        await CreateAsync(app);
        await FileAsync(app, "jinjiang", "510104", Day, 100);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, $"/campaigns/{Code}/completeness");

        var outstanding = page[page.IndexOf("id=\"outstanding\"")..];
        Assert.Contains("510105", outstanding);
        Assert.DoesNotContain("510104", outstanding);
        Assert.DoesNotContain("510703", page);
        Assert.Contains("19 / 20", page);
    }

    /// <summary>
    /// Blazor renders a page at the first await in OnInitializedAsync that does not complete at once. On SQLite every query
    /// completes at once; on PostgreSQL whether one does depends on timing, and when the completeness page's first real wait was
    /// the list of who has not reported, it rendered half-loaded and failed (500, about one request in fifty under load).
    /// Holding back that one query makes it the first to wait on SQLite, where every other query completes at once, every time.
    /// </summary>
    [Theory, BothDatabases]
    public async Task The_completeness_page_renders_when_its_last_query_is_the_first_to_wait(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, services: s =>
        {
            s.ConfigureDbContext<SqliteCenturionDb>(o => o.AddInterceptors(new YieldOnQuery("not-started")));
            s.ConfigureDbContext<PostgresCenturionDb>(o => o.AddInterceptors(new YieldOnQuery("not-started")));
        });
        app.Clock.SetLocal(2026, 7, 4, 11, 0);
        await CreateAsync(app);
        var (leader, _) = await app.SignInAsync("chengdu");

        var page = await TestApp.PageAsync(leader, $"/campaigns/{Code}/completeness");

        Assert.Contains("id=\"outstanding\"", page);
        Assert.Contains("20 / 20", page);
    }

    private sealed class YieldOnQuery(string marker) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains(marker)) await Task.Yield();
            return result;
        }
    }
}
