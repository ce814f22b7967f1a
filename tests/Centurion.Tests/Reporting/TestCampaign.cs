using System.Net;
using System.Net.Http.Json;
using Centurion.Features.Reporting;
using Centurion.Tests.Support;

namespace Centurion.Tests.Reporting;

/// <summary>A small daily campaign for reporting tests: counties report four figures, due at 10:00 the next day.</summary>
public static class TestCampaign
{
    public const string Code = "test-2026";
    public static readonly DateOnly Start = new(2026, 7, 1);
    public static readonly DateOnly End = new(2026, 7, 31);

    public static async Task CreateAsync(TestApp app)
    {
        var response = await app.ApiAs("province").PostAsJsonAsync("/api/campaigns", new
        {
            code = Code, nameZh = "测试行动", nameEn = "Test operation", startDate = Start, endDate = End, cadence = "Daily",
            deadlineDaysAfter = 1, deadlineTime = "10:00:00", reportingLevel = "County",
            indicators = new[] { "police-deployments", "night-operations", "disputes-screened", "disputes-resolved" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static string Url(string unit, DateOnly date, string action = "") =>
        $"/api/campaigns/{Code}/reports/{unit}/{date:yyyy-MM-dd}{(action.Length > 0 ? "/" + action : "")}";

    public static object Figures(long deployments, long nights = 1, long screened = 5, long resolved = 3) => new Dictionary<string, long?>
    {
        ["police-deployments"] = deployments, ["night-operations"] = nights, ["disputes-screened"] = screened, ["disputes-resolved"] = resolved,
    };

    public static async Task<ReportDto> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ReportDto>())!;
    }

    /// <summary>Saves and submits figures for a unit and day as the given user; returns the submitted report.</summary>
    public static async Task<ReportDto> FileAsync(TestApp app, string user, string unit, DateOnly date, long deployments) =>
        await ReadAsync(await app.ApiAs(user).PostAsJsonAsync(Url(unit, date, "submit"), new { version = 0, values = Figures(deployments) }));
}
