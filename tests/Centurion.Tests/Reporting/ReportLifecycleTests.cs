using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Reporting;

public class ReportLifecycleTests
{
    private static readonly DateOnly Day = new(2026, 7, 3);

    [Theory, BothDatabases]
    public async Task A_report_goes_draft_submitted_returned_resubmitted_approved_then_corrected_as_a_new_revision(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var reporter = app.ApiAs("jinjiang");
        var leader = app.ApiAs("chengdu");

        var draft = await ReadAsync(await reporter.PutAsJsonAsync(Url("510104", Day), new { version = 0, values = Figures(120) }));
        Assert.Equal(("draft", 1, 120L), (draft.Status, draft.Version, draft.Values["police-deployments"]!.Value));
        var submitted = await ReadAsync(await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = draft.Version }));
        var returned = await ReadAsync(await leader.PostAsJsonAsync(Url("510104", Day, "return"), new { version = submitted.Version, reason = "出动警力与排班不符" }));
        Assert.Equal(("returned", "出动警力与排班不符"), (returned.Status, returned.ReturnReason));

        var fixedDraft = await ReadAsync(await reporter.PutAsJsonAsync(Url("510104", Day), new { version = returned.Version, values = Figures(112) }));
        var resubmitted = await ReadAsync(await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = fixedDraft.Version }));
        var approved = await ReadAsync(await leader.PostAsJsonAsync(Url("510104", Day, "approve"), new { version = resubmitted.Version }));
        Assert.Equal("approved", approved.Status);

        // Locked: a direct change is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await reporter.PutAsJsonAsync(Url("510104", Day), new { version = approved.Version, values = Figures(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reporter.PostAsJsonAsync(Url("510104", Day, "corrections"), new { version = approved.Version, reason = " " })).StatusCode);

        var correction = await ReadAsync(await reporter.PostAsJsonAsync(Url("510104", Day, "corrections"), new { version = approved.Version, reason = "漏报夜查警力" }));
        Assert.Equal(("draft", 2, 112L), (correction.Status, correction.Revision, correction.Values["police-deployments"]!.Value));
        var corrected = await ReadAsync(await reporter.PutAsJsonAsync(Url("510104", Day), new { version = correction.Version, values = Figures(130) }));
        var resent = await ReadAsync(await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = corrected.Version }));
        var final = await ReadAsync(await leader.PostAsJsonAsync(Url("510104", Day, "approve"), new { version = resent.Version }));

        Assert.Equal([112L, 130L], final.History.Select(h => h.Values["police-deployments"]));
        Assert.Equal(["approved", "approved"], final.History.Select(h => h.Status));
        Assert.Equal([false, true], final.History.Select(h => h.Effective));
        Assert.Equal("漏报夜查警力", final.History[1].Reason);
        Assert.False(final.Late);
        await using var db = app.Db();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Entity == "ReportRevision" && a.Actor == "chengdu") >= 3);
    }

    [Theory, BothDatabases]
    public async Task A_reporter_cannot_approve_their_own_report_nor_touch_another_countys(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var reporter = app.ApiAs("jinjiang");
        var mine = await FileAsync(app, "jinjiang", "510104", Day, 100);

        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsJsonAsync(Url("510104", Day, "approve"), new { version = mine.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync(Url("510105", Day))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.PutAsJsonAsync(Url("510105", Day), new { version = 0, values = Figures(5) })).StatusCode);
        // A leader cannot decide on another prefecture's report, nor on one they submitted themselves.
        var fucheng = await FileAsync(app, "mianyang", "510703", Day, 40);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("chengdu").PostAsJsonAsync(Url("510703", Day, "approve"), new { version = fucheng.Version })).StatusCode);
        var filedByLeader = await FileAsync(app, "chengdu", "510105", Day, 80);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync(Url("510105", Day, "approve"), new { version = filedByLeader.Version })).StatusCode);

        await using var db = app.Db();
        var ours = db.Reports.Where(r => r.Campaign!.Code == Code);
        Assert.False(await ours.AnyAsync(r => r.Unit!.Code == "510105" && r.Revisions.Any(v => v.Status == RevisionStatus.Approved)));
        Assert.Equal(RevisionStatus.Submitted, (await ours.Where(r => r.Unit!.Code == "510104").SelectMany(r => r.Revisions).SingleAsync()).Status);
    }

    [Theory, BothDatabases]
    public async Task The_second_of_two_saves_from_the_same_version_is_refused_and_the_first_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        var first = await ReadAsync(await app.ApiAs("jinjiang").PutAsJsonAsync(Url("510104", Day), new { version = 0, values = Figures(100) }));

        var alice = await app.ApiAs("jinjiang").PutAsJsonAsync(Url("510104", Day), new { version = first.Version, values = Figures(101) });
        var bob = await app.ApiAs("chengdu").PutAsJsonAsync(Url("510104", Day), new { version = first.Version, values = Figures(999) });

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, bob.StatusCode);
        Assert.Contains("他人修改", (await bob.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var now = await ReadAsync(await app.ApiAs("jinjiang").GetAsync(Url("510104", Day)));
        Assert.Equal(101L, now.Values["police-deployments"]);
    }

    [Theory, BothDatabases]
    public async Task Lateness_is_judged_against_10_00_the_next_day_in_province_time(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateAsync(app);

        app.Clock.SetLocal(2026, 7, 4, 10, 0, 0); // exactly at the deadline for 3 July: on time
        var onTime = await FileAsync(app, "jinjiang", "510104", Day, 100);
        app.Clock.SetLocal(2026, 7, 4, 10, 0, 1); // one second later: late
        var late = await FileAsync(app, "chengdu", "510105", Day, 100);
        app.Clock.SetLocal(2026, 7, 4, 23, 59); // 1 July's report, three days on: late; 4 July's, early: on time
        var veryLate = await FileAsync(app, "chengdu", "510106", new DateOnly(2026, 7, 1), 100);
        var early = await FileAsync(app, "chengdu", "510106", new DateOnly(2026, 7, 4), 100);

        Assert.Equal(new DateTime(2026, 7, 4, 2, 0, 0, DateTimeKind.Utc), onTime.DeadlineUtc);
        Assert.Equal((false, true, true, false), (onTime.Late, late.Late, veryLate.Late, early.Late));
    }

    [Theory, BothDatabases]
    public async Task Submission_refuses_bad_figures_and_asks_confirmation_for_unusual_ones(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 20, 9, 0);
        await CreateAsync(app);
        var reporter = app.ApiAs("jinjiang");

        var negative = await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = 0, values = Figures(-1) });
        var blank = await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = 0, values = new Dictionary<string, long?> { ["police-deployments"] = 5 } });
        var tooMany = await reporter.PostAsJsonAsync(Url("510104", Day, "submit"), new { version = 0, values = Figures(5, screened: 2, resolved: 3) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.True((await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("police-deployments", out _));
        Assert.True((await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("night-operations", out _));
        Assert.True((await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("disputes-resolved", out _));
        await using (var db = app.Db())
            Assert.False(await db.ReportRevisions.AnyAsync(v => v.Report!.Campaign!.Code == Code && v.Status == RevisionStatus.Submitted));

        // Seven ordinary days (about 100), then 900: unusual, submitted only once confirmed.
        for (var d = 1; d <= 7; d++) await FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 7 + d), 95 + d);
        var spike = new DateOnly(2026, 7, 15);
        var unconfirmed = await reporter.PostAsJsonAsync(Url("510104", spike, "submit"), new { version = 0, values = Figures(900) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("99", (await unconfirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("police-deployments")[0].GetString());
        var untouched = await ReadAsync(await reporter.GetAsync(Url("510104", spike)));
        Assert.Equal("not-started", untouched.Status); // a refused submission changes nothing
        var confirmed = await ReadAsync(await reporter.PostAsJsonAsync(Url("510104", spike, "submit"), new { version = 0, values = Figures(900), confirm = new[] { "police-deployments" } }));
        Assert.Equal("submitted", confirmed.Status);
        await using var check = app.Db();
        Assert.True(await check.ReportValues.AnyAsync(v => v.Value == 900 && v.Confirmed));
    }

    [Theory, BothDatabases]
    public async Task A_nil_return_is_explicit_and_all_zero(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);

        var nil = await ReadAsync(await app.ApiAs("jinjiang").PostAsJsonAsync(Url("510104", Day, "nil"), new { version = 0 }));

        Assert.Equal(("submitted", true), (nil.Status, nil.Nil));
        Assert.All(nil.Values.Values, v => Assert.Equal(0L, v));
        Assert.Equal(4, nil.Values.Count);
    }
}
