using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Work.WorkTestData;

namespace Centurion.Tests.Campaigns;

/// <summary>
/// Key-task tracking through the real API, pages and work list, on both databases, over the demo's summer-2022 tasks:
/// Chengdu's night-time patrols (in progress), Mianyang's trouble spots (returned), criminal investigation's (done, awaiting
/// verification) and the province's controlled instruments (in progress); the rest verified.
/// </summary>
public class KeyTaskTrackingTests
{
    private const string Api = "/api/campaigns/summer-2022/tasks";
    private const string Pages = "/campaigns/summer-2022/tasks";
    private const string ChengduTask = "加强烧烤摊", MianyangTask = "治安乱点", DoneTask = "严打侵害", ProvinceTask = "整治公共场所携带";

    private static async Task<int> IdAsync(TestApp app, string titleStart)
    {
        await using var db = app.Db();
        return await db.CampaignTasks.Where(t => t.TitleZh.StartsWith(titleStart)).Select(t => t.Id).SingleAsync();
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    [Theory, BothDatabases]
    public async Task The_office_lists_the_demo_tasks_overdue_first_and_filters_by_state_overdue_unit_and_line(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.ApiAs("province");

        var all = await ReadAsync<List<TaskRow>>(await office.GetAsync(Api));
        Assert.Equal(8, all.Count);
        // Four open ones, all overdue now (the campaign ended in 2022), first and by deadline; then the four verified.
        Assert.Equal([true, true, true, true, false, false, false, false], all.Select(r => r.Overdue));
        Assert.Equal(["in-progress", "in-progress", "done", "in-progress"], all.Take(4).Select(r => r.State));
        Assert.Equal([new(2022, 8, 31), new(2022, 8, 31), new(2022, 9, 25), new(2022, 9, 25)], all.Take(4).Select(r => r.Deadline));
        Assert.All(all.Skip(4), r => Assert.Equal("verified", r.State));

        Assert.Equal([DoneTask], (await ReadAsync<List<TaskRow>>(await office.GetAsync($"{Api}?state=done"))).Select(r => r.Title[..4]));
        Assert.Equal(4, (await ReadAsync<List<TaskRow>>(await office.GetAsync($"{Api}?overdue=true"))).Count);
        Assert.Equal(["510100"], (await ReadAsync<List<TaskRow>>(await office.GetAsync($"{Api}?unit=510100"))).Select(r => r.Unit));
        Assert.Equal(2, (await ReadAsync<List<TaskRow>>(await office.GetAsync($"{Api}?line=patrol"))).Count);
        var bad = await office.GetAsync($"{Api}?state=closed&line=nope");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["line", "state"], errors.EnumerateObject().Select(p => p.Name).Order());

        var returned = await ReadAsync<TrackedTaskDto>(await office.GetAsync($"{Api}/{await IdAsync(app, MianyangTask)}"));
        Assert.Equal(("in-progress", 1, true), (returned.State, returned.Returns, returned.Overdue));
        Assert.StartsWith("涪城区2处乱点复查仍有反弹", returned.ReturnReason);
        Assert.Equal(["open→in-progress", "in-progress→done", "done→in-progress", "in-progress→in-progress"], returned.History.Select(h => $"{h.From}→{h.To}"));
        Assert.Equal(["mianyang", "mianyang", "province", "mianyang"], returned.History.Select(h => h.By));
        Assert.Equal(["progress", "done"], returned.Actions);
    }

    [Theory, BothDatabases]
    public async Task A_user_outside_the_responsible_units_chain_finds_no_task_on_any_endpoint_or_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chengduTask = await IdAsync(app, ChengduTask);
        var mianyang = app.ApiAs("mianyang");

        var seen = await ReadAsync<List<TaskRow>>(await mianyang.GetAsync(Api));
        Assert.Equal(["510700"], seen.Select(r => r.Unit)); // only Mianyang's own task
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"{Api}/{chengduTask}")).StatusCode);
        foreach (var move in new[] { "progress", "done", "verify", "return" })
            Assert.Equal(HttpStatusCode.NotFound, (await mianyang.PostAsJsonAsync($"{Api}/{chengduTask}/{move}", new { note = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"{Api}?unit=510100")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("jinjiang").GetAsync($"{Api}/{chengduTask}")).StatusCode); // below Chengdu: not its task

        var (browser, _) = await app.SignInAsync("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{Pages}/{chengduTask}")).StatusCode);
        var list = await TestApp.PageAsync(browser, Pages);
        Assert.DoesNotContain("烧烤摊", list);
        Assert.Contains("治安乱点", list);
        Assert.DoesNotContain("烧烤摊", await TestApp.PageAsync(browser, "/work"));
        await using var db = app.Db();
        var history = await db.Set<TaskChange>().CountAsync(c => c.TaskId == chengduTask);
        Assert.Equal(3, history); // nothing was added by the refused moves
    }

    [Theory, BothDatabases]
    public async Task The_responsible_unit_reports_progress_and_done_and_only_the_office_verifies_or_returns(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await IdAsync(app, ChengduTask);
        var (chengdu, office) = (app.ApiAs("chengdu"), app.ApiAs("province"));

        var before = await ReadAsync<TrackedTaskDto>(await chengdu.GetAsync($"{Api}/{id}"));
        Assert.Equal(["progress", "done"], before.Actions);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await chengdu.PostAsJsonAsync($"{Api}/{id}/done", new { note = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chengdu.PostAsJsonAsync($"{Api}/{id}/progress", new { note = "x", version = before.Version - 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"{Api}/{id}/verify", new { })).StatusCode); // not done yet

        var progressed = await ReadAsync<TrackedTaskDto>(await chengdu.PostAsJsonAsync($"{Api}/{id}/progress", new { note = "9月共巡查夜市 38 处", version = before.Version }));
        var done = await ReadAsync<TrackedTaskDto>(await chengdu.PostAsJsonAsync($"{Api}/{id}/done", new { note = "夜间巡防常态化，签到表归档" }));
        Assert.Equal(("in-progress", "done", before.History.Count + 2), (progressed.State, done.State, done.History.Count));
        Assert.Empty(done.Actions); // the unit cannot verify its own
        Assert.Equal(HttpStatusCode.Forbidden, (await chengdu.PostAsJsonAsync($"{Api}/{id}/verify", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chengdu.PostAsJsonAsync($"{Api}/{id}/return", new { note = "自退" })).StatusCode);

        var officeView = await ReadAsync<TrackedTaskDto>(await office.GetAsync($"{Api}/{id}"));
        Assert.Equal(["verify", "return"], officeView.Actions);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.PostAsJsonAsync($"{Api}/{id}/return", new { })).StatusCode);
        var verified = await ReadAsync<TrackedTaskDto>(await office.PostAsJsonAsync($"{Api}/{id}/verify", new { note = "材料齐全" }));
        Assert.Equal(("verified", false), (verified.State, verified.Overdue));
        Assert.Equal(HttpStatusCode.Conflict, (await chengdu.PostAsJsonAsync($"{Api}/{id}/progress", new { note = "再补充" })).StatusCode);

        await using var db = app.Db();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Entity == "TaskChange" && a.Actor == "chengdu" && a.UnitId != null));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "CampaignTask" && a.EntityKey == id.ToString() && a.Actor == "province"));
    }

    [Theory, BothDatabases]
    public async Task The_plan_refuses_to_remove_a_task_being_tracked_and_still_removes_an_untouched_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 9, 1, 12);
        var office = app.ApiAs("province");
        var tracked = await IdAsync(app, ProvinceTask);

        var refused = await office.DeleteAsync($"/api/campaigns/summer-2022/tasks/{tracked}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("有进展记录，不能删除", await refused.Content.ReadAsStringAsync());
        var added = await ReadAsync<TaskDto>(await office.PostAsJsonAsync("/api/campaigns/summer-2022/tasks",
            new { titleZh = "回头看", deadline = "2022-09-20", responsibleUnit = "510104" }), HttpStatusCode.Created);
        Assert.Equal("open", added.State);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/campaigns/summer-2022/tasks/{added.Id}")).StatusCode);
        await using var db = app.Db();
        Assert.True(await db.CampaignTasks.AnyAsync(t => t.Id == tracked));
    }

    [Theory, BothDatabases]
    public async Task The_responsible_unit_sees_its_task_due_within_three_days_then_overdue_and_the_office_what_waits_for_verification(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (chengduTask, doneTask) = (await IdAsync(app, ChengduTask), await IdAsync(app, DoneTask));
        var chengdu = app.ApiAs("chengdu");

        app.Clock.SetLocal(2022, 9, 21, 23, 59, 59); // Chengdu's task is due 25 September: four days ahead, not yet in the list
        Assert.DoesNotContain((await WorkAsync(chengdu)).Items, i => i.Kind == "key-task");
        app.Clock.SetLocal(2022, 9, 22, 0);
        var soon = Assert.Single((await WorkAsync(chengdu)).Items, i => i.Kind == "key-task");
        Assert.Equal(($"/campaigns/summer-2022/tasks/{chengduTask}", new DateOnly(2022, 9, 25), false, "due-soon"), (soon.Link, soon.Due, soon.Overdue, soon.Urgency));
        app.Clock.SetLocal(2022, 9, 26, 0);
        var late = Assert.Single((await WorkAsync(chengdu)).Items, i => i.Kind == "key-task");
        Assert.True(late.Overdue);
        var count = await (await chengdu.GetAsync("/api/work/count")).Content.ReadFromJsonAsync<Centurion.Infrastructure.Work.WorkCount>(Json);
        var work = await WorkAsync(chengdu);
        Assert.Equal((work.Total, work.Overdue), (count!.Total, count.Overdue));

        var office = await WorkAsync(app.ApiAs("province"));
        var verify = Assert.Single(office.Items, i => i.Kind == "verify-key-task");
        Assert.Equal($"/campaigns/summer-2022/tasks/{doneTask}", verify.Link);
        var provinceTask = await IdAsync(app, ProvinceTask);
        Assert.Contains(office.Items, i => i.Kind == "key-task" && i.Link.EndsWith($"/{provinceTask}"));
        Assert.DoesNotContain((await WorkAsync(app.ApiAs("mianyang"))).Items, i => i.Link.EndsWith($"/tasks/{chengduTask}"));
        Assert.DoesNotContain((await WorkAsync(app.ApiAs("chengdu"))).Items, i => i.Kind == "verify-key-task");
    }

    [Theory, BothDatabases]
    public async Task The_pages_list_overdue_first_and_the_detail_page_takes_a_move_and_shows_a_refusal_in_the_users_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await IdAsync(app, ChengduTask);
        var (chengdu, _) = await app.SignInAsync("chengdu");

        Assert.Contains($"href=\"{Pages}\"", await TestApp.PageAsync(chengdu, "/campaigns/summer-2022"));
        var list = await TestApp.PageAsync(chengdu, Pages);
        Assert.Contains("烧烤摊", list);
        Assert.Contains("已逾期", list);

        var page = await TestApp.PageAsync(chengdu, $"{Pages}/{id}");
        Assert.Contains("春熙路夜市经督导后增设两组固定巡逻", page);
        Assert.Contains("id=\"act-done\"", page);
        Assert.DoesNotContain("id=\"act-verify\"", page);
        var empty = await TestApp.PostFormAsync(chengdu, $"{Pages}/{id}", "task-action", [new("Act.Move", "done"), new("Act.Note", ""), new("Act.Version", "3")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("报告完成须写明完成情况。", await empty.Content.ReadAsStringAsync());
        var done = await TestApp.PostFormAsync(chengdu, $"{Pages}/{id}", "task-action", [new("Act.Move", "done"), new("Act.Note", "夜间巡防常态化"), new("Act.Version", "3")]);
        var html = await done.Content.ReadAsStringAsync();
        Assert.True(done.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("已完成待验收", html);
        Assert.Contains("夜间巡防常态化", html);

        var (office, _) = await app.SignInAsync("province");
        await TestApp.InEnglishAsync(office);
        var officePage = await TestApp.PageAsync(office, $"{Pages}/{id}");
        Assert.Contains("id=\"act-verify\"", officePage);
        Assert.Contains("Done, awaiting verification", officePage);
        var returned = await TestApp.PostFormAsync(office, $"{Pages}/{id}", "task-action", [new("Act.Move", "return"), new("Act.Note", ""), new("Act.Version", "4")]);
        Assert.Contains("Returning needs a reason.", await returned.Content.ReadAsStringAsync());
    }
}
