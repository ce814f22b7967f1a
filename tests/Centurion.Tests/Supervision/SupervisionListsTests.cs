using System.Net;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Supervision;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Supervision.Teams;
using Centurion.Features.Units;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Centurion.Tests.Supervision.SupervisionApiTests;

namespace Centurion.Tests.Supervision;

/// <summary>
/// The leaders' three lists (problems, rectification items, responsibilities) on the demo's supervision, on both databases,
/// on 21 August 2022 (province time): then Jinjiang's reopened night-market item is due on the 25th, and four open items are overdue.
/// </summary>
public class SupervisionListsTests
{
    private static readonly DateOnly Today = new(2022, 8, 21);

    private static async Task<TestApp> StartAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 21, 10);
        return app;
    }

    private sealed record Expected(Dictionary<string, int> ByState, int Overdue, int Total);

    /// <summary>Each unit's prefecture code, walking parent links in memory: not the closure table the lists use.</summary>
    private static async Task<Func<int, string>> PrefectureOfAsync(CenturionDb db)
    {
        var units = await db.Units.Select(u => new { u.Id, u.ParentId, u.Level, u.Code }).ToDictionaryAsync(u => u.Id);
        return id =>
        {
            var u = units[id];
            while (u.Level != UnitLevel.Prefecture) u = units[u.ParentId!.Value];
            return u.Code;
        };
    }

    private static void AssertCounts(JsonElement counts, Dictionary<string, Expected> expected)
    {
        var rows = counts.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(expected.Keys.Order(), rows.Keys.Order());
        foreach (var (code, e) in expected)
        {
            var row = rows[code];
            Assert.Equal(e.Total, row.GetProperty("total").GetInt32());
            Assert.Equal(e.Overdue, row.GetProperty("overdue").GetInt32());
            foreach (var state in counts.GetProperty("states").EnumerateArray().Select(s => s.GetString()!))
                Assert.True(e.ByState.GetValueOrDefault(state) == row.GetProperty("byState").GetProperty(state).GetInt32(), $"{code} {state}");
        }
        var total = counts.GetProperty("total");
        Assert.Equal(expected.Values.Sum(e => e.Total), total.GetProperty("total").GetInt32());
        Assert.Equal(expected.Values.Sum(e => e.Overdue), total.GetProperty("overdue").GetInt32());
        // The most overdue prefectures come first.
        var overdue = counts.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("overdue").GetInt32()).ToList();
        Assert.Equal(overdue.OrderDescending(), overdue);
    }

    [Theory, BothDatabases]
    public async Task Counts_by_prefecture_are_those_of_a_plain_count_of_the_demo_rows_and_of_a_count_by_hand(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var province = app.ApiAs("province");
        Dictionary<string, Expected> items, problems;
        await using (var db = app.Db())
        {
            var prefectureOf = await PrefectureOfAsync(db);
            var all = await db.Set<RectificationItem>().Select(i => new { i.FindingId, i.UnitId, i.State, i.Deadline }).ToListAsync();
            bool Late(ItemState s, DateOnly deadline) => s != ItemState.ClosedOut && deadline < Today;
            items = all.GroupBy(i => prefectureOf(i.UnitId)).ToDictionary(g => g.Key, g => new Expected(
                g.GroupBy(i => SupervisionDesk.Code(i.State)).ToDictionary(s => s.Key, s => s.Count()), g.Count(i => Late(i.State, i.Deadline)), g.Count()));
            var findings = await db.Set<Finding>().Select(f => new { f.Id, f.UnitId }).ToListAsync();
            problems = findings.GroupBy(f => prefectureOf(f.UnitId)).ToDictionary(g => g.Key, g =>
            {
                var of = g.Select(f => all.Where(i => i.FindingId == f.Id).ToList()).ToList();
                return new Expected(new()
                {
                    ["unassigned"] = of.Count(i => i.Count == 0),
                    ["rectifying"] = of.Count(i => i.Any(x => x.State != ItemState.ClosedOut)),
                    ["closed-out"] = of.Count(i => i.Count > 0 && i.All(x => x.State == ItemState.ClosedOut)),
                }, of.Count(i => i.Any(x => Late(x.State, x.Deadline))), g.Count());
            });
        }
        AssertCounts(await OkAsync(await province.GetAsync("/api/supervision/items/by-prefecture")), items);
        AssertCounts(await OkAsync(await province.GetAsync("/api/supervision/responsibilities/by-prefecture")), items);
        AssertCounts(await OkAsync(await province.GetAsync("/api/supervision/findings/by-prefecture")), problems);

        // By hand, from DemoSupervision: Chengdu has Jinjiang's night-market item (reopened, due 25 August), 东城's duty roster
        // (verified, due 15 July: overdue until closed out) and Wuhou's ledger (assigned, due 31 July); Mianyang Fucheng's two
        // open ones (both overdue) and Jiangyou's closed out; the drawn southern target one closed out.
        Assert.Equal((1, 1, 1), (items["510100"].ByState["in-progress"], items["510100"].ByState["verified"], items["510100"].ByState["assigned"]));
        Assert.Equal((3, 2), (items["510100"].Total, items["510100"].Overdue));
        Assert.Equal((3, 2), (items["510700"].Total, items["510700"].Overdue));
        Assert.Equal(7, items.Values.Sum(e => e.Total));
        // Findings: Chengdu four (the August night-market finding has no item of its own), Mianyang three, eight in all.
        Assert.Equal((4, 2, 1), (problems["510100"].Total, problems["510100"].Overdue, problems["510100"].ByState["unassigned"]));
        Assert.Equal((3, 2, 1), (problems["510700"].Total, problems["510700"].Overdue, problems["510700"].ByState["closed-out"]));
        Assert.Equal(8, problems.Values.Sum(e => e.Total));
    }

    [Theory, BothDatabases]
    public async Task The_lists_put_the_overdue_first_and_filter_by_unit_line_team_state_overdue_and_month_found(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var province = app.ApiAs("province");
        async Task<List<JsonElement>> Rows(string url) => [.. (await OkAsync(await province.GetAsync(url))).GetProperty("items").EnumerateArray()];
        async Task<int> Total(string url) => (await OkAsync(await province.GetAsync(url))).GetProperty("total").GetInt32();

        foreach (var list in new[] { "items", "responsibilities", "findings" })
        {
            var rows = await Rows($"/api/supervision/{list}");
            var overdue = rows.Select(r => r.GetProperty("overdue").GetBoolean()).ToList();
            Assert.Equal(4, overdue.Count(o => o));
            Assert.Equal(overdue.OrderByDescending(o => o), overdue); // all the overdue ones before any other
            Assert.Equal(4, await Total($"/api/supervision/{list}?overdue=true"));
        }
        Assert.Equal(7, await Total("/api/supervision/items"));
        Assert.Equal(8, await Total("/api/supervision/findings"));

        int north;
        await using (var db = app.Db()) north = await db.Set<SupervisionTeam>().Where(t => t.LeaderName == "蒋文斌").Select(t => t.Id).SingleAsync();
        // Jinjiang and its station's items; the patrol line's (the night market's, Chengguan's equipment, the drawn target's);
        // the northern team's three; the one assigned and never started; those of the problems found in August (Jiangyou's).
        Assert.Equal(["510104", "510104001"], (await Rows("/api/supervision/items?unit=510104")).Select(r => r.GetProperty("unit").GetString()).Order());
        Assert.Equal(3, await Total("/api/supervision/items?line=patrol"));
        Assert.All(await Rows("/api/supervision/items?line=patrol"), r => Assert.Equal("patrol", r.GetProperty("line").GetString()));
        Assert.Equal(3, await Total($"/api/supervision/items?team={north}"));
        Assert.Equal("510107", Assert.Single(await Rows("/api/supervision/items?state=assigned")).GetProperty("unit").GetString());
        Assert.Equal("510781", Assert.Single(await Rows("/api/supervision/responsibilities?month=2022-08")).GetProperty("unit").GetString());
        Assert.Equal(6, await Total("/api/supervision/items?month=2022-07"));
        Assert.Equal(0, await Total("/api/supervision/items?month=2022-08&overdue=true"));
        // Problems: found in August, Jinjiang's (no item yet) and Jiangyou's; the one not yet assigned; the closed out.
        Assert.Equal(2, await Total("/api/supervision/findings?month=2022-08"));
        var unassigned = Assert.Single(await Rows("/api/supervision/findings?state=unassigned"));
        Assert.Equal(("510104", 0), (unassigned.GetProperty("unit").GetString(), unassigned.GetProperty("items").GetInt32()));
        Assert.Equal(2, await Total("/api/supervision/findings?state=closed-out"));
        Assert.Equal(4, await Total("/api/supervision/findings?unit=510100"));
        Assert.Equal(4, (await OkAsync(await province.GetAsync("/api/supervision/findings/by-prefecture?line=patrol"))).GetProperty("total").GetProperty("total").GetInt32());
        Assert.Equal(1, (await OkAsync(await province.GetAsync("/api/supervision/items/by-prefecture?state=assigned"))).GetProperty("total").GetProperty("byState").GetProperty("assigned").GetInt32());

        // The responsibility list names the team's leader, one of the campaign's linked leaders, and keeps a unit's items together.
        var who = await Rows("/api/supervision/responsibilities?unit=510700");
        Assert.All(who, r => Assert.Equal("蒋文斌", r.GetProperty("leader").GetString()));
        Assert.Equal(2, await Total("/api/supervision/responsibilities?unit=510700&overdue=true"));
        // Paging: two a page, overdue first across pages.
        var first = await OkAsync(await province.GetAsync("/api/supervision/items?pageSize=2"));
        Assert.Equal((7, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("items").GetArrayLength()));
        Assert.All((await Rows("/api/supervision/items?pageSize=2&page=2")), r => Assert.True(r.GetProperty("overdue").GetBoolean()));
    }

    [Theory, BothDatabases]
    public async Task The_exports_read_back_as_the_lists_rows_with_chinese_headers(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var province = app.ApiAs("province");
        foreach (var (list, header, count) in new[] { ("items", "整改措施", 3), ("responsibilities", "带队领导", 3), ("findings", "问题描述", 4) })
        {
            var r = await province.GetAsync($"/api/supervision/{list}/export?unit=510100");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(Centurion.Infrastructure.Files.XlsxType, r.Content.Headers.ContentType?.MediaType);
            var rows = (await r.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(count, rows.Count);
            Assert.Contains(header, rows[0].Keys);
            var ids = (await OkAsync(await province.GetAsync($"/api/supervision/{list}?unit=510100"))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64());
            Assert.Equal(ids, rows.Select(x => Convert.ToInt64(x["编号"])));
            Assert.All(rows, x => Assert.Equal("成都市", x["市（州）"]?.ToString()));
        }
        var items = (await (await province.GetAsync("/api/supervision/responsibilities/export?unit=510104")).Content.ReadAsStreamAsync())
            .Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(items, x => x["责任人"]?.ToString() == "李建国（锦江分局副局长）" && x["带队领导"]!.ToString()!.StartsWith("叶国华", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Chengdu_sees_only_chengdus_rows_and_counts_and_mianyang_nothing_of_chengdu(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var chengdu = app.ApiAs("chengdu");
        var mianyang = app.ApiAs("mianyang");
        foreach (var list in new[] { "items", "responsibilities", "findings" })
        {
            var mine = await OkAsync(await chengdu.GetAsync($"/api/supervision/{list}/by-prefecture"));
            Assert.Equal("510100", Assert.Single(mine.GetProperty("rows").EnumerateArray()).GetProperty("code").GetString());
            Assert.All((await OkAsync(await chengdu.GetAsync($"/api/supervision/{list}"))).GetProperty("items").EnumerateArray(),
                r => Assert.Equal("510100", r.GetProperty("prefecture").GetString()));
            Assert.Equal(list == "findings" ? 4 : 3, mine.GetProperty("total").GetProperty("total").GetInt32());

            var theirs = await OkAsync(await mianyang.GetAsync($"/api/supervision/{list}/by-prefecture"));
            Assert.Equal("510700", Assert.Single(theirs.GetProperty("rows").EnumerateArray()).GetProperty("code").GetString());
            var json = Strings(await OkAsync(await mianyang.GetAsync($"/api/supervision/{list}"))).ToList();
            Assert.NotEmpty(json);
            Assert.DoesNotContain(json, s => s.Contains("5101") || s.Contains("成都") || s.Contains("锦江"));
            var cells = (await (await mianyang.GetAsync($"/api/supervision/{list}/export")).Content.ReadAsStreamAsync())
                .Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
            Assert.NotEmpty(cells);
            Assert.DoesNotContain(cells, c => c.Contains("5101") || c.Contains("成都") || c.Contains("锦江"));
            Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"/api/supervision/{list}?unit=510100")).StatusCode);
        }
        var (pages, _) = await app.SignInAsync("mianyang");
        foreach (var url in new[] { "/supervision/findings", "/supervision/items", "/supervision/responsibilities" })
        {
            var html = await TestApp.PageAsync(pages, url);
            Assert.DoesNotContain("成都市", html); // the teams' names in the filter may name Chengdu; no row or count does
            Assert.DoesNotContain("锦江", html);
            Assert.Contains("data-prefecture=\"510700\"", html);
        }
    }

    [Theory, BothDatabases]
    public async Task The_inspectors_secret_plan_contributes_nothing_to_any_list_count_or_export_even_for_its_own_team(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        long secret;
        int team;
        await using (var db = app.Db())
            (secret, team) = await db.Set<InspectionPlan>().Where(p => p.Focus == DemoSupervision.SecretFocus).Select(p => new ValueTuple<long, int>(p.Id, p.TeamId)).SingleAsync();
        foreach (var user in new[] { "inspector", "province", "chengdu", "jinjiang" })
        {
            var api = app.ApiAs(user);
            foreach (var list in new[] { "items", "responsibilities", "findings" })
            {
                foreach (var url in new[] { $"/api/supervision/{list}", $"/api/supervision/{list}?unit=510104", $"/api/supervision/{list}?team={team}", $"/api/supervision/{list}/by-prefecture" })
                {
                    var body = await OkAsync(await api.GetAsync(url));
                    Assert.DoesNotContain(Strings(body), s => s.Contains(DemoSupervision.SecretFocus) || s.Contains($"/supervision/plans/{secret}"));
                    if (body.TryGetProperty("items", out var rows))
                        Assert.DoesNotContain(secret, rows.EnumerateArray().Select(r => r.GetProperty("plan").GetInt64()));
                }
                var cells = (await (await api.GetAsync($"/api/supervision/{list}/export")).Content.ReadAsStreamAsync())
                    .Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString() ?? "");
                Assert.DoesNotContain(cells, c => c.Contains(DemoSupervision.SecretFocus) || c.Contains("2022-08-26"));
            }
            // The team's problems are only those it found: its planned inspection of Jinjiang on 26 August adds none.
            await using var db = app.Db();
            var found = await db.Set<Finding>().CountAsync(f => f.Inspection!.Plan!.TeamId == team);
            Assert.Equal(user switch { "chengdu" => 4, "jinjiang" => 3, _ => found }, (await OkAsync(await api.GetAsync($"/api/supervision/findings?team={team}"))).GetProperty("total").GetInt32());
        }
        var (pages, _) = await app.SignInAsync("chengdu");
        foreach (var url in new[] { "/supervision/findings", "/supervision/items", "/supervision/responsibilities", $"/supervision/responsibilities?team={team}" })
        {
            var html = await TestApp.PageAsync(pages, url);
            Assert.DoesNotContain(DemoSupervision.SecretFocus, html);
            Assert.DoesNotContain($"/supervision/plans/{secret}", html);
        }
    }

    [Theory, BothDatabases]
    public async Task A_malformed_filter_is_a_400_that_names_it_in_the_api_and_a_message_on_the_page(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var province = app.ApiAs("province");
        var (pages, _) = await app.SignInAsync("province");
        foreach (var (query, named) in new[] { ("team=abc", "abc"), ("month=2022-13", "2022-13"), ("overdue=maybe", "maybe"), ("state=nope", "nope"),
                     ("line=nope", "nope"), ("page=0", "page=0"), ("pageSize=100000", "pageSize=100000"), ("month=Aug", "month=Aug") })
        {
            foreach (var list in new[] { "items", "responsibilities", "findings" })
            {
                foreach (var url in new[] { $"/api/supervision/{list}?{query}", $"/api/supervision/{list}/by-prefecture?{query}", $"/api/supervision/{list}/export?{query}" })
                {
                    if (query.StartsWith("page", StringComparison.Ordinal) && !url.EndsWith($"{list}?{query}", StringComparison.Ordinal)) continue; // only the lists page
                    var r = await province.GetAsync(url);
                    var body = await r.Content.ReadAsStringAsync();
                    Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)r.StatusCode} {body}");
                    Assert.Contains(Strings(JsonDocument.Parse(body).RootElement), s => s.Contains(named, StringComparison.Ordinal));
                }
                if (query.StartsWith("pageSize", StringComparison.Ordinal)) continue;
                var page = await pages.GetAsync($"/supervision/{list}?{query}");
                var html = await page.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
                Assert.Contains("id=\"filter-error\"", html);
                Assert.Contains(System.Net.WebUtility.HtmlEncode(named), html);
            }
        }
    }

    [Theory, BothDatabases]
    public async Task Province_opens_the_rectification_list_from_supervision_and_sees_the_table_by_prefecture_with_the_overdue_first(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var (pages, _) = await app.SignInAsync("province");
        var hub = await TestApp.PageAsync(pages, "/supervision");
        foreach (var href in new[] { "/supervision/findings", "/supervision/items", "/supervision/responsibilities" }) Assert.Contains($"href=\"{href}\"", hub);
        var html = await TestApp.PageAsync(pages, "/supervision/items");
        Assert.Contains("整改清单", html);
        Assert.Contains("id=\"by-prefecture\"", html);
        Assert.Contains("data-prefecture=\"510100\"", html);
        var table = html[html.IndexOf("id=\"items\"", StringComparison.Ordinal)..];
        var rows = System.Text.RegularExpressions.Regex.Matches(table, "<tr class=\"(overdue|)\" data-id").Select(m => m.Groups[1].Value == "overdue").ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal([true, true, true, true, false, false, false], rows);
        // A prefecture's overdue count opens its overdue items.
        Assert.Contains("href=\"?unit=510100&amp;overdue=true\"", html);
        var chengdu = await TestApp.PageAsync(pages, "/supervision/items?unit=510100&overdue=true");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(chengdu[chengdu.IndexOf("id=\"items\"", StringComparison.Ordinal)..], "<tr class=\"overdue\"").Count);

        await TestApp.InEnglishAsync(pages);
        var english = await TestApp.PageAsync(pages, "/supervision/responsibilities");
        Assert.Contains("Responsibility list", english);
        Assert.Contains("By prefecture", english);
        Assert.Contains("Team leader", english);
        Assert.Contains("Problem list", await TestApp.PageAsync(pages, "/supervision/findings?state=unassigned"));
    }
}
