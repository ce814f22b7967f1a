using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Features.Demo;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Reporting;

public class CampaignTests
{
    [Theory, BothDatabases]
    public async Task The_campaign_office_creates_a_campaign_that_every_unit_in_it_can_see(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.ApiAs("province").PostAsJsonAsync("/api/campaigns", new
        {
            code = "summer-2026", nameZh = "夏季治安打击整治行动", nameEn = "Summer crackdown", startDate = "2026-06-25", endDate = "2026-09-30",
            indicators = new[] { "police-deployments", "criminal-cases-filed" },
            phases = new[] { new { nameZh = "集中打击", nameEn = "Crackdown", startDate = "2026-06-25", endDate = "2026-08-31" } },
            tasks = new[] { new { titleZh = "严打侵害弱势群体犯罪", titleEn = "Crimes against vulnerable groups", ownerLine = "criminal-investigation", deadline = "2026-09-30" } },
            leaderLinks = new[] { new { leaderName = "王副厅长", leaderTitle = "副厅长", unitCode = "510100" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var seen = await app.ApiAs("jinjiang").GetFromJsonAsync<CampaignDto>("/api/campaigns/summer-2026");
        Assert.Equal((183, "county", 1, 1, "510100"), (seen!.ReportingUnits, seen.ReportingLevel, seen.Phases.Count, seen.Tasks.Count, seen.LeaderLinks[0].UnitCode));
        Assert.Equal(["police-deployments", "criminal-cases-filed"], seen.Indicators.Select(i => i.Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync("/api/campaigns", new { code = "x-1", nameZh = "x", startDate = "2026-01-01", endDate = "2026-01-02", indicators = new[] { "patrols" } })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_bad_campaign_is_refused_with_every_problem_by_field_and_nothing_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.ApiAs("province").PostAsJsonAsync("/api/campaigns", new
        {
            code = "Bad Code", nameZh = "", startDate = "2026-09-30", endDate = "2026-06-25", indicators = new[] { "no-such-indicator" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "code", "nameZh", "endDate", "indicators" }) Assert.True(errors.TryGetProperty(field, out _), field);
        await using var db = app.Db();
        Assert.False(await db.Campaigns.AnyAsync(c => c.Code != DemoCampaign.Code), "only the demo campaign is there");
    }
}
