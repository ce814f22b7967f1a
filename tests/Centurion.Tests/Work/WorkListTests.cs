using System.Net.Http.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Work;
using Centurion.Tests.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Work.WorkTestData;

namespace Centurion.Tests.Work;

/// <summary>The work list through the real API on both databases: what it holds for whom, in which order, and its header count.</summary>
public class WorkListTests
{
    [Theory, BothDatabases]
    public async Task A_county_reporter_sees_the_reports_to_file_overdue_first_and_a_filed_one_leaves_the_list(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 3, 9, 0);
        await TestCampaign.CreateAsync(app);
        var jinjiang = app.ApiAs("jinjiang");

        var work = await WorkAsync(jinjiang);
        var reports = work.Items.Where(i => i.Kind == "report-to-file").ToList();
        // 1 July was due 2 July 10:00 (overdue); 2 July is due at 10:00 today; 3 July tomorrow.
        Assert.Equal(["2026-07-01", "2026-07-02", "2026-07-03"], reports.Select(r => r.Link[^10..]));
        Assert.Equal([true, false, false], reports.Select(r => r.Overdue));
        Assert.Equal(["overdue", "due-soon", "due-soon"], reports.Select(r => r.Urgency));
        Assert.Equal([new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 4)], reports.Select(r => r.Due!.Value));
        Assert.All(reports, r => Assert.StartsWith($"/campaigns/{TestCampaign.Code}/reports/510104/", r.Link));
        // Overdue first, then due soon, then the rest, whatever the kind.
        var order = work.Items.Select(i => i.Urgency switch { "overdue" => 0, "due-soon" => 1, _ => 2 }).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(work.Items.Count(i => i.Overdue), work.Overdue);

        // The header's cheap count agrees with the list.
        var count = await (await jinjiang.GetAsync("/api/work/count")).Content.ReadFromJsonAsync<Centurion.Infrastructure.Work.WorkCount>(Json);
        Assert.Equal(new Centurion.Infrastructure.Work.WorkCount(work.Total, work.Overdue), count);

        await TestCampaign.FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 1), 100);
        var after = await WorkAsync(jinjiang);
        Assert.Equal(["2026-07-02", "2026-07-03"], after.Items.Where(i => i.Kind == "report-to-file").Select(r => r.Link[^10..]));
        Assert.Equal(work.Overdue - 1, after.Overdue);

        // The report waits for the prefecture leader's approval now, and for the province's; not for the reporter.
        Assert.Contains((await WorkAsync(app.ApiAs("chengdu"))).Items, i => i.Kind == "report-to-approve" && i.Link.EndsWith("/510104/2026-07-01"));
        Assert.DoesNotContain(after.Items, i => i.Kind == "report-to-approve");
    }

    [Theory, BothDatabases]
    public async Task A_report_a_leader_submitted_themselves_waits_for_someone_else_not_for_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 3, 9, 0);
        await TestCampaign.CreateAsync(app);
        await TestCampaign.FileAsync(app, "chengdu", "510104", new DateOnly(2026, 7, 1), 100);
        const string link = "/510104/2026-07-01";

        Assert.DoesNotContain((await WorkAsync(app.ApiAs("chengdu"))).Items, i => i.Kind == "report-to-approve" && i.Link.EndsWith(link));
        Assert.Contains((await WorkAsync(app.ApiAs("province"))).Items, i => i.Kind == "report-to-approve" && i.Link.EndsWith(link));
        var (chengdu, _) = await app.SignInAsync("chengdu");
        Assert.DoesNotContain(link, await TestApp.PageAsync(chengdu, $"/campaigns/{TestCampaign.Code}/approvals"));
        var (province, _) = await app.SignInAsync("province");
        Assert.Contains(link, await TestApp.PageAsync(province, $"/campaigns/{TestCampaign.Code}/approvals"));
    }

    [Theory, BothDatabases]
    public async Task A_user_sees_only_work_in_their_own_subtree(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 3, 9, 0);
        await TestCampaign.CreateAsync(app);
        var today = new DateOnly(2026, 7, 3);
        var jinjiang = app.ApiAs("jinjiang");
        var fucheng = await CountyReporterAsync(app, "fucheng", "510703"); // Mianyang's Fucheng district
        var ours = await HazardAsync(jinjiang, "510104", "锦江楼道堆放杂物", today, today.AddDays(1));
        var theirs = await HazardAsync(fucheng, "510703", "涪城仓库电线老化", today, today.AddDays(1));

        var j = await WorkAsync(jinjiang);
        var f = await WorkAsync(fucheng);
        Assert.Contains(j.Items, i => i.Key == $"hazard:{ours}");
        Assert.DoesNotContain(j.Items, i => i.Key == $"hazard:{theirs}");
        Assert.Contains(f.Items, i => i.Key == $"hazard:{theirs}");
        Assert.DoesNotContain(f.Items, i => i.Key == $"hazard:{ours}");
        Assert.All(f.Items.Where(i => i.Kind == "report-to-file"), i => Assert.Contains("/reports/510703/", i.Link));

        // Every ledger entry in a list lies in the user's own subtree.
        await using var db = app.Db();
        var hazards = j.Items.Concat(f.Items).Where(i => i.Kind == "hazard").Select(i => long.Parse(i.Key.Split(':')[1])).ToList();
        var units = await db.Set<Hazard>().Where(h => hazards.Contains(h.Id)).Select(h => new { h.Id, h.Unit!.Code }).ToDictionaryAsync(h => h.Id, h => h.Code);
        Assert.All(j.Items.Where(i => i.Kind == "hazard"), i => Assert.StartsWith("510104", units[long.Parse(i.Key.Split(':')[1])]));
        Assert.All(f.Items.Where(i => i.Kind == "hazard"), i => Assert.StartsWith("510703", units[long.Parse(i.Key.Split(':')[1])]));

        // Leaders approve only below them: Chengdu's list holds Chengdu's counties, Mianyang's none of them.
        await TestCampaign.FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 1), 100);
        var chengdu = await WorkAsync(app.ApiAs("chengdu"));
        var mianyang = await WorkAsync(app.ApiAs("mianyang"));
        Assert.Contains(chengdu.Items, i => i.Kind == "report-to-approve");
        Assert.All(chengdu.Items.Where(i => i.Kind == "report-to-approve"), i => Assert.Matches("/reports/5101[0-9]{2}/", i.Link));
        Assert.All(mianyang.Items.Where(i => i.Kind == "report-to-approve"), i => Assert.Matches("/reports/5107[0-9]{2}/", i.Link));
        // A prefecture keeps no ledger: its counties' hazards are theirs to eliminate.
        Assert.DoesNotContain(mianyang.Items, i => i.Kind == "hazard");
    }

    [Theory, BothDatabases]
    public async Task A_hazard_due_today_turns_overdue_exactly_at_midnight_in_Shanghai_and_is_reminded_of_both_times(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 8, 12, 0);
        var jinjiang = app.ApiAs("jinjiang");
        var deadline = new DateOnly(2026, 7, 10);
        var id = await HazardAsync(jinjiang, "510104", "消防通道被占用", new DateOnly(2026, 7, 8), deadline);
        var key = $"hazard:{id}";
        var me = await UserIdAsync(app, "jinjiang");

        app.Clock.SetLocal(2026, 7, 10, 23, 59, 59); // 15:59:59 UTC
        var before = (await WorkAsync(jinjiang)).Items.Single(i => i.Key == key);
        Assert.Equal(("due-soon", false, deadline), (before.Urgency, before.Overdue, before.Due!.Value));
        await RemindAsync(app);

        app.Clock.Advance(TimeSpan.FromSeconds(1)); // 00:00:00 on 11 July in the province, still 10 July in UTC
        Assert.Equal(new DateTime(2026, 7, 10, 16, 0, 0, DateTimeKind.Utc), app.Clock.UtcNow);
        var after = (await WorkAsync(jinjiang)).Items.Single(i => i.Key == key);
        Assert.Equal(("overdue", true), (after.Urgency, after.Overdue));
        await RemindAsync(app);

        await using var db = app.Db();
        var reminders = await db.Set<Reminder>().Where(r => r.UserId == me && r.ItemKey == key).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(Reminder.DueSoon, new DateOnly(2026, 7, 10)), (Reminder.Overdue, new DateOnly(2026, 7, 11))], reminders.Select(r => (r.Kind, r.Day)));
        Assert.All(reminders, r => Assert.Equal(deadline, r.Due));
        var shown = (await WorkAsync(jinjiang)).Reminders.Where(r => r.ItemKey == key).ToList();
        Assert.Equal([Reminder.Overdue, Reminder.DueSoon], shown.Select(r => r.Kind));
    }

    [Theory, BothDatabases]
    public async Task The_reminder_job_run_twice_writes_one_reminder(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 8, 9, 0);
        var id = await HazardAsync(app.ApiAs("jinjiang"), "510104", "电动车楼道充电", new DateOnly(2026, 7, 8), new DateOnly(2026, 7, 10));
        var me = await UserIdAsync(app, "jinjiang");

        var first = await RemindAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var second = await RemindAsync(app);

        await using var db = app.Db();
        Assert.Equal(1, await db.Set<Reminder>().CountAsync(r => r.UserId == me && r.ItemKey == $"hazard:{id}"));
        Assert.True(first.Written >= 1);
        Assert.Equal(0, second.Written);
        Assert.Equal(first.Written, await db.Set<Reminder>().CountAsync());
        // No webhook is configured: the reminders are only in the work lists.
        Assert.Equal(0, await db.Set<WebhookMessage>().CountAsync());
    }

    [Theory, BothDatabases]
    public async Task The_remind_verb_writes_reminders_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // The verb runs in its own process on the real clock, like the test clock's start.
        var today = Centurion.Infrastructure.ProvinceTime.Today(TimeProvider.System);
        var id = await HazardAsync(app.ApiAs("jinjiang"), "510104", "配电箱未上锁", today, today.AddDays(2));

        var first = await CliProcess.RunAsync(provider, app.ConnectionString, "remind").ThrowIfFailed();
        var second = await CliProcess.RunAsync(provider, app.ConnectionString, "remind").ThrowIfFailed();

        Assert.Matches(@"^Reminders for \d{4}-\d{2}-\d{2}: [1-9]\d* written for \d+ users", first.Output);
        Assert.Contains(": 0 written for", second.Output);
        await using var db = app.Db();
        Assert.Equal(1, await db.Set<Reminder>().CountAsync(r => r.ItemKey == $"hazard:{id}"));
    }
}
