using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Statistics.StatsData;

namespace Centurion.Tests.Statistics;

/// <summary>Statistics through the real application: the API and the CLI against numbers the test computes itself.</summary>
public class StatsTests
{
    private static readonly string[] Derived =
        ["criminal-cases-filed", "criminal-cases-solved", "public-order-cases-dealt", "offence-suspects", "controlled-instrument-cases", "vulnerable-victim-cases"];

    private static void AssertFigures(JsonElement s, long value, long lastYear, long previous, string what)
    {
        Assert.True((value, lastYear, previous) == (s.GetProperty("value").GetInt64(), s.GetProperty("lastYear").GetInt64(), s.GetProperty("previousPeriod").GetInt64()),
            $"{what}: expected {value}/{lastYear}/{previous}, got {s}");
        AssertClose(lastYear == 0 ? null : (double)(value - lastYear) / lastYear, Number(s, "yoyChange"), what);
        AssertClose(previous == 0 ? null : (double)(value - previous) / previous, Number(s, "popChange"), what);
        AssertClose(2 * (Math.Sqrt(value) - Math.Sqrt(lastYear)), Number(s, "yoyZ"), what);
        AssertClose(2 * (Math.Sqrt(value) - Math.Sqrt(previous)), Number(s, "popZ"), what);
        Assert.Equal(lastYear < 20 || previous < 20, s.GetProperty("lowBase").GetBoolean());
    }

    private static void AssertClose(double? expected, double? actual, string what)
    {
        if (expected is null) Assert.True(actual is null, $"{what}: expected null, got {actual}");
        else Assert.True(actual is { } a && Math.Abs(a - expected.Value) < 1e-9, $"{what}: expected {expected}, got {actual}");
    }

    [Theory, BothDatabases]
    public async Task Stats_over_a_small_known_data_set_equal_the_numbers_computed_in_the_test_by_api_and_cli(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateCampaignAsync(app);
        var records = Cases();
        await ImportAsync(app, "province", Csv(records));
        var province = app.ApiAs("province");

        foreach (var indicator in Derived)
            foreach (var (unit, prefix) in new[] { ("510100", "5101"), ("510104", "510104"), ("510000", "51") })
            {
                var s = await GetAsync(province, Url(unit, indicator));
                AssertFigures(s, Expected(records, indicator, prefix, (From, To)), Expected(records, indicator, prefix, LastYear),
                    Expected(records, indicator, prefix, Previous), $"{indicator} {unit}");
            }
        Assert.True(Expected(records, "criminal-cases-filed", "5101", (From, To)) > 5, "the data set should have cases in the window");

        // By child unit: Chengdu's counties, each its own prefix; the rows add up to the total.
        var byUnit = await GetAsync(province, Url("510100", "criminal-cases-filed", "&by=unit"));
        var rows = byUnit.GetProperty("breakdown").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        foreach (var county in new[] { "510104", "510105", "510106" })
        {
            var expected = Expected(records, "criminal-cases-filed", county, (From, To));
            Assert.Equal(expected, rows[county].GetProperty("value").GetInt64());
            Assert.Equal(Expected(records, "criminal-cases-filed", county, LastYear), rows[county].GetProperty("lastYear").GetInt64());
        }
        Assert.Equal(byUnit.GetProperty("value").GetInt64(), rows.Values.Sum(r => r.GetProperty("value").GetInt64()));
        Assert.Equal("锦江区", rows["510104"].GetProperty("nameZh").GetString());

        // By victim group: a case with two groups counts in each group's row and once in the total.
        var byVictim = await GetAsync(province, Url("510100", "vulnerable-victim-cases", "&by=victim"));
        var victimRows = byVictim.GetProperty("breakdown").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        foreach (var group in new[] { "women", "children", "elderly", "disabled", "students" })
            Assert.Equal(Expected(records, "vulnerable-victim-cases", "5101", (From, To), r => r.Victims.Split(';').Contains(group)),
                victimRows[group].GetProperty("value").GetInt64());
        Assert.True(victimRows.Values.Sum(r => r.GetProperty("value").GetInt64()) > byVictim.GetProperty("value").GetInt64(), "some cases have two groups");

        // By category and by place.
        var byCategory = await GetAsync(province, Url("510100", "criminal-cases-solved", "&by=category"));
        foreach (var row in byCategory.GetProperty("breakdown").EnumerateArray())
            Assert.Equal(Expected(records, "criminal-cases-solved", "5101", (From, To), r => r.Category == row.GetProperty("key").GetString()), row.GetProperty("value").GetInt64());
        var byPlace = await GetAsync(province, Url("510100", "offence-suspects", "&by=place"));
        Assert.Equal(Expected(records, "offence-suspects", "5101", (From, To), r => r.Place == "street"),
            byPlace.GetProperty("breakdown").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "street").GetProperty("value").GetInt64());

        // Reported figures: submitted and approved reports count, a draft does not, nor another prefecture's.
        await FileAsync(app, "510104", From, 4, approve: true);
        await FileAsync(app, "510104", From.AddDays(1), 6, approve: false);
        var draft = await app.ApiAs("chengdu").PutAsJsonAsync(ReportUrl("510104", From.AddDays(2)), new { version = 0, values = Nights(100) });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        await FileAsync(app, "510105", From.AddDays(3), 5, approve: true);
        await BaselineAsync(app, "510104", LastYear.From.AddDays(1), 3);
        await FileAsync(app, "510105", Previous.From.AddDays(1), 2, approve: false);
        await PostAsync(app.ApiAs("mianyang"), ReportUrl("510703", From, "submit"), new { version = 0, values = Nights(50) });

        var nights = await GetAsync(province, Url("510100", "night-operations", "&by=unit&compareMonth=true"));
        AssertFigures(nights, 4 + 6 + 5, 3, 2, "night-operations");
        var nightRows = nights.GetProperty("breakdown").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal((10L, 3L, 0L), (nightRows["510104"].GetProperty("value").GetInt64(), nightRows["510104"].GetProperty("lastYear").GetInt64(), nightRows["510104"].GetProperty("previousPeriod").GetInt64()));
        Assert.Equal((5L, 0L, 2L), (nightRows["510105"].GetProperty("value").GetInt64(), nightRows["510105"].GetProperty("lastYear").GetInt64(), nightRows["510105"].GetProperty("previousPeriod").GetInt64()));
        Assert.Equal("2026-06-10", nights.GetProperty("previousMonthWindow").GetProperty("from").GetString());
        Assert.Equal(0, nights.GetProperty("previousMonth").GetInt64());
        Assert.Equal(65, (await GetAsync(province, Url("510000", "night-operations"))).GetProperty("value").GetInt64());

        // The command line gives the same numbers as the API.
        foreach (var (unit, indicator) in new[] { ("510100", "criminal-cases-filed"), ("510100", "night-operations"), ("510104", "offence-suspects") })
        {
            var run = await CliProcess.RunAsync(provider, app.ConnectionString, "stats", "--campaign", Campaign, "--unit", unit, "--indicator", indicator,
                "--from", $"{From:yyyy-MM-dd}", "--to", $"{To:yyyy-MM-dd}", "--json").ThrowIfFailed();
            var cli = JsonDocument.Parse(run.Output).RootElement;
            var api = await GetAsync(province, Url(unit, indicator));
            foreach (var field in new[] { "value", "lastYear", "previousPeriod", "yoyChange", "popChange", "yoyZ", "popZ", "lowBase", "window", "lastYearWindow", "previousWindow" })
                Assert.Equal(JsonSerializer.Serialize(api.GetProperty(field)), JsonSerializer.Serialize(cli.GetProperty(field)));
        }
        var text = await CliProcess.RunAsync(provider, app.ConnectionString, "stats", "--campaign", Campaign, "--unit", "510100", "--indicator", "night-operations",
            "--from", $"{From:yyyy-MM-dd}", "--to", $"{To:yyyy-MM-dd}").ThrowIfFailed();
        Assert.Contains("+400.0%", text.Output); // 15 against 3

        await using var db = app.Db();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == "DailyFact"), "facts are derived data and not audited");
    }

    [Theory, BothDatabases]
    public async Task A_correction_changes_the_number_only_once_submitted_and_a_return_restores_the_approved_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateCampaignAsync(app);
        var province = app.ApiAs("province");
        var chengdu = app.ApiAs("chengdu");
        async Task<long> ValueAsync() => (await GetAsync(province, Url("510104", "night-operations"))).GetProperty("value").GetInt64();

        var version = await FileAsync(app, "510104", From, 4, approve: true);
        Assert.Equal(4, await ValueAsync());

        version = await PostAsync(chengdu, ReportUrl("510104", From, "corrections"), new { version, reason = "miscounted" });
        var put = await chengdu.PutAsJsonAsync(ReportUrl("510104", From), new { version, values = Nights(9) });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        version = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32();
        Assert.Equal(4, await ValueAsync()); // a draft correction does not count yet

        version = await PostAsync(chengdu, ReportUrl("510104", From, "submit"), new { version });
        Assert.Equal(9, await ValueAsync());

        version = await PostAsync(province, ReportUrl("510104", From, "return"), new { version, reason = "check again" });
        Assert.Equal(4, await ValueAsync()); // the last approved revision counts again

        version = await PostAsync(chengdu, ReportUrl("510104", From, "submit"), new { version, values = Nights(7) });
        await PostAsync(province, ReportUrl("510104", From, "approve"), new { version });
        Assert.Equal(7, await ValueAsync());
        Assert.Equal(7, (await GetAsync(province, Url("510000", "night-operations"))).GetProperty("value").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task A_reimport_that_changes_a_record_moves_its_count(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateCampaignAsync(app);
        var province = app.ApiAs("province");
        async Task<(long Jinjiang, long Qingyang, long Suspects)> CountsAsync()
        {
            var s = await GetAsync(province, Url("510100", "criminal-cases-filed", "&by=unit"));
            var rows = s.GetProperty("breakdown").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("value").GetInt64());
            return (rows["510104"], rows["510105"], (await GetAsync(province, Url("510100", "offence-suspects"))).GetProperty("value").GetInt64());
        }

        var a = new Rec("MOVE-1", "criminal", "510104001", "theft", From.AddDays(1), From.AddDays(2), 3, "street", "", false);
        var b = new Rec("STAY-1", "criminal", "510104002", "fraud", From, null, 0, "bar", "", false);
        await ImportAsync(app, "chengdu", Csv([a, b]));
        Assert.Equal((2L, 0L, 3L), await CountsAsync());

        await ImportAsync(app, "chengdu", Csv([a with { Unit = "510105001" }, b])); // moved to Qingyang
        Assert.Equal((1L, 1L, 3L), await CountsAsync());

        await ImportAsync(app, "chengdu", Csv([a with { Unit = "510105001", Filed = To.AddDays(1), Solved = To.AddDays(1) }, b])); // moved out of the window
        Assert.Equal((1L, 0L, 0L), await CountsAsync());
        Assert.Equal(3, (await GetAsync(province, Url("510100", "offence-suspects").Replace($"to={To:yyyy-MM-dd}", $"to={To.AddDays(1):yyyy-MM-dd}")))
            .GetProperty("value").GetInt64());

        await ImportAsync(app, "chengdu", Csv([a with { Kind = "public-order", Suspects = 1 }, b])); // back in the window, but no longer criminal
        Assert.Equal((1L, 0L, 1L), await CountsAsync());

        var incremental = await FactsAsync(app);
        await RebuildAsync(app);
        Assert.Equal(incremental, await FactsAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Out_of_scope_units_and_other_lines_indicators_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateCampaignAsync(app);
        async Task<HttpStatusCode> StatusAsync(string user, string url) => (await app.ApiAs(user).GetAsync(url)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("chengdu", Url("510104", "criminal-cases-filed")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("chengdu", Url("510700", "criminal-cases-filed")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("chengdu", Url("510703", "criminal-cases-filed")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("jinjiang", Url("510100", "criminal-cases-filed")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("mianyang", Url("510700", "criminal-cases-filed")));
        // The criminal-investigation line sees its own indicators only.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("xingzhen", Url("510000", "criminal-cases-filed")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("xingzhen", Url("510000", "night-operations")));
        // A line asked for explicitly must be the indicator's.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("province", Url("510000", "criminal-cases-filed", "&line=public-order")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("province", Url("510000", "criminal-cases-filed", "&line=criminal-investigation&by=line")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("province", Url("510000", "patrols"))); // not in this campaign
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await StatusAsync("province", Url("510000", "night-operations", "&by=category")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await StatusAsync("province",
            $"/api/stats?campaign={Campaign}&unit=510000&indicator=criminal-cases-filed&from=2026-07-14&to=2026-07-10"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(Url("510000", "criminal-cases-filed"))).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Rebuilding_the_facts_from_scratch_gives_the_same_facts_and_numbers_as_keeping_them_current(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CreateCampaignAsync(app);
        var records = Cases();
        await ImportAsync(app, "province", Csv(records));
        // A second import changes every third record in every way the rules read, and adds new ones.
        var changed = records.Where((r, i) => i % 3 == 0 && r.Unit.StartsWith("5101")).Select((r, i) => (i % 4) switch
        {
            0 => r with { Kind = r.Kind == "criminal" ? "public-order" : "criminal" },
            1 => r with { Filed = r.Filed.AddDays(-3), Solved = null, Suspects = 0 },
            2 => r with { Victims = r.Victims.Length > 0 ? "" : "students", Instrument = !r.Instrument, Category = "robbery" },
            _ => r with { Unit = "510106001", Place = "ktv" },
        }).Concat([new Rec("NEW-1", "criminal", "510104", "theft", From, From, 4, "school", "children", true)]).ToList();
        await ImportAsync(app, "chengdu", Csv(changed));
        await FileAsync(app, "510104", From, 4, approve: true);
        var version = await FileAsync(app, "510105", From, 5, approve: true);
        version = await PostAsync(app.ApiAs("chengdu"), ReportUrl("510105", From, "corrections"), new { version, reason = "late figures" });
        await PostAsync(app.ApiAs("chengdu"), ReportUrl("510105", From, "submit"), new { version, values = Nights(8) });
        await FileAsync(app, "510104", From.AddDays(1), 0, approve: false);

        var province = app.ApiAs("province");
        var urls = Derived.Select(i => Url("510100", i, "&by=unit")).Append(Url("510000", "night-operations", "&by=unit")).ToList();
        var before = new List<string>();
        foreach (var url in urls) before.Add((await GetAsync(province, url)).GetRawText());
        var incremental = await FactsAsync(app);
        Assert.Contains(incremental, f => f.Contains("|0|")); // record facts exist
        Assert.True(incremental.Count > 50, $"{incremental.Count} facts");

        var output = await RebuildAsync(app);
        Assert.Contains($"Facts rebuilt: {incremental.Count} ", output);
        Assert.Equal(incremental, await FactsAsync(app));
        for (var i = 0; i < urls.Count; i++)
            Assert.Equal(before[i], (await GetAsync(province, urls[i])).GetRawText());
    }
}
