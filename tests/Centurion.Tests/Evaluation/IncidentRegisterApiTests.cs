using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Evaluation.Incidents;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Supervision.SupervisionApiTests;

namespace Centurion.Tests.Evaluation;

/// <summary>The register of incidents and commendations through the real API and pages on both databases: who records and withdraws, and who sees what.</summary>
public class IncidentRegisterApiTests
{
    private const string Api = "/api/campaigns/summer-2022/evaluation";

    private static IEnumerable<long> Ids(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("id").GetInt64());

    [Theory, BothDatabases]
    public async Task The_office_records_and_withdraws_and_a_unit_sees_only_its_subtrees_entries(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 9, 5, 10);
        var province = app.ApiAs("province");
        var body = new { unit = "510104", date = "2022-09-01", kind = "涉警舆情", major = false, description = "锦江区一处警视频引发负面评论" };

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync($"{Api}/incidents", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("inspector").PostAsJsonAsync($"{Api}/incidents", body)).StatusCode); // at the province, not the office
        var bad = await province.PostAsJsonAsync($"{Api}/incidents", new { unit = "999999", date = "2022-09-06", kind = "", description = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["date", "description", "kind", "unit"], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var noAwarder = await province.PostAsJsonAsync($"{Api}/commendations", new { unit = "510104", date = "2022-09-01", description = "x" });
        Assert.Equal(["awardedBy"], (await noAwarder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var created = await province.PostAsJsonAsync($"{Api}/incidents", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = entry.GetProperty("id").GetInt64();
        Assert.Equal($"{Api}/incidents/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("incident", "510104", "涉警舆情", false, false, "province"), (entry.GetProperty("type").GetString(), entry.GetProperty("unit").GetString(),
            entry.GetProperty("kind").GetString(), entry.GetProperty("major").GetBoolean(), entry.GetProperty("withdrawn").GetBoolean(), entry.GetProperty("recordedBy").GetString()));
        Assert.Equal(["withdraw"], entry.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Chengdu and Jinjiang see it; Mianyang does not, not even that it exists. An incident is not found as a commendation.
        Assert.Empty((await OkAsync(await app.ApiAs("chengdu").GetAsync($"{Api}/incidents/{id}"))).GetProperty("actions").EnumerateArray());
        await OkAsync(await app.ApiAs("jinjiang").GetAsync($"{Api}/incidents/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"{Api}/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await province.GetAsync($"{Api}/commendations/{id}")).StatusCode);
        var mianyang = await OkAsync(await app.ApiAs("mianyang").GetAsync($"{Api}/incidents"));
        Assert.DoesNotContain(id, Ids(mianyang));
        Assert.All(mianyang.EnumerateArray(), e => Assert.StartsWith("5107", e.GetProperty("unit").GetString()));
        Assert.Contains(mianyang.EnumerateArray(), e => e.GetProperty("unit").GetString() == "510703" && e.GetProperty("major").GetBoolean());
        var chengdu = await OkAsync(await app.ApiAs("chengdu").GetAsync($"{Api}/incidents"));
        Assert.Equal([id], Ids(chengdu)); // the demo has no incident in Chengdu
        await using (var db = app.Db())
        {
            var all = await db.Set<RegisterEntry>().Where(e => e.Type == RegisterType.Incident).Select(e => e.Id).OrderByDescending(i => i).ToListAsync();
            Assert.Equal(all, Ids(await OkAsync(await province.GetAsync($"{Api}/incidents"))).Order().Reverse());
        }

        // Withdrawing: out of scope is not found, a unit may not, a reason is needed, and only once.
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").PostAsJsonAsync($"{Api}/incidents/{id}/withdraw", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync($"{Api}/incidents/{id}/withdraw", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await province.PostAsJsonAsync($"{Api}/incidents/{id}/withdraw", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync($"{Api}/incidents/{id}/withdraw", new { reason = "x", version = 7 })).StatusCode);
        app.Clock.SetLocal(2022, 9, 6, 9);
        var withdrawn = await OkAsync(await province.PostAsJsonAsync($"{Api}/incidents/{id}/withdraw", new { reason = "经核实视频系剪辑拼接，处警合规", version = 0 }));
        Assert.Equal((true, "经核实视频系剪辑拼接，处警合规", new DateTime(2022, 9, 6, 1, 0, 0, DateTimeKind.Utc)),
            (withdrawn.GetProperty("withdrawn").GetBoolean(), withdrawn.GetProperty("withdrawReason").GetString(), withdrawn.GetProperty("withdrawnUtc").GetDateTime()));
        Assert.Equal(["recorded", "withdrawn"], withdrawn.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        Assert.Empty(withdrawn.GetProperty("actions").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync($"{Api}/incidents/{id}/withdraw", new { reason = "again" })).StatusCode);

        await using var check = app.Db();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Entity == nameof(RegisterEntry) && a.EntityKey == id.ToString()));
        Assert.Equal(2, await check.Set<RegisterChange>().CountAsync(c => c.EntryId == id));
    }

    [Theory, BothDatabases]
    public async Task The_office_records_a_commendation_on_the_page_and_a_unit_gets_not_found_for_another_prefectures_entry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 9, 5, 10);
        var (office, _) = await app.SignInAsync("province");
        const string list = "/campaigns/summer-2022/evaluation/incidents";
        Assert.Contains("id=\"incidents\"", await TestApp.PageAsync(office, "/campaigns/summer-2022"));
        var response = await TestApp.PostFormAsync(office, list, "record-commendation", new Dictionary<string, string>
        {
            ["NewCommendation.Date"] = "2022-09-02", ["NewCommendation.Unit"] = "510104",
            ["NewCommendation.AwardedBy"] = "成都市人民政府", ["NewCommendation.Description"] = "锦江分局夜市治安整治成效明显",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        await using (var db = app.Db())
        {
            var id = await db.Set<RegisterEntry>().Where(e => e.AwardedBy == "成都市人民政府").Select(e => e.Id).SingleAsync();
            Assert.Equal(IncidentRegister.PagePath("summer-2022", id), path);
        }
        var detail = await TestApp.PageAsync(office, path);
        Assert.Contains("锦江分局夜市治安整治成效明显", detail);
        Assert.Contains("id=\"withdraw-form\"", detail);

        var refused = await TestApp.PostFormAsync(office, list, "record-incident", new Dictionary<string, string>
        {
            ["NewIncident.Date"] = "2022-09-02", ["NewIncident.Unit"] = "510104", ["NewIncident.Kind"] = "", ["NewIncident.Description"] = "x",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"form-error\"", await refused.Content.ReadAsStringAsync());

        var (unit, _) = await app.SignInAsync("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync(path)).StatusCode);
        var page = await TestApp.PageAsync(unit, list);
        Assert.DoesNotContain("incident-form", page);
        Assert.Contains(DemoFuchengKind, page);
        Assert.DoesNotContain("锦江分局夜市", page);
    }

    private const string DemoFuchengKind = Centurion.Features.Demo.DemoIncidents.FuchengKind;
}
