using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Campaigns;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Campaigns;

/// <summary>The campaign office changes a running campaign's plan through the API; everyone else, and every bad change, is refused.</summary>
public class CampaignPlanTests
{
    private const string Summer = "/api/campaigns/summer-2022";

    /// <summary>Mid-campaign: summer-2022 runs from 25 June to 30 September 2022.</summary>
    private static async Task<TestApp> RunningAsync(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 10, 12);
        return app;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors");
    }

    [Theory, BothDatabases]
    public async Task The_office_edits_phases_key_tasks_and_leader_links_while_the_campaign_runs_and_each_change_is_audited(DatabaseProvider provider)
    {
        await using var app = await RunningAsync(provider);
        var office = app.ApiAs("province");
        var before = (await office.GetFromJsonAsync<CampaignDto>(Summer))!;
        var consolidation = before.Phases.Single(p => p.NameZh == "巩固深化");

        var edited = await ReadAsync<PhaseDto>(await office.PutAsJsonAsync($"{Summer}/phases/{consolidation.Id}",
            new { nameZh = "巩固深化", nameEn = "Consolidation", startDate = "2022-09-01", endDate = "2022-09-24" }), HttpStatusCode.OK);
        var added = await ReadAsync<PhaseDto>(await office.PostAsJsonAsync($"{Summer}/phases",
            new { nameZh = "回头看", nameEn = "Review", startDate = "2022-09-25", endDate = "2022-09-25" }), HttpStatusCode.Created);

        var task = await ReadAsync<TaskDto>(await office.PostAsJsonAsync($"{Summer}/tasks", new
        {
            titleZh = "夜市巡防", titleEn = "Night-market patrols", ownerLine = "patrol", deadline = "2022-09-20",
            responsibleUnit = "510104", responsibleName = "张伟", responsibleTitle = "锦江分局副局长",
        }), HttpStatusCode.Created);
        var reassigned = await ReadAsync<TaskDto>(await office.PutAsJsonAsync($"{Summer}/tasks/{task.Id}", new
        {
            titleZh = "夜市巡防", titleEn = "Night-market patrols", ownerLine = "patrol", deadline = "2022-09-30",
            responsibleUnit = "510100", responsibleUser = "chengdu",
        }), HttpStatusCode.OK);
        var link = await ReadAsync<LeaderLinkDto>(await office.PostAsJsonAsync($"{Summer}/leader-links",
            new { leaderName = "孙立", leaderTitle = "副厅长", unitCode = "510700" }), HttpStatusCode.Created);
        var moved = await ReadAsync<LeaderLinkDto>(await office.PutAsJsonAsync($"{Summer}/leader-links/{link.Id}",
            new { leaderName = "孙立", leaderTitle = "副厅长", unitCode = "510800" }), HttpStatusCode.OK);

        Assert.Equal(new DateOnly(2022, 9, 24), edited.EndDate);
        Assert.Equal(("510104", null, "张伟", "锦江分局副局长"), (task.ResponsibleUnit, task.ResponsibleUser, task.ResponsibleName, task.ResponsibleTitle));
        Assert.Equal(("510100", "chengdu", "成都市局领导", "", "open"), (reassigned.ResponsibleUnit, reassigned.ResponsibleUser, reassigned.ResponsibleName, reassigned.ResponsibleTitle, reassigned.State));
        Assert.Equal("510800", moved.UnitCode);
        var after = (await app.ApiAs("jinjiang").GetFromJsonAsync<CampaignDto>(Summer))!;
        Assert.Equal(["动员部署", "集中打击", "巩固深化", "回头看", "总结评估"], after.Phases.Select(p => p.NameZh));
        Assert.Equal(9, after.Tasks.Count);
        Assert.Equal(22, after.LeaderLinks.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"{Summer}/tasks/{task.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"{Summer}/leader-links/{link.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"{Summer}/phases/{added.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync($"{Summer}/phases/{added.Id}")).StatusCode);

        await using var db = app.Db();
        var audit = await db.AuditEntries.Where(a => a.Actor == "province" && (a.Entity == "CampaignPhase" || a.Entity == "CampaignTask" || a.Entity == "LeaderLink"))
            .Select(a => new { a.Entity, a.EntityKey, a.Action, a.UnitId }).ToListAsync();
        Assert.Equal(["Added", "Modified", "Deleted"], audit.Where(a => a.Entity == "CampaignTask" && a.EntityKey == task.Id.ToString()).Select(a => a.Action));
        Assert.Equal(["Added", "Modified", "Deleted"], audit.Where(a => a.Entity == "LeaderLink" && a.EntityKey == link.Id.ToString()).Select(a => a.Action));
        Assert.Contains(audit, a => a.Entity == "CampaignPhase" && a.EntityKey == consolidation.Id.ToString() && a.Action == "Modified");
        // The plan's changes are audited under the unit that runs the campaign (a link under its prefecture), so that office reads them.
        var province = await db.Units.Where(u => u.Code == "510000").Select(u => (int?)u.Id).SingleAsync();
        Assert.All(audit.Where(a => a.Entity != "LeaderLink"), a => Assert.Equal(province, a.UnitId));
        Assert.Equal(4, await db.CampaignPhases.CountAsync(p => db.Campaigns.Any(c => c.Id == p.CampaignId && c.Code == "summer-2022")));
    }

    [Theory, BothDatabases]
    public async Task A_bad_change_is_refused_by_field_in_the_callers_language_and_nothing_changes(DatabaseProvider provider)
    {
        await using var app = await RunningAsync(provider);
        var office = app.ApiAs("province");
        var plan = (await office.GetFromJsonAsync<CampaignDto>(Summer))!;
        var crackdown = plan.Phases.Single(p => p.NameZh == "集中打击");

        var outside = await ErrorsAsync(await office.PostAsJsonAsync($"{Summer}/phases", new { nameZh = "预热", startDate = "2022-06-01", endDate = "2022-06-20" }));
        var overlapping = await ErrorsAsync(await office.PostAsJsonAsync($"{Summer}/phases", new { nameZh = "专项清查", startDate = "2022-07-15", endDate = "2022-07-20" }));
        var reversed = await ErrorsAsync(await office.PutAsJsonAsync($"{Summer}/phases/{crackdown.Id}", new { nameZh = "集中打击", startDate = "2022-08-31", endDate = "2022-07-01" }));
        var lateTask = await ErrorsAsync(await office.PostAsJsonAsync($"{Summer}/tasks", new
        {
            titleZh = "", deadline = "2022-10-31", ownerLine = "no-such-line", responsibleUnit = "999999", responsibleUser = "nobody", responsibleName = "张伟",
        }));
        var county = await ErrorsAsync(await office.PostAsJsonAsync($"{Summer}/leader-links", new { leaderName = "孙立", unitCode = "510104" }));
        var english = app.ApiAs("province");
        english.DefaultRequestHeaders.Add("Accept-Language", "en");
        var englishErrors = await ErrorsAsync(await english.PostAsJsonAsync($"{Summer}/tasks", new { titleZh = "夜市巡防", deadline = "2022-10-31" }));

        Assert.Contains("2022-06-25", outside.GetProperty("startDate")[0].GetString());
        Assert.Contains("2022-09-30", outside.GetProperty("endDate")[0].GetString());
        Assert.Contains("集中打击", overlapping.GetProperty("startDate")[0].GetString());
        Assert.Contains("早于开始", reversed.GetProperty("endDate")[0].GetString());
        foreach (var field in new[] { "titleZh", "deadline", "ownerLine", "responsibleUnit", "responsibleUser", "responsibleName" })
            Assert.True(lateTask.TryGetProperty(field, out _), field);
        Assert.Contains("510104", county.GetProperty("unitCode")[0].GetString());
        Assert.Equal("The deadline 2022-10-31 is after the campaign ends (2022-09-30).", englishErrors.GetProperty("deadline")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await office.PutAsJsonAsync($"{Summer}/phases/999999", new { nameZh = "x", startDate = "2022-07-01", endDate = "2022-07-02" })).StatusCode);

        var after = (await office.GetFromJsonAsync<CampaignDto>(Summer))!;
        Assert.Equal(plan.Phases, after.Phases);
        Assert.Equal(plan.Tasks, after.Tasks);
        Assert.Equal(plan.LeaderLinks, after.LeaderLinks);
    }

    [Theory, BothDatabases]
    public async Task Only_the_campaign_office_changes_a_plan_only_within_the_campaign_and_only_until_it_ends(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 5, 12);
        var office = app.ApiAs("province");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/campaigns", new
        {
            code = "chengdu-2026", nameZh = "成都夏季行动", startDate = "2026-07-01", endDate = "2026-07-31", rootUnitCode = "510100",
            indicators = new[] { "police-deployments" },
        })).StatusCode);
        const string chengdu = "/api/campaigns/chengdu-2026";
        var phase = new { nameZh = "集中打击", startDate = "2026-07-10", endDate = "2026-07-20" };

        // Roles: a unit leader and a reporter who take part see the campaign but may not change it; outside it, it does not exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync($"{chengdu}/phases", phase)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("jinjiang").PostAsJsonAsync($"{chengdu}/tasks", new { titleZh = "x", deadline = "2026-07-20" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").DeleteAsync($"{chengdu}/units/510104")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").PostAsJsonAsync($"{chengdu}/phases", phase)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"{chengdu}/units")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync("/api/campaigns/no-such-campaign/phases", phase)).StatusCode);

        // Scope: units, users and prefectures outside the campaign (Chengdu) are refused like unknown ones.
        var outside = await ErrorsAsync(await office.PostAsJsonAsync($"{chengdu}/tasks", new { titleZh = "x", deadline = "2026-07-20", responsibleUnit = "510700", responsibleUser = "mianyang" }));
        Assert.True(outside.TryGetProperty("responsibleUnit", out _) && outside.TryGetProperty("responsibleUser", out _), outside.ToString());
        Assert.True((await ErrorsAsync(await office.PostAsJsonAsync($"{chengdu}/leader-links", new { leaderName = "孙立", unitCode = "510700" }))).TryGetProperty("unitCode", out _));
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"{chengdu}/phases", phase)).StatusCode);

        // After the campaign's last day its plan is a record: 409.
        app.Clock.SetLocal(2026, 8, 1, 9);
        var closed = await office.PostAsJsonAsync($"{chengdu}/phases", new { nameZh = "总结", startDate = "2026-07-25", endDate = "2026-07-31" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("2026-07-31", await closed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await office.DeleteAsync($"{chengdu}/units/510104")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Units_join_and_leave_but_one_that_has_reports_stays_with_its_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 2, 12);
        var office = app.ApiAs("province");
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync("/api/campaigns", new
        {
            code = "units-2026", nameZh = "单位测试", startDate = "2026-07-01", endDate = "2026-07-31", indicators = new[] { "police-deployments" },
            units = new[] { "510104", "510105" },
        })).StatusCode);
        const string campaign = "/api/campaigns/units-2026";
        var filed = await app.ApiAs("jinjiang").PostAsJsonAsync($"{campaign}/reports/510104/2026-07-01/submit",
            new { version = 0, values = new Dictionary<string, long> { ["police-deployments"] = 40 } });
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);

        var joined = await ReadAsync<ParticipatingUnitDto>(await office.PostAsJsonAsync($"{campaign}/units", new { unitCode = "510106" }), HttpStatusCode.Created);
        var again = await office.PostAsJsonAsync($"{campaign}/units", new { unitCode = "510106" });
        var prefecture = await ErrorsAsync(await office.PostAsJsonAsync($"{campaign}/units", new { unitCode = "510100" }));
        var unknown = await ErrorsAsync(await office.PostAsJsonAsync($"{campaign}/units", new { unitCode = "999999" }));
        var withReports = await office.DeleteAsync($"{campaign}/units/510104");
        var withoutReports = await office.DeleteAsync($"{campaign}/units/510105");
        var gone = await office.DeleteAsync($"{campaign}/units/510105");

        Assert.Equal("510106", joined.Code);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(prefecture.TryGetProperty("unitCode", out _) && unknown.TryGetProperty("unitCode", out _));
        Assert.Equal(HttpStatusCode.Conflict, withReports.StatusCode);
        Assert.Contains("1", (await withReports.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (withoutReports.StatusCode, gone.StatusCode));
        var units = (await office.GetFromJsonAsync<List<ParticipatingUnitDto>>($"{campaign}/units"))!;
        Assert.Equal([("510104", 1), ("510106", 0)], units.Select(u => (u.Code, u.Reports)));
        await using var db = app.Db();
        Assert.Equal(1, await db.Reports.CountAsync(r => r.Campaign!.Code == "units-2026" && r.Unit!.Code == "510104"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "CampaignUnit" && a.Action == "Deleted" && a.Actor == "province"));
    }
}
