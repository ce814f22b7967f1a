using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.Visits;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

public class LedgerApiTests
{
    private static async Task<(long Place, long Visit, long Operation)> JinjiangRowsAsync(TestApp app)
    {
        await using var db = app.Db();
        var jinjiang = await db.Units.SingleAsync(u => u.Code == "510104");
        var subtree = db.UnitLinks.Where(l => l.AncestorId == jinjiang.Id).Select(l => l.DescendantId);
        return (await db.Set<KeyPlace>().Where(p => subtree.Contains(p.UnitId)).MinAsync(p => p.Id),
            await db.Set<PatrolVisit>().Where(v => subtree.Contains(v.UnitId)).MinAsync(v => v.Id),
            await db.Set<NightOperation>().Where(o => subtree.Contains(o.UnitId)).MinAsync(o => o.Id));
    }

    [Theory, BothDatabases]
    public async Task Every_ledger_endpoint_and_page_answers_not_found_out_of_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (place, visit, op) = await JinjiangRowsAsync(app);
        var api = app.ApiAs("mianyang"); // a unit leader, who may edit ledgers, but of Mianyang
        var (pages, _) = await app.SignInAsync("mianyang");
        var placeBody = new { type = "bar", name = "x", address = "x", longitude = 104.1, latitude = 30.6, risk = "High" };
        var visitBody = new { visitedLocal = "2022-07-01T21:00:00", area = "x", police = 2 };
        var opBody = new { date = "2022-07-01", placesCovered = 3, police = 10 };

        var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("GET place", () => api.GetAsync($"/api/ledgers/key-places/{place}")),
            ("PUT place", () => api.PutAsJsonAsync($"/api/ledgers/key-places/{place}", placeBody)),
            ("close", () => api.PostAsJsonAsync($"/api/ledgers/key-places/{place}/close", new { reason = "x" })),
            ("reopen", () => api.PostAsJsonAsync($"/api/ledgers/key-places/{place}/reopen", new { reason = "x" })),
            ("list places", () => api.GetAsync("/api/ledgers/key-places?unit=510104")),
            ("GET visit", () => api.GetAsync($"/api/ledgers/visits/{visit}")),
            ("PUT visit", () => api.PutAsJsonAsync($"/api/ledgers/visits/{visit}", visitBody)),
            ("list visits", () => api.GetAsync("/api/ledgers/visits?unit=510104")),
            ("GET operation", () => api.GetAsync($"/api/ledgers/night-operations/{op}")),
            ("PUT operation", () => api.PutAsJsonAsync($"/api/ledgers/night-operations/{op}", opBody)),
            ("list operations", () => api.GetAsync("/api/ledgers/night-operations?unit=510104")),
            ("reconciliation", () => api.GetAsync("/api/ledgers/reconciliation?unit=510104")),
            ("export places", () => pages.GetAsync("/ledgers/key-places.xlsx?unit=510104")),
            ("export visits", () => pages.GetAsync("/ledgers/visits.xlsx?unit=510104")),
            ("export operations", () => pages.GetAsync("/ledgers/night-operations.xlsx?unit=510104")),
            ("place page", () => pages.GetAsync($"/ledgers/key-places/{place}")),
            ("place form", () => pages.GetAsync($"/ledgers/key-places/{place}/edit")),
            ("visit page", () => pages.GetAsync($"/ledgers/visits/{visit}")),
            ("visit form", () => pages.GetAsync($"/ledgers/visits/{visit}/edit")),
            ("operation page", () => pages.GetAsync($"/ledgers/night-operations/{op}")),
            ("operation form", () => pages.GetAsync($"/ledgers/night-operations/{op}/edit")),
            ("places list page", () => pages.GetAsync("/ledgers/key-places?unit=510104")),
            ("visits list page", () => pages.GetAsync("/ledgers/visits?unit=510104")),
            ("operations list page", () => pages.GetAsync("/ledgers/night-operations?unit=510104")),
            ("reconciliation page", () => pages.GetAsync("/ledgers/reconciliation?unit=510104")),
            ("map page", () => pages.GetAsync("/ledgers/map?unit=510104")),
            // A line coordinator of another line than public order or patrol: the ledgers do not exist for them.
            ("other line", () => app.ApiAs("xingzhen").GetAsync("/api/ledgers/key-places")),
        };
        foreach (var (what, call) in calls)
        {
            var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        await using var db = app.Db();
        Assert.Equal(KeyPlaceState.Active, (await db.Set<KeyPlace>().SingleAsync(p => p.Id == place)).State);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(KeyPlace) || a.Entity == nameof(PatrolVisit) || a.Entity == nameof(NightOperation)));
    }

    [Theory, BothDatabases]
    public async Task A_reporter_registers_closes_and_reopens_a_place_and_records_a_visit_to_it_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.ApiAs("jinjiang");

        var created = await api.PostAsJsonAsync("/api/ledgers/key-places", new
        {
            unit = "510104001", type = "bbq-stall", name = "测试烧烤", address = "锦江区测试路 1 号", longitude = 104.09, latitude = 30.65, risk = "High", openingHours = "18:00–02:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var url = $"/api/ledgers/key-places/{id}";

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsJsonAsync(url + "/close", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync(url + "/close", new { reason = "占道经营，已责令停业" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync(url + "/close", new { reason = "again" })).StatusCode);
        var refused = await api.PostAsJsonAsync("/api/ledgers/visits", new { visitedLocal = "2022-07-01T21:30:00", keyPlaceId = id, police = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("keyPlaceId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("province").PostAsJsonAsync(url + "/reopen", new { reason = "x" })).StatusCode); // the office reads
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync(url + "/reopen", new { reason = "整改到位" })).StatusCode);
        var visit = await api.PostAsJsonAsync("/api/ledgers/visits", new { visitedLocal = "2022-07-01T21:30:00", keyPlaceId = id, police = 2, socialForces = 1, findings = "未发现异常" });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);

        var place = await api.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("active", place.GetProperty("state").GetString());
        Assert.Equal(["active", "closed", "active"], place.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        var v = await visit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("510104001", "2022-07-01T13:30:00Z"), (v.GetProperty("unit").GetString(), v.GetProperty("visitedUtc").GetString()));
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/ledgers/visits?unit=510104001&from=2022-07-01&to=2022-07-01&pageSize=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.GetAsync("/api/ledgers/visits?from=2022-07-10&to=2022-07-01")).StatusCode);

        await using var db = app.Db();
        var audited = await db.AuditEntries.Where(a => a.Entity == nameof(KeyPlace) && a.EntityKey == id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Equal(["Added", "Modified", "Modified"], audited);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Entity == nameof(KeyPlaceStateChange)));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Entity == nameof(PatrolVisit)));
    }

    [Theory, BothDatabases]
    public async Task The_demo_ledgers_agree_with_the_reports_except_in_the_planted_counties(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var r = await app.ApiAs("province").GetFromJsonAsync<JsonElement>("/api/ledgers/reconciliation?campaign=summer-2022&from=2022-06-25&to=2022-07-20");

        var disagreeing = r.GetProperty("disagreeing").EnumerateArray().ToList();
        Assert.Equal(DemoLedgers.Planted.Keys.Order(), disagreeing.Select(u => u.GetProperty("code").GetString()!).Order());
        var total = r.GetProperty("total").GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("indicator").GetString()!);
        Assert.Equal(DemoFigures.NightOperations, total["night-operations"].GetProperty("reported").GetInt64());
        Assert.Equal(DemoFigures.PoliceDeployments, total["police-deployments"].GetProperty("reported").GetInt64());
        // The province's difference is exactly the planted counties' differences.
        foreach (var (indicator, figure) in total)
            Assert.Equal(figure.GetProperty("ledger").GetInt64() - figure.GetProperty("reported").GetInt64(),
                disagreeing.SelectMany(u => u.GetProperty("figures").EnumerateArray()).Where(f => f.GetProperty("indicator").GetString() == indicator)
                    .Sum(f => f.GetProperty("ledger").GetInt64() - f.GetProperty("reported").GetInt64()));
        var flaggedPrefectures = r.GetProperty("byChild").EnumerateArray()
            .Where(u => u.GetProperty("figures").EnumerateArray().Any(f => f.GetProperty("verdict").GetString() is "LedgerHigher" or "LedgerLower"))
            .Select(u => u.GetProperty("code").GetString()).Order();
        Assert.Equal(["510100", "510700", "511100", "511500", "513300"], flaggedPrefectures);
        var jiangyou = disagreeing.Single(u => u.GetProperty("code").GetString() == "510781").GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("indicator").GetString() == "night-operations");
        Assert.Equal(("LedgerLower", -2), (jiangyou.GetProperty("verdict").GetString(), jiangyou.GetProperty("ledger").GetInt64() - jiangyou.GetProperty("reported").GetInt64()));
    }
}
