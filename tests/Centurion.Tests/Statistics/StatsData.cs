using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Records;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Statistics;

/// <summary>A campaign with one reported and several derived indicators, records to import, and the expected numbers computed here, independently.</summary>
public static class StatsData
{
    public const string Campaign = "stats-2026";
    public static readonly DateOnly From = new(2026, 7, 10), To = new(2026, 7, 14);
    public static readonly (DateOnly From, DateOnly To) LastYear = (new(2025, 7, 10), new(2025, 7, 14));
    public static readonly (DateOnly From, DateOnly To) Previous = (new(2026, 7, 5), new(2026, 7, 9));

    public static async Task CreateCampaignAsync(TestApp app)
    {
        var response = await app.ApiAs("province").PostAsJsonAsync("/api/campaigns", new
        {
            code = Campaign, nameZh = "统计测试", nameEn = "Statistics test", startDate = new DateOnly(2026, 7, 1), endDate = new DateOnly(2026, 7, 31),
            cadence = "Daily", reportingLevel = "County",
            indicators = new[] { "night-operations", "criminal-cases-filed", "criminal-cases-solved", "public-order-cases-dealt", "offence-suspects",
                "controlled-instrument-cases", "vulnerable-victim-cases" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public sealed record Rec(string Id, string Kind, string Unit, string Category, DateOnly Filed, DateOnly? Solved, int Suspects, string Place,
        string Victims, bool Instrument)
    {
        public string Csv => $"{Id},{Kind},{Unit},{Category},{Filed:yyyy-MM-dd},{Solved:yyyy-MM-dd},{Suspects},{Place},{Victims},{(Instrument ? "true" : "false")}";
    }

    /// <summary>Cases around the three windows in Chengdu (Jinjiang stations and the district itself, Qingyang) and Mianyang, from a fixed seed.</summary>
    public static List<Rec> Cases()
    {
        var random = new Random(4);
        string[] units = ["510104001", "510104002", "510104", "510105001", "510105", "510703001"];
        string[] categories = ["theft", "fraud", "affray", "robbery"];
        string[] places = ["bbq-stall", "street", "bar", "school"];
        string[] victims = ["", "", "women", "children", "women;children", "elderly;students"];
        // 6–17 July 2025 around last year's window; 1–20 July 2026 across the previous and current windows and after them.
        var days = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 7, 6).AddDays(i))
            .Concat(Enumerable.Range(0, 20).Select(i => new DateOnly(2026, 7, 1).AddDays(i))).ToArray();
        var records = new List<Rec>();
        for (var i = 0; i < 160; i++)
        {
            var filed = days[random.Next(days.Length)];
            DateOnly? solved = random.Next(3) == 0 ? null : filed.AddDays(random.Next(4));
            records.Add(new Rec($"ST-{i}", random.Next(3) == 0 ? "public-order" : "criminal", units[random.Next(units.Length)],
                categories[random.Next(categories.Length)], filed, solved, solved is null ? 0 : random.Next(0, 3), places[random.Next(places.Length)],
                victims[random.Next(victims.Length)], random.Next(4) == 0));
        }
        // Edges: the last day of the window counts, the day after does not, the day before is the previous period's.
        records.Add(new Rec("EDGE-IN", "criminal", "510104001", "theft", To, To, 2, "street", "", true));
        records.Add(new Rec("EDGE-OUT", "criminal", "510104001", "theft", To.AddDays(1), null, 0, "street", "", false));
        records.Add(new Rec("EDGE-PREV", "criminal", "510104001", "theft", From.AddDays(-1), null, 0, "street", "", false));
        return records;
    }

    public static string Csv(IEnumerable<Rec> records) => RecordFiles.Csv([.. records.Select(r => r.Csv)]);

    /// <summary>The rules of the derived indicators, written out again here for the test: which records count, on which day, for how much.</summary>
    public static (Func<Rec, bool> Counts, Func<Rec, DateOnly?> Day, Func<Rec, long> Value) Rule(string indicator) => indicator switch
    {
        "criminal-cases-filed" => (r => r.Kind == "criminal", r => r.Filed, _ => 1),
        "criminal-cases-solved" => (r => r.Kind == "criminal", r => r.Solved, _ => 1),
        "public-order-cases-dealt" => (r => r.Kind == "public-order", r => r.Solved, _ => 1),
        "offence-suspects" => (_ => true, r => r.Solved, r => r.Suspects),
        "controlled-instrument-cases" => (r => r.Instrument, r => r.Solved, _ => 1),
        "vulnerable-victim-cases" => (r => r.Kind == "criminal" && r.Victims.Length > 0, r => r.Filed, _ => 1),
        _ => throw new ArgumentException(indicator),
    };

    /// <summary>The indicator's total over records whose unit code starts with the prefix (Chengdu's are all 5101…), in a window.</summary>
    public static long Expected(IEnumerable<Rec> records, string indicator, string unitPrefix, (DateOnly From, DateOnly To) w, Func<Rec, bool>? also = null)
    {
        var (counts, day, value) = Rule(indicator);
        return records.Where(r => r.Unit.StartsWith(unitPrefix) && counts(r) && (also?.Invoke(r) ?? true)
            && day(r) is { } d && d >= w.From && d <= w.To).Sum(value);
    }

    public static string Url(string unit, string indicator, string extra = "") =>
        $"/api/stats?campaign={Campaign}&unit={unit}&indicator={indicator}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}{extra}";

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    public static async Task ImportAsync(TestApp app, string user, string csv)
    {
        var response = await RecordFiles.PostAsync(app.ApiAs(user), csv);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every fact, in key order, for comparing one state of the table with another.</summary>
    public static async Task<List<string>> FactsAsync(TestApp app)
    {
        await using var db = app.Db();
        return (await db.DailyFacts.ToListAsync())
            .Select(f => $"{f.IndicatorId}|{f.CampaignId}|{f.Day:yyyy-MM-dd}|{f.UnitId}|{f.Category}|{f.PlaceType}|{f.VictimGroups}|{f.Value}")
            .Order(StringComparer.Ordinal).ToList();
    }

    public static async Task<string> RebuildAsync(TestApp app) =>
        (await CliProcess.RunAsync(app.Provider, app.ConnectionString, "rebuild-facts").ThrowIfFailed()).Output;

    // Reports ---------------------------------------------------------------------------------------------------------------

    public static string ReportUrl(string unit, DateOnly date, string action = "") =>
        $"/api/campaigns/{Campaign}/reports/{unit}/{date:yyyy-MM-dd}{(action.Length > 0 ? "/" + action : "")}";

    public static Dictionary<string, long?> Nights(long n) => new() { ["night-operations"] = n };

    public static async Task<int> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>Last year's figure, stored the only way figures outside the campaign may be: the campaign office's baseline import.</summary>
    public static async Task BaselineAsync(TestApp app, string unit, DateOnly day, long nights)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"unit,date,indicator,value\n{unit},{day:yyyy-MM-dd},night-operations,{nights}\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "baseline.csv");
        var response = await app.ApiAs("province").PostAsync($"/api/campaigns/{Campaign}/reports/import", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submitted by Chengdu's leader; approved by the province when asked. Returns the report's version.</summary>
    public static async Task<int> FileAsync(TestApp app, string unit, DateOnly day, long nights, bool approve)
    {
        var version = await PostAsync(app.ApiAs("chengdu"), ReportUrl(unit, day, "submit"), new { version = 0, values = Nights(nights) });
        return approve ? await PostAsync(app.ApiAs("province"), ReportUrl(unit, day, "approve"), new { version }) : version;
    }
}
