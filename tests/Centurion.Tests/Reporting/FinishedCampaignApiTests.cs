using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Reporting;

/// <summary>The API on the demo campaign, which ended on 30 September 2022: it answers for the campaign, not for today.</summary>
public partial class FinishedCampaignApiTests
{
    private static readonly DateOnly LastDay = new(2022, 9, 30);

    [Theory, BothDatabases]
    public async Task Outstanding_for_a_finished_campaign_is_its_last_period_as_on_the_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2023, 3, 1, 9, 0);

        var outstanding = await app.ApiAs("province").GetFromJsonAsync<OutstandingDto>("/api/campaigns/summer-2022/outstanding");

        await using var db = app.Db();
        var submitted = await db.Reports.CountAsync(r => r.Campaign!.Code == "summer-2022" && r.PeriodStart == LastDay && r.FirstSubmittedUtc != null);
        Assert.InRange(submitted, 1, 182);
        Assert.Equal((LastDay, 183, 183 - submitted, true), (outstanding!.PeriodStart, outstanding.Expected, outstanding.Units.Count, outstanding.Overdue));
    }

    [Theory, BothDatabases]
    public async Task Every_timestamp_the_api_returns_is_utc_with_a_z_for_seeded_rows_too(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.ApiAs("province");
        var stamps = new List<(string Name, string Value)>();
        foreach (var url in new[] { "/api/campaigns/summer-2022/reports/510104/2022-07-01", "/api/campaigns/summer-2022/outstanding", "/api/campaigns/summer-2022" })
            Collect(await api.GetFromJsonAsync<JsonElement>(url), stamps);

        // A seeded report: its deadline, first submission, and per revision created, submitted and decided.
        Assert.True(stamps.Count >= 6, string.Join(", ", stamps));
        Assert.All(stamps, s => Assert.Matches(UtcStamp(), s.Value));
    }

    private static void Collect(JsonElement e, List<(string, string)> into, string name = "")
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Collect(p.Value, into, p.Name); break;
            case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Collect(x, into, name); break;
            case JsonValueKind.String when name.EndsWith("Utc", StringComparison.Ordinal): into.Add((name, e.GetString()!)); break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]
    private static partial Regex UtcStamp();
}
