using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Supervision.Inspections;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Centurion.Tests.Supervision;

/// <summary>Supervision through the real API and pages, on both databases: secrecy above all, then the conflict rule, the draw and the item's loop.</summary>
public class SupervisionApiTests
{
    public const string Focus = "夜间巡防暗访-测试专用";

    public static async Task<JsonElement> OkAsync(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A team under 叶国华 (linked to Chengdu) with the demo's inspector, formed by the campaign office.</summary>
    public static async Task<int> TeamAsync(TestApp app, params string[] members) =>
        (await OkAsync(await app.ApiAs("province").PostAsJsonAsync("/api/supervision/teams", new
        {
            campaign = "summer-2022", name = "测试督导组", leader = "叶国华", lines = new[] { "public-order" },
            members = members.Length == 0 ? ["inspector"] : members,
        }))).GetProperty("id").GetInt32();

    public static object PlanBody(int team, string unit = "510104") =>
        new { team, unit, plannedOn = "2022-08-05", focus = Focus, checklist = new[] { "值班民警在岗", "巡防台账齐全" } };

    public static object CarryOutBody(bool withFinding = true) => new
    {
        happenedAt = "2022-08-05T21:30:00", went = new[] { "inspector", "张三" },
        answers = new[] { new { item = 0, passed = true, note = (string?)null }, new { item = 1, passed = false, note = (string?)"7月台账缺失" } },
        findings = withFinding ? new[] { new { what = "夜市无巡逻警力", where = "春熙路夜市", severity = "major", category = "patrol", line = "patrol", evidenceNote = "现场照片3张" } } : [],
    };

    public static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Theory, BothDatabases]
    public async Task A_plan_not_carried_out_does_not_exist_for_the_inspected_county_and_chengdu_on_any_endpoint_or_page_until_it_is_carried_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var inspector = app.ApiAs("inspector");
        var plan = (await OkAsync(await inspector.PostAsJsonAsync("/api/supervision/plans", PlanBody(team)))).GetProperty("id").GetInt64();
        var drawn = (await OkAsync(await inspector.PostAsJsonAsync("/api/supervision/plans/draw",
            new { team, seed = 7, plannedOn = "2022-08-06", focus = Focus, checklist = new[] { "值班" } }))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("province").GetAsync($"/api/supervision/plans/{plan}")).StatusCode);
        long secret;
        await using (var db = app.Db()) secret = await db.Set<InspectionPlan>().Where(p => p.Focus == Centurion.Features.Demo.DemoSupervision.SecretFocus).Select(p => p.Id).SingleAsync();

        foreach (var user in new[] { "chengdu", "jinjiang" })
        {
            var api = app.ApiAs(user);
            var (pages, _) = await app.SignInAsync(user);
            foreach (var id in new[] { plan, drawn, secret })
            {
                var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
                {
                    ("GET plan", () => api.GetAsync($"/api/supervision/plans/{id}")),
                    ("carry out", () => api.PostAsJsonAsync($"/api/supervision/plans/{id}/carry-out", CarryOutBody())),
                    ("cancel", () => api.PostAsJsonAsync($"/api/supervision/plans/{id}/cancel", new { reason = "x" })),
                    ("finding", () => api.PostAsJsonAsync($"/api/supervision/plans/{id}/findings", new { what = "x", where = "x", severity = "minor", category = "other" })),
                    ("plan page", () => pages.GetAsync($"/supervision/plans/{id}")),
                    ("carry-out page", () => pages.GetAsync($"/supervision/plans/{id}/carry-out")),
                };
                foreach (var (what, call) in calls)
                {
                    var r = await call();
                    Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{user} {what} {id}: {(int)r.StatusCode}");
                    Assert.DoesNotContain(Focus, await r.Content.ReadAsStringAsync());
                }
            }
            foreach (var url in new[] { "/api/supervision/plans", "/api/supervision/plans?unit=510104", "/api/supervision/plans?state=planned", $"/api/supervision/plans?team={team}",
                         "/api/supervision/items", "/api/work", "/api/work/count" })
            {
                var strings = Strings(await OkAsync(await api.GetAsync(url))).ToList();
                Assert.DoesNotContain(strings, s => s.Contains(Focus) || s.Contains(Centurion.Features.Demo.DemoSupervision.SecretFocus)
                    || s.Contains($"/supervision/plans/{plan}") || s.Contains($"/supervision/plans/{drawn}") || s.Contains($"/supervision/plans/{secret}"));
                if (url.StartsWith("/api/supervision/plans"))
                {
                    var page = await OkAsync(await api.GetAsync(url));
                    var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
                    Assert.DoesNotContain(plan, ids);
                    Assert.DoesNotContain(drawn, ids);
                    Assert.DoesNotContain(secret, ids);
                    Assert.Equal(ids.Count, page.GetProperty("total").GetInt32()); // the count leaves them out too
                }
            }
            var export = await api.GetAsync("/api/supervision/plans/export");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var cells = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "");
            Assert.DoesNotContain(cells, c => c.Contains(Focus));
            foreach (var url in new[] { "/supervision", "/supervision?state=planned", "/supervision?unit=510104", "/supervision/items", "/supervision/items?overdue=true", "/audit?entity=InspectionPlan", "/audit", "/" })
            {
                var r = await pages.GetAsync(url);
                var html = await r.Content.ReadAsStringAsync();
                Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{user} {url}: {(int)r.StatusCode}");
                Assert.DoesNotContain(Focus, html);
                Assert.DoesNotContain(Centurion.Features.Demo.DemoSupervision.SecretFocus, html);
                Assert.DoesNotContain($"/supervision/plans/{plan}", html);
            }
        }

        // The campaign office and the team see it, and the audit keeps it at the province, where only they look.
        Assert.Contains(Focus, await TestApp.PageAsync((await app.SignInAsync("province")).Client, "/audit?entity=InspectionPlan"));
        var inspectorPages = (await app.SignInAsync("inspector")).Client;
        Assert.Contains(Focus, await TestApp.PageAsync(inspectorPages, "/supervision"));
        Assert.Contains(Centurion.Features.Demo.DemoSupervision.SecretFocus, await TestApp.PageAsync(inspectorPages, "/supervision?state=planned"));

        // Carried out, it is there for the county and the prefecture above it: the filter hid it, not a broken route.
        app.Clock.SetLocal(2022, 8, 5, 23);
        await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/plans/{plan}/carry-out", CarryOutBody()));
        foreach (var user in new[] { "chengdu", "jinjiang" })
        {
            Assert.Equal(Focus, (await OkAsync(await app.ApiAs(user).GetAsync($"/api/supervision/plans/{plan}"))).GetProperty("focus").GetString());
            Assert.Contains(plan, (await OkAsync(await app.ApiAs(user).GetAsync("/api/supervision/plans?unit=510104&pageSize=500"))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"/api/supervision/plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("chengdu").GetAsync($"/api/supervision/plans/{drawn}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_member_from_the_targets_chain_and_a_target_outside_the_prefectures_are_refused_and_the_draw_is_reproduced(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var inspector = app.ApiAs("inspector");
        var conflicted = await TeamAsync(app, "inspector", "chengdu");
        var conflict = await app.ApiAs("province").PostAsJsonAsync("/api/supervision/plans", PlanBody(conflicted));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("chengdu", await conflict.Content.ReadAsStringAsync());

        var team = await TeamAsync(app);
        var outside = await inspector.PostAsJsonAsync("/api/supervision/plans", PlanBody(team, "510703")); // a Mianyang district
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("jinjiang").PostAsJsonAsync("/api/supervision/plans", PlanBody(team))).StatusCode);

        var plan = await OkAsync(await inspector.PostAsJsonAsync("/api/supervision/plans/draw",
            new { team, seed = 20220805, plannedOn = "2022-08-06", focus = Focus, checklist = new[] { "值班" } }));
        Assert.True(plan.GetProperty("draw").GetProperty("reproduces").GetBoolean());
        await using var db = app.Db();
        var planId = plan.GetProperty("id").GetInt64();
        var draw = await db.Set<InspectionPlan>().Where(p => p.Id == planId).Select(p => p.Draw!).SingleAsync();
        Assert.Equal(DutyDraw.Pick(20220805, draw.CandidateCodes, 1)[0], draw.Drawn);
        var chengdu = await db.Units.Where(u => u.Code == "510100").Select(u => u.Id).SingleAsync();
        var chengduUnits = await db.UnitLinks.Where(l => l.AncestorId == chengdu).Join(db.Units, l => l.DescendantId, u => u.Id, (l, u) => u.Code).ToListAsync();
        Assert.All(draw.CandidateCodes.Where(c => !c.StartsWith("KP")), c => Assert.Contains(c, chengduUnits));
        Assert.Contains(draw.CandidateCodes, c => c.StartsWith("KP"));
        // With chengdu on the team, nothing in Chengdu could be drawn.
        var none = await app.ApiAs("province").PostAsJsonAsync("/api/supervision/plans/draw", new { team = conflicted, plannedOn = "2022-08-06", focus = "x", checklist = new[] { "值班" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_item_goes_from_assigned_to_closed_out_each_move_by_its_own_party_and_is_overdue_by_the_clock(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var inspector = app.ApiAs("inspector");
        var jinjiang = app.ApiAs("jinjiang");
        var plan = (await OkAsync(await inspector.PostAsJsonAsync("/api/supervision/plans", PlanBody(team)))).GetProperty("id").GetInt64();
        app.Clock.SetLocal(2022, 8, 5, 23);
        var carried = await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/plans/{plan}/carry-out", CarryOutBody()));
        var finding = carried.GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await jinjiang.PostAsJsonAsync($"/api/supervision/findings/{finding}/items",
            new { unit = "510104", responsiblePerson = "李某", measure = "增派夜间警力", deadline = "2022-08-15" })).StatusCode);
        var outside = await inspector.PostAsJsonAsync($"/api/supervision/findings/{finding}/items", new { unit = "510703", responsiblePerson = "李某", measure = "x", deadline = "2022-08-15" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        var item = (await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/findings/{finding}/items",
            new { unit = "510104", responsiblePerson = "李某", measure = "增派夜间警力", deadline = "2022-08-15" }))).GetProperty("id").GetInt64();

        var work = (await OkAsync(await jinjiang.GetAsync("/api/work"))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("link").GetString()).ToList();
        Assert.Contains($"/supervision/items/{item}", work);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"/api/supervision/items/{item}")).StatusCode);

        async Task<HttpResponseMessage> Act(HttpClient who, string action, string? note = null, string? newDeadline = null) =>
            await who.PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action, note, newDeadline });

        Assert.Equal(HttpStatusCode.Forbidden, (await Act(inspector, "start")).StatusCode);
        Assert.Equal(["start"], (await OkAsync(await jinjiang.GetAsync($"/api/supervision/items/{item}"))).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await OkAsync(await Act(jinjiang, "start"));
        Assert.Equal(HttpStatusCode.Conflict, (await Act(jinjiang, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Act(jinjiang, "submit")).StatusCode);
        await OkAsync(await Act(jinjiang, "submit", "已增派两个巡逻组"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(jinjiang, "verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Act(app.ApiAs("chengdu"), "verify")).StatusCode);
        await OkAsync(await Act(inspector, "return", "照片不清楚"));
        await OkAsync(await Act(jinjiang, "submit", "补拍照片"));

        // Overdue from midnight after the deadline day, province time, and in the overdue filter.
        app.Clock.SetLocal(2022, 8, 15, 23, 59, 59);
        Assert.False((await OkAsync(await inspector.GetAsync($"/api/supervision/items/{item}"))).GetProperty("overdue").GetBoolean());
        app.Clock.SetLocal(2022, 8, 16, 0, 0, 0);
        Assert.True((await OkAsync(await inspector.GetAsync($"/api/supervision/items/{item}"))).GetProperty("overdue").GetBoolean());
        Assert.Contains(item, (await OkAsync(await app.ApiAs("chengdu").GetAsync("/api/supervision/items?overdue=true&unit=510104&pageSize=500"))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        await OkAsync(await Act(inspector, "verify"));
        var closed = await OkAsync(await Act(inspector, "close-out"));
        Assert.Equal("closed-out", closed.GetProperty("state").GetString());
        Assert.False(closed.GetProperty("overdue").GetBoolean());
        Assert.Equal(["Assigned", "InProgress", "Submitted", "InProgress", "Submitted", "Verified", "ClosedOut"],
            closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));

        var reopened = await OkAsync(await Act(inspector, "reopen", "8月复查又无警力", "2022-08-30"));
        Assert.Equal((1, "in-progress"), (reopened.GetProperty("recurrences").GetInt32(), reopened.GetProperty("state").GetString()));
    }

    [Theory, BothDatabases]
    public async Task Refused_forms_keep_what_was_typed_and_an_item_page_offers_each_party_only_its_own_moves(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var (inspector, _) = await app.SignInAsync("inspector");
        var refused = await TestApp.PostFormAsync(inspector, "/supervision/plans/new", "plan", new Dictionary<string, string>
        {
            ["Input.Team"] = team.ToString(), ["Input.Unit"] = "510703", ["Input.PlannedOn"] = "2022-08-05", ["Input.Focus"] = Focus,
            ["Input.Checklist"] = "值班民警在岗\n巡防台账齐全", ["Input.Mode"] = "plan",
        });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("form-error", html);
        Assert.Contains(Focus, html);
        Assert.Contains("510703", html);
        Assert.Contains("巡防台账齐全", html);

        var made = await TestApp.PostFormAsync(inspector, "/supervision/plans/new", "plan", new Dictionary<string, string>
        {
            ["Input.Team"] = team.ToString(), ["Input.Unit"] = "510104", ["Input.PlannedOn"] = "2022-08-05", ["Input.Focus"] = Focus,
            ["Input.Checklist"] = "值班民警在岗", ["Input.Mode"] = "plan",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var plan = long.Parse(made.Headers.Location!.ToString().Split('/')[^1]);
        app.Clock.SetLocal(2022, 8, 5, 23);
        (inspector, _) = await app.SignInAsync("inspector"); // the sign-in cookie ages with the app's clock
        var noPlace = await TestApp.PostFormAsync(inspector, $"/supervision/plans/{plan}/carry-out", "carry-out", new Dictionary<string, string>
        {
            ["Input.HappenedAt"] = "2022-08-05T21:30", ["Input.Went"] = "inspector", ["Input.Answers[0].Note"] = "",
            ["Input.Finding.What"] = "值班室无人", ["Input.Finding.Where"] = "", ["Input.Finding.Severity"] = "major", ["Input.Finding.Category"] = "duty", ["Input.Finding.Line"] = "",
        });
        var noPlaceHtml = await noPlace.Content.ReadAsStringAsync();
        Assert.True(noPlace.StatusCode == HttpStatusCode.OK, $"{(int)noPlace.StatusCode} {noPlaceHtml}");
        Assert.Contains("form-error", noPlaceHtml);
        Assert.Contains("值班室无人", noPlaceHtml);
        var carried = await TestApp.PostFormAsync(inspector, $"/supervision/plans/{plan}/carry-out", "carry-out", new Dictionary<string, string>
        {
            ["Input.HappenedAt"] = "2022-08-05T21:30", ["Input.Went"] = "inspector、张三", ["Input.Answers[0].Passed"] = "false", ["Input.Answers[0].Note"] = "不在岗",
            ["Input.Finding.What"] = "值班室无人", ["Input.Finding.Where"] = "锦江分局值班室", ["Input.Finding.Severity"] = "major", ["Input.Finding.Category"] = "duty",
        });
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        var finding = (await OkAsync(await app.ApiAs("inspector").GetAsync($"/api/supervision/plans/{plan}"))).GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetInt64();
        var assigned = await TestApp.PostFormAsync(inspector, $"/supervision/findings/{finding}", "item", new Dictionary<string, string>
        {
            ["Input.Unit"] = "510104", ["Input.Person"] = "李某", ["Input.Measure"] = "值班室24小时有人", ["Input.Deadline"] = "2022-08-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var item = assigned.Headers.Location!.ToString();

        var (county, _) = await app.SignInAsync("jinjiang");
        var countyPage = await TestApp.PageAsync(county, item);
        Assert.Contains("act-start", countyPage);
        Assert.DoesNotContain("act-start", await TestApp.PageAsync(inspector, item));
        await TestApp.PostFormAsync(county, item, "item-action", new Dictionary<string, string> { ["Act.Action"] = "start" });
        var noEvidence = await (await TestApp.PostFormAsync(county, item, "item-action", new Dictionary<string, string> { ["Act.Action"] = "submit", ["Act.Note"] = " " })).Content.ReadAsStringAsync();
        Assert.Contains("action-error", noEvidence);
        Assert.DoesNotContain("act-verify", await TestApp.PageAsync(county, item));
        await TestApp.PostFormAsync(county, item, "item-action", new Dictionary<string, string> { ["Act.Action"] = "submit", ["Act.Note"] = "已安排24小时值班" });
        Assert.Contains("act-verify", await TestApp.PageAsync(inspector, item));
    }
}
