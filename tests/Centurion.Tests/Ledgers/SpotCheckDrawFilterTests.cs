using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Support;
using MiniExcelLibs;

namespace Centurion.Tests.Ledgers;

/// <summary>The spot-check draw list filters (drawn unit's subtree, current or superseded, round range) on the page and in the API, and exports what it lists.</summary>
public class SpotCheckDrawFilterTests
{
    private const string Campaign = "summer-2022";
    private const string Draws = $"/api/ledgers/spot-checks/{Campaign}/draws";

    private static List<long> Ids(JsonElement paged) => [.. paged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    private static async Task<JsonElement> ListAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync($"{Draws}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<IDictionary<string, object>>> ExportAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync($"{Draws}/export?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return [.. (await stream.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>()];
    }

    private static List<long> Numbers(List<IDictionary<string, object>> rows) => [.. rows.Select(r => Convert.ToInt64(r["抽查编号"]))];

    /// <summary>
    /// Four draws after the demo's (which end in July): A (1 Aug) and B (8 Aug) draw Jinjiang 510104, C redraws 8 Aug with Fucheng 510703
    /// (Mianyang) and supersedes B, D (15 Aug) draws Fucheng. Each filter's rows are counted by hand from that.
    /// </summary>
    [Theory, BothDatabases]
    public async Task The_draw_list_narrows_by_round_range_state_and_drawn_unit_and_its_export_holds_the_same_rows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 9, 10, 10, 0);
        var office = app.ApiAs("province");
        async Task<long> DrawAsync(string round, string unit, string? reason = null)
        {
            var drawn = await office.PostAsJsonAsync(Draws, new { round, within = new[] { unit }, level = "County", count = 1, reason, seed = 42 });
            Assert.True(drawn.IsSuccessStatusCode, await drawn.Content.ReadAsStringAsync());
            return (await drawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }
        var a = await DrawAsync("2022-08-01", "510104");
        var b = await DrawAsync("2022-08-08", "510104");
        var c = await DrawAsync("2022-08-08", "510703", "带班领导电话停机，改抽");
        var d = await DrawAsync("2022-08-15", "510703");

        const string Since = "from=2022-08-01";
        Assert.Equal([d, c, b, a], Ids(await ListAsync(office, Since)));
        Assert.Equal([c, b, a], Ids(await ListAsync(office, Since + "&to=2022-08-08")));
        var superseded = await ListAsync(office, Since + "&state=superseded");
        Assert.Equal([b], Ids(superseded));
        Assert.Equal(c, superseded.GetProperty("items")[0].GetProperty("supersededBy").GetInt64());
        Assert.Equal([d, c, a], Ids(await ListAsync(office, Since + "&state=current")));
        Assert.Equal([b, a], Ids(await ListAsync(office, Since + "&unit=510100")));
        Assert.Equal([d, c], Ids(await ListAsync(office, Since + "&unit=510700")));
        Assert.Equal([a], Ids(await ListAsync(office, Since + "&unit=510100&state=current")));
        var page2 = await ListAsync(office, Since + "&pageSize=3&page=2");
        Assert.Equal([a], Ids(page2));
        Assert.Equal(4, page2.GetProperty("total").GetInt32());

        // The export: the list's rows in its order, every column the office sees.
        var rows = await ExportAsync(office, Since);
        Assert.Equal([d, c, b, a], Numbers(rows));
        Assert.Equal(["抽查编号", "轮次（周一）", "第几次抽取", "抽取时间", "抽取人", "重新抽取理由", "随机种子", "候选单位数", "抽中单位", "被哪次抽取取代"], rows[0].Keys);
        var rowB = rows[2];
        Assert.Equal("2022-08-08", rowB["轮次（周一）"]?.ToString());
        Assert.Equal("2022-09-10 10:00", rowB["抽取时间"]?.ToString());
        Assert.Equal("42", rowB["随机种子"]?.ToString());
        Assert.Equal(1, Convert.ToInt32(rowB["候选单位数"]));
        Assert.Equal("510104", rowB["抽中单位"]?.ToString());
        Assert.Equal(c, Convert.ToInt64(rowB["被哪次抽取取代"]));
        Assert.Equal("带班领导电话停机，改抽", rows[1]["重新抽取理由"]?.ToString());
        Assert.Null(rows[1]["被哪次抽取取代"]);
        Assert.Equal([d, c], Numbers(await ExportAsync(office, Since + "&unit=510700")));
        Assert.Equal([b], Numbers(await ExportAsync(office, Since + "&state=superseded")));
        var all = await ListAsync(office, "pageSize=200");
        Assert.Equal(Ids(all), Numbers(await ExportAsync(office, "")));

        // A unit: only the draws that reached it, only its own unit, no candidates, and not the number of a redraw it cannot see.
        var jinjiang = app.ApiAs("jinjiang");
        var mine = await ListAsync(jinjiang, Since);
        Assert.Equal([b, a], Ids(mine));
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("items")[0].GetProperty("supersededBy").ValueKind);
        var mineRows = await ExportAsync(jinjiang, Since);
        Assert.Equal([b, a], Numbers(mineRows));
        Assert.All(mineRows, r => Assert.Null(r["候选单位数"]));
        Assert.All(mineRows, r => Assert.Null(r["被哪次抽取取代"]));
        var everyOne = await ExportAsync(jinjiang, "");
        Assert.Equal(Ids(await ListAsync(jinjiang, "pageSize=200")), Numbers(everyOne));
        Assert.Subset(Numbers(everyOne).ToHashSet(), new HashSet<long> { a, b });
        Assert.All(everyOne, r => Assert.Equal("510104", r["抽中单位"]?.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"{Draws}?unit=510104")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"{Draws}/export?unit=510104")).StatusCode);

        // The page: the draws' filter narrows the table, and its export link and the check list's form keep it.
        var (pages, _) = await app.SignInAsync("province");
        var html = await TestApp.PageAsync(pages, $"/ledgers/spot-checks?campaign={Campaign}&draws-from=2022-08-01&draws-state=superseded");
        var start = html.IndexOf("id=\"draws\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no draws table");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        Assert.Contains($"/draws/{b}\"", table);
        foreach (var other in new[] { a, c, d }) Assert.DoesNotContain($"/draws/{other}\"", table);
        Assert.Contains("/draws/export?state=superseded&amp;from=2022-08-01\"", html);
        Assert.Contains("name=\"draws-state\" value=\"superseded\"", html); // the check list's form carries the draws' filter
        var none = await TestApp.PageAsync(pages, $"/ledgers/spot-checks?campaign={Campaign}&draws-from=2022-08-16");
        Assert.Contains("id=\"no-draws\"", none);
    }

    [Theory, BothDatabases]
    public async Task A_malformed_draw_filter_is_a_message_not_an_error(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.ApiAs("province");
        foreach (var path in new[] { Draws, Draws + "/export" })
        {
            var date = await office.GetAsync($"{path}?from=2022-13-01");
            Assert.Equal(HttpStatusCode.BadRequest, date.StatusCode);
            Assert.Contains("2022-13-01", await date.Content.ReadAsStringAsync());
            var state = await office.GetAsync($"{path}?state=open");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, state.StatusCode);
            Assert.Contains("current", await state.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync($"{path}?from=2022-08-08&to=2022-08-01")).StatusCode);
        }
        var (pages, _) = await app.SignInAsync("province");
        foreach (var (query, status) in new[] { ("draws-from=abc", HttpStatusCode.BadRequest), ("draws-state=open", HttpStatusCode.UnprocessableEntity) })
        {
            var response = await pages.GetAsync($"/ledgers/spot-checks?campaign={Campaign}&{query}");
            Assert.Equal(status, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("role=\"alert\"", body);
            Assert.Contains(query.EndsWith("abc") ? "abc" : "current", body);
        }
    }
}
