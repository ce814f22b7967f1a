using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

/// <summary>The screening list and the spot-check draws page like the other ledger lists, on the page and in the API.</summary>
public class LedgerPagingTests
{
    private const string Campaign = "summer-2022";

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static List<long> Ids(JsonElement paged) => [.. paged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    [Theory, BothDatabases]
    public async Task Page_two_of_the_screenings_shows_the_next_fifty_latest_round_first(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        List<(long Id, string Name)> expected;
        await using (var db = app.Db())
            expected = [.. (await db.Set<Screening>().Join(db.Set<ScreeningRound>(), s => s.RoundId, r => r.Id, (s, r) => new { s.Id, r.Number, s.UnitId })
                .Join(db.Units, x => x.UnitId, u => u.Id, (x, u) => new { x.Id, x.Number, u.Code, u.NameZh }).ToListAsync())
                .OrderByDescending(x => x.Number).ThenBy(x => x.Code, StringComparer.Ordinal).Select(x => (x.Id, x.NameZh))];
        Assert.True(expected.Count > 100, $"the demo has {expected.Count} screenings");

        var api = await (await app.ApiAs("province").GetAsync($"/api/ledgers/screening/{Campaign}/screenings?page=2")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.Skip(50).Take(50).Select(e => e.Id), Ids(api));
        Assert.Equal(expected.Count, api.GetProperty("total").GetInt32());
        var small = await (await app.ApiAs("province").GetAsync($"/api/ledgers/screening/{Campaign}/screenings?page=3&pageSize=7")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.Skip(14).Take(7).Select(e => e.Id), Ids(small));

        var (office, _) = await app.SignInAsync("province");
        var page2 = Table(await TestApp.PageAsync(office, $"/ledgers/screening?campaign={Campaign}&page=2"), "screenings");
        Assert.Contains($"<td>{expected[50].Name}</td>", page2);
        Assert.Contains($"<td>{expected[99].Name}</td>", page2);
        Assert.DoesNotContain($"<td>{expected[0].Name}</td>", page2); // round 2's first unit: on page 1, and round 1's near the end
        Assert.Equal(50, page2.Split("<tr>").Length - 2); // the header's row and the rows

        // Filtered by round and unit subtree: the list, its pager and its export keep the filter.
        long round1;
        await using (var db = app.Db()) round1 = await db.Set<ScreeningRound>().Where(r => r.Number == 1).Select(r => r.Id).SingleAsync();
        var chengdu = await TestApp.PageAsync(office, $"/ledgers/screening?campaign={Campaign}&round={round1}&unit=510100");
        var rows = Table(chengdu, "screenings");
        Assert.Contains("<td>锦江区</td>", rows);
        Assert.DoesNotContain("<td>涪城区</td>", rows); // Mianyang's
        var filtered = await (await app.ApiAs("province").GetAsync($"/api/ledgers/screening/{Campaign}/screenings?round={round1}&unit=510100&pageSize=200")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal(1, i.GetProperty("round").GetInt32()));
        Assert.InRange(filtered.GetProperty("total").GetInt32(), 10, 50); // Chengdu's reporting units, on one page
        Assert.Equal(filtered.GetProperty("total").GetInt32(), rows.Split("<tr>").Length - 2);
        Assert.Contains($"/screenings/export?round={round1}&amp;unit=510100", chengdu);
        var (reporter, _) = await app.SignInAsync("jinjiang");
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/ledgers/screening?campaign={Campaign}&unit=510700")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Page_two_of_the_draws_shows_the_older_draws_and_a_unit_pages_through_only_those_that_reached_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 9, 10, 10, 0);
        var office = app.ApiAs("province");
        for (var monday = new DateOnly(2022, 8, 1); monday <= new DateOnly(2022, 9, 5); monday = monday.AddDays(7))
        {
            var drawn = await office.PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/draws", new { round = monday, within = new[] { "510100" }, level = "County", count = 3 });
            Assert.True(drawn.IsSuccessStatusCode, await drawn.Content.ReadAsStringAsync());
        }
        List<long> all, jinjiangs;
        await using (var db = app.Db())
        {
            all = await db.Set<SpotCheckDraw>().OrderByDescending(d => d.Round).ThenByDescending(d => d.Sequence).Select(d => d.Id).ToListAsync();
            var jinjiang = await db.Units.Where(u => u.Code == "510104").Select(u => u.Id).SingleAsync();
            var reached = await db.Set<SpotCheck>().Where(k => k.UnitId == jinjiang).Select(k => k.DrawId).ToListAsync();
            jinjiangs = [.. all.Where(reached.Contains)];
        }
        Assert.True(all.Count > SpotCheckPageSize, $"{all.Count} draws");

        var api = await (await office.GetAsync($"/api/ledgers/spot-checks/{Campaign}/draws?page=2&pageSize=3")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(all.Skip(3).Take(3), Ids(api));
        Assert.Equal(all.Count, api.GetProperty("total").GetInt32());
        var unit = await (await app.ApiAs("jinjiang").GetAsync($"/api/ledgers/spot-checks/{Campaign}/draws?pageSize=200")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(jinjiangs, Ids(unit));
        Assert.Equal(jinjiangs.Count, unit.GetProperty("total").GetInt32());

        var (pages, _) = await app.SignInAsync("province");
        var first = await TestApp.PageAsync(pages, $"/ledgers/spot-checks?campaign={Campaign}");
        Assert.Contains("id=\"draw-page-next\"", first);
        var second = Table(await TestApp.PageAsync(pages, $"/ledgers/spot-checks?campaign={Campaign}&draw-page=2"), "draws");
        foreach (var id in all.Skip(SpotCheckPageSize)) Assert.Contains($"/draws/{id}\"", second);
        foreach (var id in all.Take(SpotCheckPageSize)) Assert.DoesNotContain($"/draws/{id}\"", second);

        // A unit no draw reached sees no draws and is told its check list is empty, not shown an empty table.
        var (unit2, _) = await app.SignInAsync("mianyang");
        var none = await TestApp.PageAsync(unit2, $"/ledgers/spot-checks?campaign={Campaign}&unit=510703&state=failed");
        Assert.Contains("id=\"no-checks\"", none);
        Assert.DoesNotContain("id=\"checks\"", none);
    }

    private const int SpotCheckPageSize = Features.Ledgers.SpotChecks.Pages.SpotCheckPage.DrawsShown;

    /// <summary>A page number that is no number is the user's mistake: a message on the page (400) or a problem from the API, never a 500.</summary>
    [Theory, BothDatabases]
    public async Task A_malformed_page_number_is_a_message_not_an_error_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (office, _) = await app.SignInAsync("province");
        foreach (var url in new[] { $"/ledgers/screening?campaign={Campaign}&page=abc", $"/ledgers/spot-checks?campaign={Campaign}&draw-page=abc",
            $"/ledgers/spot-checks?campaign={Campaign}&page=x2", $"/ledgers/screening?campaign={Campaign}&round=first", "/ledgers/disputes?page=abc", "/ledgers/trouble-spots?page=1.5" })
        {
            var response = await office.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Contains(url.Contains("round=") ? "轮次" : "页码", body);
            Assert.Contains("role=\"alert\"", body);
        }
        var zero = await office.GetAsync($"/ledgers/screening?campaign={Campaign}&page=0");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zero.StatusCode);
        Assert.Contains("页码从 1 开始", await zero.Content.ReadAsStringAsync());

        var api = app.ApiAs("province");
        foreach (var url in new[] { $"/api/ledgers/screening/{Campaign}/screenings?page=abc", $"/api/ledgers/spot-checks/{Campaign}/draws?page=abc" })
            Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(url)).StatusCode);
        foreach (var url in new[] { $"/api/ledgers/screening/{Campaign}/screenings?page=0", $"/api/ledgers/spot-checks/{Campaign}/draws?pageSize=500" })
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.GetAsync(url)).StatusCode);
    }
}
