using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Support;

namespace Centurion.Tests.Demo;

/// <summary>
/// The source bulletin (Sichuan Legal Daily, 21 July 2022) as the application reports it: the nine figures for 25 June – 20 July 2022
/// through the statistics API, the stats verb and the bulletin, in both languages.
/// </summary>
public class SourceFiguresTests
{
    private const string Window = "campaign=summer-2022&unit=510000&from=2022-06-25&to=2022-07-20";

    public static readonly (string Indicator, long Value)[] Totals =
    [
        ("police-deployments", 168_000), ("social-forces", 460_000), ("offence-suspects", 1_755),
        ("disputes-resolved", 18_000), ("night-operations", 1_125), ("controlled-instrument-cases", 52),
    ];

    public static readonly (string Indicator, string Change, int Percent)[] Changes =
        [("criminal-cases-filed", "yoyChange", -14), ("public-order-cases", "popChange", -36), ("public-order-cases-dealt", "yoyChange", 10)];

    [Theory, BothDatabases]
    public async Task The_nine_figures_come_out_of_the_statistics_api(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AssertTheNineFiguresAsync(app.ApiAs("province"));
    }

    [Theory, BothDatabases]
    public async Task Importing_the_readmes_example_records_leaves_the_bulletin_and_its_comparisons_as_they_are(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.ApiAs("province");
        async Task<List<string>> SnapshotAsync()
        {
            var figures = new List<string>();
            foreach (var indicator in Totals.Select(t => t.Indicator).Concat(Changes.Select(c => c.Indicator)))
            {
                var s = await api.GetFromJsonAsync<JsonElement>($"/api/stats?{Window}&indicator={indicator}");
                figures.Add($"{indicator} {s.GetProperty("value")} {s.GetProperty("lastYear")} {s.GetProperty("previousPeriod")}");
            }
            foreach (var lang in new[] { "zh", "en" })
                figures.Add((await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/summer-2022/bulletin?asOf=2022-07-20&lang={lang}")).GetProperty("text").GetString()!);
            return figures;
        }
        var before = await SnapshotAsync();

        var imported = await Records.RecordFiles.PostAsync(api, await File.ReadAllBytesAsync(Records.RecordFiles.ExamplePath));

        Assert.Equal(System.Net.HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(15, (await Records.RecordFiles.JsonAsync(imported)).GetProperty("inserted").GetInt32());
        Assert.Equal(before, await SnapshotAsync());
        await AssertTheNineFiguresAsync(api);
    }

    private static async Task AssertTheNineFiguresAsync(HttpClient api)
    {
        foreach (var (indicator, value) in Totals)
            Assert.Equal(value, (await api.GetFromJsonAsync<JsonElement>($"/api/stats?{Window}&indicator={indicator}")).GetProperty("value").GetInt64());
        foreach (var (indicator, change, percent) in Changes)
        {
            var s = await api.GetFromJsonAsync<JsonElement>($"/api/stats?{Window}&indicator={indicator}");
            Assert.Equal(percent, (int)Math.Round(s.GetProperty(change).GetDouble() * 100, MidpointRounding.AwayFromZero));
            Assert.True(Math.Abs(s.GetProperty(change == "yoyChange" ? "yoyZ" : "popZ").GetDouble()) >= 2, $"{indicator} should be significant");
        }
    }

    [Theory, BothDatabases]
    public async Task The_stats_verb_gives_the_same_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        async Task<JsonElement> Stats(string indicator) => JsonDocument.Parse((await CliProcess.RunAsync(provider, app.ConnectionString,
            "stats", "--campaign", "summer-2022", "--unit", "510000", "--indicator", indicator, "--from", "2022-06-25", "--to", "2022-07-20", "--json").ThrowIfFailed()).Output).RootElement;

        Assert.Equal(168_000, (await Stats("police-deployments")).GetProperty("value").GetInt64());
        Assert.Equal(-14, (int)Math.Round((await Stats("criminal-cases-filed")).GetProperty("yoyChange").GetDouble() * 100));
        Assert.Equal(-36, (int)Math.Round((await Stats("public-order-cases")).GetProperty("popChange").GetDouble() * 100));
    }

    [Theory, BothDatabases]
    public async Task The_bulletin_states_each_figure_in_chinese_and_in_english(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var zh = (await CliProcess.RunAsync(provider, app.ConnectionString, "bulletin", "--campaign", "summer-2022", "--as-of", "2022-07-20", "--lang", "zh").ThrowIfFailed()).Output;
        var en = (await app.ApiAs("province").GetFromJsonAsync<JsonElement>("/api/campaigns/summer-2022/bulletin?asOf=2022-07-20&lang=en")).GetProperty("text").GetString()!;

        foreach (var phrase in new[] { "出动警力16.8万人次", "群防群治力量46万人次", "违法犯罪嫌疑人1755名", "化解矛盾纠纷1.8万起", "夜查清查整治行动1125次", "管制器具案件52起", "同比下降14%", "环比下降36%", "同比上升10%" })
            Assert.Contains(phrase, zh);
        foreach (var phrase in new[] { "168,000 police person-deployments", "460,000 person-times of social forces", "1,755 offence suspects", "18,000 disputes", "1,125 night", "52 cases", "fell 14% year-on-year", "fell 36% on the previous period", "rose 10% year-on-year" })
            Assert.Contains(phrase, en);
    }
}
