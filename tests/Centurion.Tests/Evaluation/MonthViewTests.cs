using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Evaluation;

/// <summary>The monthly evaluation as users see it, through the real API and pages on both databases: ranking, explanations, scope, what-if, links.</summary>
public class MonthViewTests
{
    private const string Api = "/api/campaigns/summer-2022/evaluation";
    private const string Pages = "/campaigns/summer-2022/evaluation";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static IEnumerable<JsonElement> Units(JsonElement ranking) => ranking.GetProperty("units").EnumerateArray();

    [Theory, BothDatabases]
    public async Task Every_units_explanation_adds_up_to_its_score_and_every_source_link_opens_a_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var province = app.ApiAs("province");

        var months = (await OkAsync(await province.GetAsync($"{Api}/months"))).EnumerateArray().ToList();
        Assert.Equal(["2022-07", "2022-08", "2022-09"], months.Select(m => m.GetProperty("key").GetString()));
        Assert.Equal(("2022-06-25", 1), (months[0].GetProperty("from").GetString(), months[0].GetProperty("version").GetInt32()));

        var ranking = await OkAsync(await province.GetAsync($"{Api}/2022-08"));
        Assert.Equal((1, 21), (ranking.GetProperty("version").GetInt32(), ranking.GetProperty("peers").GetInt32()));
        Assert.Equal(app.Clock.UtcNow, ranking.GetProperty("asOfUtc").GetDateTime());
        var units = Units(ranking).ToList();
        Assert.Equal(21, units.Count);
        Assert.Equal(5, units.Count(u => u.GetProperty("list").GetString() == "red"));
        Assert.Contains(units, u => u.GetProperty("list").GetString() == "black");
        var hrefs = new HashSet<string>();
        foreach (var u in units)
        {
            var code = u.GetProperty("unit").GetString()!;
            var score = u.GetProperty("score").GetDecimal();
            var points = u.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(score, points.Sum(p => p.GetProperty("points").GetDecimal()));
            Assert.Equal(u.GetProperty("deductions").GetDecimal(), points.Where(p => p.GetProperty("group").GetString() == "deductions").Sum(p => p.GetProperty("points").GetDecimal()));
            Assert.Equal(1 + units.Count(o => o.GetProperty("score").GetDecimal() > score), u.GetProperty("rank").GetInt32());

            var x = await OkAsync(await province.GetAsync($"{Api}/2022-08/units/{code}"));
            var unit = x.GetProperty("unit");
            Assert.Equal((score, u.GetProperty("rank").GetInt32(), u.GetProperty("list").GetString()), (unit.GetProperty("score").GetDecimal(), unit.GetProperty("rank").GetInt32(), unit.GetProperty("list").GetString()));
            var groups = x.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(["base", "indicators", "deductions", "bonuses"], groups.Select(g => g.GetProperty("group").GetString()));
            Assert.Equal(score, groups.Sum(g => g.GetProperty("subtotal").GetDecimal()));
            foreach (var g in groups)
                Assert.Equal(g.GetProperty("subtotal").GetDecimal(), g.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("points").GetDecimal()));
            Assert.Equal(points.Count, groups.Sum(g => g.GetProperty("points").GetArrayLength()));
            foreach (var p in points.Where(p => p.GetProperty("source").ValueKind == JsonValueKind.Object))
            {
                var href = p.GetProperty("source").GetProperty("href").GetString();
                Assert.False(string.IsNullOrEmpty(href), p.ToString());
                hrefs.Add(href!);
            }
        }
        // Each kind of source the month has is linked (an item's and a report's at least), and every link opens for the office.
        Assert.Contains(hrefs, h => h.StartsWith("/supervision/items/"));
        Assert.Contains(hrefs, h => h.StartsWith("/campaigns/summer-2022/dashboard?unit="));
        var (browser, _) = await app.SignInAsync("province");
        foreach (var href in hrefs) await TestApp.PageAsync(browser, href);

        // The pages: the months, the ranking with its lists, an explanation; and the exports.
        Assert.Contains("2022-08", await TestApp.PageAsync(browser, Pages));
        var page = await TestApp.PageAsync(browser, $"{Pages}/2022-08");
        Assert.Contains("id=\"black-list\"", page);
        var black = units.First(u => u.GetProperty("list").GetString() == "black").GetProperty("unit").GetString();
        Assert.Contains($"href=\"{Pages}/2022-08/units/{black}\"", page);
        var explained = await TestApp.PageAsync(browser, $"{Pages}/2022-08/units/{black}");
        Assert.Contains("id=\"group-deductions\"", explained);
        foreach (var url in new[] { $"{Api}/2022-08/export", $"{Api}/2022-08/units/{black}/export", $"{Api}/2022-08/export?whatif=true" })
        {
            var file = await province.GetAsync(url);
            Assert.Equal((HttpStatusCode.OK, Files.XlsxType), (file.StatusCode, file.Content.Headers.ContentType?.MediaType));
        }

        // A malformed month is a 400 that says so; a month the campaign does not have, or a unit it does not score, a 404.
        var bad = await province.GetAsync($"{Api}/August");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("YYYY-MM", await bad.Content.ReadAsStringAsync());
        var badPage = await browser.GetAsync($"{Pages}/2022-8");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("YYYY-MM", await badPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync($"{Api}/2022-12")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync($"{Api}/2022-08/units/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{Pages}/2022-08/units/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{Pages}/2022-13/units/510100")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_unit_sees_its_own_explanation_not_another_peers_and_only_its_own_row_when_the_ranking_is_not_published(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var mianyang = app.ApiAs("mianyang");
        Assert.Equal("510700", (await OkAsync(await mianyang.GetAsync($"{Api}/2022-08/units/510700"))).GetProperty("unit").GetProperty("unit").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"{Api}/2022-08/units/510100")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"{Api}/2022-08/units/510100/export")).StatusCode);
        var (browser, _) = await app.SignInAsync("mianyang");
        await TestApp.PageAsync(browser, $"{Pages}/2022-08/units/510700");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{Pages}/2022-08/units/510100")).StatusCode);

        // The scheme publishes the ranking: every peer's line, but the points only of its own.
        var ranking = await OkAsync(await mianyang.GetAsync($"{Api}/2022-08"));
        Assert.Equal(21, Units(ranking).Count());
        Assert.Equal(["510700"], Units(ranking).Where(u => u.GetProperty("points").ValueKind == JsonValueKind.Array).Select(u => u.GetProperty("unit").GetString()));
        Assert.False(ranking.GetProperty("office").GetBoolean());
        // No what-if for a unit, and the counties of its own prefecture only.
        Assert.Equal(HttpStatusCode.Forbidden, (await mianyang.GetAsync($"{Api}/2022-08?whatif=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"{Pages}/2022-08?whatif=1")).StatusCode);
        var counties = await OkAsync(await mianyang.GetAsync($"{Api}/2022-08?within=510700"));
        Assert.True(Units(counties).Any() && Units(counties).All(u => u.GetProperty("unit").GetString()!.StartsWith("5107")));
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"{Api}/2022-08?within=510100")).StatusCode);
        Assert.Equal(["510700"], (await OkAsync(await mianyang.GetAsync($"{Api}/2022-08"))).GetProperty("withinOptions").EnumerateArray().Select(o => o.GetProperty("code").GetString()));

        // A version that does not publish the ranking, applying from August: the unit sees its own line alone; the office all.
        await using (var db = app.Db())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Code == DemoCampaign.Code);
            var versions = await db.Set<ScoringSchemeVersion>().Include(v => v.Campaign).Where(v => v.CampaignId == campaign.Id).ToListAsync();
            var draft = versions.Single(v => v.IsDraft);
            draft.Edit(DemoEvaluation.SummerScheme with { PublishRanking = false }, new(2022, 8, 1), "province", app.Clock.UtcNow);
            draft.Publish(versions, "province", app.Clock.UtcNow);
            await db.SaveChangesAsync();
        }
        var own = await OkAsync(await mianyang.GetAsync($"{Api}/2022-08"));
        Assert.Equal((2, false), (own.GetProperty("version").GetInt32(), own.GetProperty("publishRanking").GetBoolean()));
        Assert.Equal(["510700"], Units(own).Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal(21, own.GetProperty("peers").GetInt32());
        Assert.Contains("id=\"only-own\"", await TestApp.PageAsync(browser, $"{Pages}/2022-08"));
        Assert.Equal(21, Units(await OkAsync(await app.ApiAs("province").GetAsync($"{Api}/2022-08"))).Count());
        Assert.Equal(21, Units(await OkAsync(await mianyang.GetAsync($"{Api}/2022-07"))).Count()); // July keeps version 1, which publishes
    }

    [Theory, BothDatabases]
    public async Task The_what_if_shows_the_draft_beside_the_published_version_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var province = app.ApiAs("province");
        async Task<(int Audit, int Versions, int Changes)> CountAsync()
        {
            await using var db = app.Db();
            return (await db.AuditEntries.CountAsync(), await db.Set<ScoringSchemeVersion>().CountAsync(), await db.Set<ScoringSchemeChange>().CountAsync());
        }
        var before = await CountAsync();

        var plain = await OkAsync(await province.GetAsync($"{Api}/2022-08"));
        var whatIf = await OkAsync(await province.GetAsync($"{Api}/2022-08?whatif=true"));
        Assert.Equal((1, 2), (whatIf.GetProperty("version").GetInt32(), whatIf.GetProperty("draftVersion").GetInt32()));
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("draftVersion").ValueKind);
        // The published side is the same as without the what-if; the draft side is each unit's own ranking under version 2.
        Assert.Equal(Units(plain).Select(u => (u.GetProperty("unit").GetString(), u.GetProperty("score").GetDecimal())), Units(whatIf).Select(u => (u.GetProperty("unit").GetString(), u.GetProperty("score").GetDecimal())));
        var drafts = Units(whatIf).Select(u => (Rank: u.GetProperty("rank").GetInt32(), List: u.GetProperty("list").GetString(), W: u.GetProperty("whatIf"))).ToList();
        foreach (var (rank, list, w) in drafts)
        {
            Assert.Equal(2, w.GetProperty("version").GetInt32());
            Assert.Equal(rank - w.GetProperty("rank").GetInt32(), w.GetProperty("rankChange").GetInt32());
            Assert.Equal(list != w.GetProperty("list").GetString(), w.GetProperty("listChanged").GetBoolean());
            Assert.Equal(1 + drafts.Count(o => o.W.GetProperty("score").GetDecimal() > w.GetProperty("score").GetDecimal()), w.GetProperty("rank").GetInt32());
        }
        // The draft weighs overdue items and disputes resolved more, so some unit scores otherwise under it.
        Assert.Contains(Units(whatIf), u => u.GetProperty("whatIf").GetProperty("score").GetDecimal() != u.GetProperty("score").GetDecimal());

        var (browser, _) = await app.SignInAsync("province");
        var page = await TestApp.PageAsync(browser, $"{Pages}/2022-08?whatif=1");
        Assert.Contains("id=\"whatif-note\"", page);
        Assert.Contains("id=\"change-", page);
        Assert.Equal(before, await CountAsync());
    }
}
