using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

/// <summary>Disputes, hazards, trouble spots and spot checks through the real API and pages, on both databases.</summary>
public class FieldLedgerApiTests
{
    private const string Campaign = "summer-2022";
    private static readonly DateOnly Monday = new(2022, 8, 1); // after the demo's draws

    private static async Task<long> IdAsync(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static object DisputeBody(string parties = "王某与李某") =>
        new { unit = "510104001", parties, type = "neighbour", risk = "medium", place = "锦江区某小区3栋", foundOn = "2022-07-12", source = "walk-in" };

    [Theory, BothDatabases]
    public async Task Every_dispute_hazard_trouble_spot_and_spot_check_endpoint_and_page_answers_not_found_out_of_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10, 0);
        var jinjiang = app.ApiAs("jinjiang");
        var dispute = await IdAsync(await jinjiang.PostAsJsonAsync("/api/ledgers/disputes", DisputeBody()));
        var hazard = await IdAsync(await jinjiang.PostAsJsonAsync("/api/ledgers/hazards",
            new { unit = "510104", description = "楼道堆放易燃物", place = "3栋", risk = "high", foundOn = "2022-07-12", deadline = "2022-07-20" }));
        var spot = await IdAsync(await jinjiang.PostAsJsonAsync("/api/ledgers/trouble-spots",
            new { unit = "510104", name = "某夜市", reason = "斗殴多发", leader = "李某", deadline = "2022-08-30" }));
        var draw = await app.ApiAs("province").PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/draws",
            new { round = Monday, within = new[] { "510104" }, level = "County", count = 1 });
        Assert.Equal(HttpStatusCode.OK, draw.StatusCode);
        var drawn = await draw.Content.ReadFromJsonAsync<JsonElement>();
        var drawId = drawn.GetProperty("id").GetInt64();
        var check = drawn.GetProperty("checks")[0].GetProperty("id").GetInt64();

        var api = app.ApiAs("mianyang"); // a unit leader who keeps ledgers, but Mianyang's
        var (pages, _) = await app.SignInAsync("mianyang");
        var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("GET dispute", () => api.GetAsync($"/api/ledgers/disputes/{dispute}")),
            ("PUT dispute", () => api.PutAsJsonAsync($"/api/ledgers/disputes/{dispute}", DisputeBody())),
            ("act dispute", () => api.PostAsJsonAsync($"/api/ledgers/disputes/{dispute}/actions", new { action = "mediate" })),
            ("list disputes", () => api.GetAsync("/api/ledgers/disputes?unit=510104")),
            ("export disputes", () => api.GetAsync("/api/ledgers/disputes/export?unit=510104")),
            ("dispute figures", () => api.GetAsync("/api/ledgers/disputes/figures?unit=510104&from=2022-07-01&to=2022-07-31")),
            ("GET hazard", () => api.GetAsync($"/api/ledgers/hazards/{hazard}")),
            ("act hazard", () => api.PostAsJsonAsync($"/api/ledgers/hazards/{hazard}/actions", new { action = "assign", assignedTo = "x" })),
            ("list hazards", () => api.GetAsync("/api/ledgers/hazards?unit=510104")),
            ("GET spot", () => api.GetAsync($"/api/ledgers/trouble-spots/{spot}")),
            ("PUT spot", () => api.PutAsJsonAsync($"/api/ledgers/trouble-spots/{spot}", new { name = "x", reason = "x", leader = "x", deadline = "2022-09-01" })),
            ("act spot", () => api.PostAsJsonAsync($"/api/ledgers/trouble-spots/{spot}/actions", new { action = "rectify" })),
            ("list spots", () => api.GetAsync("/api/ledgers/trouble-spots?unit=510104")),
            ("export spots", () => api.GetAsync("/api/ledgers/trouble-spots/export?unit=510104")),
            ("spots by unit", () => api.GetAsync("/api/ledgers/trouble-spots/by-unit?unit=510104")),
            ("GET draw", () => api.GetAsync($"/api/ledgers/spot-checks/{Campaign}/draws/{drawId}")),
            ("record check", () => api.PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/checks/{check}", new { calledAt = "2022-08-02T09:00:00", answeredWithinSeconds = 5, rosterComplete = true, leaderReachable = true, equipmentReady = true })),
            ("list checks", () => api.GetAsync($"/api/ledgers/spot-checks/{Campaign}/checks?unit=510104")),
            ("failures", () => api.GetAsync($"/api/ledgers/spot-checks/{Campaign}/failures?unit=510104")),
            ("screening rounds", () => api.GetAsync($"/api/ledgers/screening/{Campaign}/rounds?unit=510104")),
            ("dispute page", () => pages.GetAsync($"/ledgers/disputes/{dispute}")),
            ("dispute form", () => pages.GetAsync($"/ledgers/disputes/{dispute}/edit")),
            ("hazard page", () => pages.GetAsync($"/ledgers/hazards/{hazard}")),
            ("hazard form", () => pages.GetAsync($"/ledgers/hazards/{hazard}/edit")),
            ("spot page", () => pages.GetAsync($"/ledgers/trouble-spots/{spot}")),
            ("spot form", () => pages.GetAsync($"/ledgers/trouble-spots/{spot}/edit")),
            ("disputes list page", () => pages.GetAsync("/ledgers/disputes?unit=510104")),
            ("hazards list page", () => pages.GetAsync("/ledgers/hazards?unit=510104")),
            ("spots list page", () => pages.GetAsync("/ledgers/trouble-spots?unit=510104")),
            ("checks list page", () => pages.GetAsync($"/ledgers/spot-checks?campaign={Campaign}&unit=510104")),
            ("draw page", () => pages.GetAsync($"/ledgers/spot-checks/{Campaign}/draws/{drawId}")),
            // Another line than public order or patrol: the ledgers do not exist.
            ("other line", () => app.ApiAs("xingzhen").GetAsync("/api/ledgers/disputes")),
            ("other line checks", () => app.ApiAs("xingzhen").GetAsync($"/api/ledgers/spot-checks/{Campaign}/draws")),
        };
        foreach (var (what, call) in calls)
        {
            var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        foreach (var bad in new[] { "/ledgers/disputes?from=2022-13-45", "/ledgers/hazards?from=2022-07-10&to=2022-07-01", "/ledgers/trouble-spots?to=bad" })
        {
            var response = await pages.GetAsync(bad); // the user's mistake, with the message on the page, never a 500
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)response.StatusCode}");
        }
        await using var db = app.Db();
        Assert.Equal(DisputeStatus.Found, (await db.Set<Dispute>().SingleAsync(d => d.Id == dispute)).Status);
        Assert.Equal(TroubleSpotStatus.Listed, (await db.Set<TroubleSpot>().SingleAsync(s => s.Id == spot)).Status);
        Assert.Null((await db.Set<SpotCheck>().SingleAsync(k => k.Id == check)).Passed);
    }

    [Theory, BothDatabases]
    public async Task A_draw_is_stored_and_audited_reproduces_from_its_seed_and_a_redraw_needs_a_reason_and_stays_visible(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10, 0);
        var office = app.ApiAs("province");
        var url = $"/api/ledgers/spot-checks/{Campaign}/draws";
        var body = new { round = Monday, within = new[] { "510100", "510700", "513300" }, level = "County", count = 5 };

        var first = await (await office.PostAsJsonAsync(url, body)).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await office.PostAsJsonAsync(url, body);
        var second = await office.PostAsJsonAsync(url, new { body.round, body.within, body.level, body.count, reason = "候选名单漏了新设的区" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = app.Db();
        var draws = await db.Set<SpotCheckDraw>().Include(d => d.Checks).ThenInclude(k => k.Unit).Where(d => d.Round == Monday).OrderBy(d => d.Sequence).ToListAsync();
        Assert.Equal(2, draws.Count);
        foreach (var d in draws)
        {
            // Re-run from the stored seed and candidates alone: the same units, and those are the units checked.
            Assert.Equal(d.DrawnCodes, DutyDraw.Pick((ulong)d.Seed, d.CandidateCodes, d.Count));
            Assert.Equal(d.DrawnCodes.Order(), d.Checks.Select(k => k.Unit!.Code).Order());
        }
        var counties = await db.Units.Where(u => u.Level == Features.Units.UnitLevel.County && (u.Code.StartsWith("5101") || u.Code.StartsWith("5107") || u.Code.StartsWith("5133")))
            .Select(u => u.Code).ToListAsync();
        Assert.Equal(counties.Order(StringComparer.Ordinal), draws[0].CandidateCodes);
        Assert.Equal(first.GetProperty("seed").GetString(), ((ulong)draws[0].Seed).ToString());
        Assert.True(draws[0].IsSuperseded);
        Assert.Equal("候选名单漏了新设的区", draws[1].Reason);

        // Both draws are in the audit with their seed, candidates and result; the first is marked superseded there too.
        var audit = await db.AuditEntries.Where(a => a.Entity == nameof(SpotCheckDraw)).OrderBy(a => a.Id).ToListAsync();
        var added = audit.Where(a => a.Action == "Added").ToList();
        var superseded = Assert.Single(audit, a => a.Action == "Modified");
        Assert.Equal(2, added.Count);
        Assert.Contains(draws[0].Drawn, added[0].After);
        Assert.Contains(draws[0].Seed.ToString(), added[0].After);
        Assert.Contains(draws[0].Candidates, added[0].After);
        Assert.Equal(draws[0].Id.ToString(), superseded.EntityKey);
        Assert.Contains("SupersededUtc", superseded.After);
        Assert.Equal("候选名单漏了新设的区", JsonDocument.Parse(added[1].After!).RootElement.GetProperty("Reason").GetString());

        // The superseded draw's checks cannot be recorded; the new one's can, and 45 seconds to answer fails.
        var old = draws[0].Checks[0].Id;
        var fresh = draws[1].Checks[0];
        var result = new { calledAt = "2022-08-02T21:15:00", answeredWithinSeconds = 45, rosterComplete = true, leaderReachable = true, equipmentReady = true };
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/checks/{old}", result)).StatusCode);
        var recorded = await (await office.PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/checks/{fresh.Id}", result)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(recorded.GetProperty("passed").GetBoolean());
        Assert.Equal(["AnsweredInTime"], recorded.GetProperty("broken").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/checks/{fresh.Id}", result)).StatusCode);
        var failures = await office.GetFromJsonAsync<JsonElement>($"/api/ledgers/spot-checks/{Campaign}/failures?unit={fresh.Unit!.Code}");
        var row = failures.EnumerateArray().Single(f => f.GetProperty("month").GetString() == "2022-08");
        Assert.Equal((1, 1), (row.GetProperty("checks").GetInt32(), row.GetProperty("failed").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync(url, new { body.round, body.within, body.level, body.count, reason = "x" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_dispute_refuses_an_id_number_then_moves_to_resolved_and_counts_in_the_derived_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 14, 10, 0);
        var api = app.ApiAs("jinjiang");

        var refused = await api.PostAsJsonAsync("/api/ledgers/disputes", DisputeBody("张三 510104199001011234"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("身份证", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await using (var db = app.Db()) Assert.False(await db.Set<Dispute>().AnyAsync(d => d.Parties.Contains("510104199001011234")));

        var id = await IdAsync(await api.PostAsJsonAsync("/api/ledgers/disputes", DisputeBody()));
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/ledgers/disputes/figures?unit=510104001&from=2022-07-14&to=2022-07-14");
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/ledgers/disputes/{id}/actions", new { action = "resolve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/ledgers/disputes/{id}/actions", new { action = "mediate", note = "约双方到所" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/ledgers/disputes/{id}/actions", new { action = "resolve", note = "达成协议" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("province").PostAsJsonAsync($"/api/ledgers/disputes/{id}/actions", new { action = "follow-up", note = "x" })).StatusCode);

        var d = await api.GetFromJsonAsync<JsonElement>($"/api/ledgers/disputes/{id}");
        Assert.Equal(("resolved", "2022-07-14"), (d.GetProperty("status").GetString(), d.GetProperty("resolvedOn").GetString()));
        Assert.Equal(["Found", "Mediating", "Resolved"], d.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/ledgers/disputes/figures?unit=510104001&from=2022-07-14&to=2022-07-14");
        Assert.Equal(before.GetProperty("disputesResolved").GetInt64() + 1, after.GetProperty("disputesResolved").GetInt64());
        var list = await api.GetFromJsonAsync<JsonElement>("/api/ledgers/disputes?unit=510104001&state=resolved&from=2022-07-12&to=2022-07-12&type=neighbour");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        await using var check = app.Db();
        Assert.Equal(3, await check.AuditEntries.CountAsync(a => a.Entity == nameof(DisputeChange) && a.UnitId != null));
    }

    [Theory, BothDatabases]
    public async Task A_trouble_spot_reopened_twice_shows_two_recurrences_and_ranks_its_unit_first(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 3, 2, 10, 0); // no campaign runs: the default re-check interval, 14 days
        var api = app.ApiAs("chengdu");
        var id = await IdAsync(await api.PostAsJsonAsync("/api/ledgers/trouble-spots",
            new { unit = "510105001", name = "测试夜市", reason = "夜间聚集滋事", leader = "王队", deadline = "2026-03-20", longitude = 104.05, latitude = 30.67 }));
        async Task Act(object body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var r = await api.PostAsJsonAsync($"/api/ledgers/trouble-spots/{id}/actions", body);
            Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }
        await Act(new { action = "clear", note = "增设岗亭" });
        await Act(new { action = "recheck", foundBack = true, note = "反弹", newDeadline = "2026-04-30" }, HttpStatusCode.Conflict); // not due
        app.Clock.SetLocal(2026, 3, 16, 10, 0);
        await Act(new { action = "recheck", foundBack = true, note = "反弹", newDeadline = "2026-04-30" });
        await Act(new { action = "clear", note = "再次整治" });
        app.Clock.SetLocal(2026, 3, 30, 10, 0);
        await Act(new { action = "recheck", foundBack = true, note = "再次反弹", newDeadline = "2026-04-10" });
        app.Clock.SetLocal(2026, 4, 11, 10, 0);

        var s = await api.GetFromJsonAsync<JsonElement>($"/api/ledgers/trouble-spots/{id}");
        Assert.Equal(("rectifying", 2, 40, true), (s.GetProperty("status").GetString(), s.GetProperty("recurrences").GetInt32(), s.GetProperty("daysOpen").GetInt32(), s.GetProperty("overdue").GetBoolean()));
        var overdue = await api.GetFromJsonAsync<JsonElement>("/api/ledgers/trouble-spots?unit=510105001&overdue=true&type=recurring");
        Assert.Equal([id], overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var top = (await api.GetFromJsonAsync<JsonElement>("/api/ledgers/trouble-spots/by-unit?unit=510105001"))[0];
        Assert.Equal(("510105001", 2, 1), (top.GetProperty("unit").GetString(), top.GetProperty("recurrences").GetInt32(), top.GetProperty("overdue").GetInt32()));
        await using var db = app.Db();
        var point = (await TroubleSpotPoints.ForUnitAsync(db, await db.Units.Where(u => u.Code == "510100").Select(u => u.Id).SingleAsync(), new DateOnly(2026, 4, 11)))
            .Single(p => p.Id == id);
        Assert.Equal((true, true, 2), (point.Open, point.Overdue, point.Recurrences));
    }
}
