using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Ledgers.Visits;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

public class LedgerImportTests
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string ledger, string csv, bool dryRun = false)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", $"{ledger}.csv");
        return await api.PostAsync($"/api/ledgers/{ledger}/import?dryRun={dryRun.ToString().ToLowerInvariant()}", content);
    }

    private static async Task<(int Status, int Row, string Column)> RefusalAsync(HttpClient api, string ledger, string csv)
    {
        var response = await UploadAsync(api, ledger, csv);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.UnprocessableEntity) return ((int)response.StatusCode, 0, body);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        return (422, error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()!);
    }

    private const string PlaceHeader = "unit,type,name,address,longitude,latitude,risk,opening_hours";
    private const string GoodPlace = "510104001,bbq-stall,导入烧烤,锦江区导入路 1 号,104.09,30.65,high,18:00–02:00";
    private const string VisitHeader = "unit,visited_at,key_place,area,police,social_forces,findings";
    private const string GoodVisit = "510104,2022-07-02 21:15,,春熙路,3,2,未发现异常";
    private const string OperationHeader = "unit,date,places_covered,police,people_checked,suspects_caught,cases_opened,notes";
    private const string GoodOperation = "510104,2022-07-02,12,30,90,2,1,";
    private const string DisputeHeader = "unit,parties,type,risk,place,found_on,source,summary";
    private const string GoodDispute = "510104,摊主甲与邻居乙,neighbour,medium,锦江区导入路 3 号,2022-07-01,screening,油烟扰民";
    private const string HazardHeader = "unit,description,place,risk,found_on,deadline";
    private const string GoodHazard = "510104,夜市灭火器过期,春熙路夜市,high,2022-07-01,2022-07-15";
    private const string SpotHeader = "unit,name,reason,leader,deadline,longitude,latitude";
    private const string GoodSpot = "510104,导入路口,夜间聚集斗殴,王所长,2022-08-31,104.08,30.65";

    [Theory, BothDatabases]
    public async Task Each_ledger_import_is_refused_whole_on_each_kind_of_bad_row_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 3, 10); // during the demo's campaign: the spots' deadlines are ahead, the visits behind
        var api = app.ApiAs("jinjiang");
        async Task<(int, int, int, int, int, int)> CountsAsync()
        {
            await using var db = app.Db();
            return (await db.Set<KeyPlace>().CountAsync(), await db.Set<PatrolVisit>().CountAsync(), await db.Set<NightOperation>().CountAsync(),
                await db.Set<Dispute>().CountAsync(), await db.Set<Hazard>().CountAsync(), await db.Set<TroubleSpot>().CountAsync());
        }
        // A closed place of Jinjiang's, to visit.
        var created = await api.PostAsJsonAsync("/api/ledgers/key-places", new { unit = "510104", type = "bar", name = "已关闭酒吧", address = "锦江区 9 号", longitude = 104.08, latitude = 30.66, risk = "Low" });
        var closedPlace = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/ledgers/key-places/{closedPlace}/close", new { reason = "取缔" })).StatusCode);
        var before = await CountsAsync();

        var cases = new (string Ledger, string Csv, int Row, string Column)[]
        {
            ("key-places", "unit,type,name\n510104,bar,x", 1, "(header)"),
            ("key-places", $"{PlaceHeader}\n{GoodPlace}\n510700,bar,绵阳酒吧,涪城区 1 号,104.7,31.4,low,", 3, "unit"), // out of scope: as if it did not exist
            ("key-places", $"{PlaceHeader}\n{GoodPlace}\n510104001,casino,x,x,104.09,30.65,low,", 3, "type"),
            ("key-places", $"{PlaceHeader}\n{GoodPlace}\n510104001,bar,x,x,116.4,30.65,low,", 3, "longitude"),
            ("key-places", $"{PlaceHeader}\n{GoodPlace}\n510104001,bar,x,x,104.09,北纬,low,", 3, "latitude"),
            ("key-places", $"{PlaceHeader}\n{GoodPlace}\n510104001,bar,x,x,104.09,30.65,extreme,", 3, "risk"),
            ("key-places", $"{PlaceHeader}\n{GoodPlace}\n510104001,bar,,x,104.09,30.65,low,", 3, "name"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2022-07-02 25:00,,春熙路,3,0,", 3, "visited_at"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2099-07-02 21:00,,春熙路,3,0,", 3, "visited_at"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2022-07-02 21:00,999999999,,3,0,", 3, "key_place"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2022-07-02 21:00,{closedPlace},,3,0,", 3, "key_place"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2022-07-02 21:00,,,3,0,", 3, "area"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2022-07-02 21:00,,春熙路,-3,0,", 3, "police"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510104,2022-07-02 21:00,,春熙路,0,0,", 3, "police"),
            ("visits", $"{VisitHeader}\n{GoodVisit}\n510700,2022-07-02 21:00,,涪城,3,0,", 3, "unit"),
            ("night-operations", $"{OperationHeader}\n{GoodOperation}\n510104,2022-13-02,12,30,90,2,1,", 3, "date"),
            ("night-operations", $"{OperationHeader}\n{GoodOperation}\n510104,2022-07-02,,30,90,2,1,", 3, "places_covered"),
            ("night-operations", $"{OperationHeader}\n{GoodOperation}\n510104,2022-07-02,12,0,90,2,1,", 3, "police"),
            ("night-operations", $"{OperationHeader}\n{GoodOperation}\n510104,2022-07-02,12,30,9,20,1,", 3, "suspects_caught"),
            ("night-operations", $"{OperationHeader}\n{GoodOperation}\n510000,2022-07-02,12,30,90,2,1,", 3, "unit"), // the province keeps no ledger
            ("night-operations", $"{OperationHeader}\n", 2, "(rows)"),
            ("disputes", $"{DisputeHeader}\n{GoodDispute}\n510104,张三 13800138000,neighbour,low,某地,2022-07-01,call,", 3, "parties"), // no phone numbers
            ("disputes", $"{DisputeHeader}\n{GoodDispute}\n510104,甲与乙,feud,low,某地,2022-07-01,call,", 3, "type"),
            ("disputes", $"{DisputeHeader}\n{GoodDispute}\n510104,甲与乙,family,low,某地,2022-07-01,rumour,", 3, "source"),
            ("disputes", $"{DisputeHeader}\n{GoodDispute}\n510104,甲与乙,family,low,某地,2099-07-01,call,", 3, "found_on"),
            ("disputes", $"{DisputeHeader}\n{GoodDispute}\n510104,,family,low,某地,2022-07-01,call,", 3, "parties"),
            ("disputes", $"{DisputeHeader}\n{GoodDispute}\n510700,甲与乙,family,low,涪城,2022-07-01,call,", 3, "unit"),
            ("hazards", $"{HazardHeader}\n{GoodHazard}\n510104,x,y,severe,2022-07-01,2022-07-15", 3, "risk"),
            ("hazards", $"{HazardHeader}\n{GoodHazard}\n510104,x,y,low,2022-07-01,", 3, "deadline"),
            ("hazards", $"{HazardHeader}\n{GoodHazard}\n510104,,y,low,2022-07-01,2022-07-15", 3, "description"),
            ("trouble-spots", $"{SpotHeader}\n{GoodSpot}\n510104,x,y,z,2022-06-01,,", 3, "deadline"), // already past
            ("trouble-spots", $"{SpotHeader}\n{GoodSpot}\n510104,x,y,z,2022-08-31,東經,30.6", 3, "longitude"),
            ("trouble-spots", $"{SpotHeader}\n{GoodSpot}\n510104,x,,z,2022-08-31,,", 3, "reason"),
        };
        foreach (var (ledger, csv, row, column) in cases)
            Assert.Equal((422, row, column), await RefusalAsync(api, ledger, csv));
        Assert.Equal(before, await CountsAsync());
        await using (var db = app.Db()) Assert.False(await db.ImportBatches.AnyAsync(b => b.Kind.StartsWith("ledger-")));

        // The good rows alone go in; a dry run stores nothing.
        var dry = await UploadAsync(api, "night-operations", $"{OperationHeader}\n{GoodOperation}", dryRun: true);
        Assert.True(dry.StatusCode == HttpStatusCode.OK, await dry.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());
        foreach (var (ledger, csv) in new[] { ("key-places", $"{PlaceHeader}\n{GoodPlace}"), ("visits", $"{VisitHeader}\n{GoodVisit}"), ("night-operations", $"{OperationHeader}\n{GoodOperation}"),
            ("disputes", $"{DisputeHeader}\n{GoodDispute}"), ("hazards", $"{HazardHeader}\n{GoodHazard}"), ("trouble-spots", $"{SpotHeader}\n{GoodSpot}") })
        {
            var response = await UploadAsync(api, ledger, csv);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal((before.Item1 + 1, before.Item2 + 1, before.Item3 + 1, before.Item4 + 1, before.Item5 + 1, before.Item6 + 1), await CountsAsync());
        await using (var db = app.Db())
        {
            // Imported entries are as if typed in: each starts at the beginning of its life, with its first history row and its audit.
            var spot = await db.Set<TroubleSpot>().Include(t => t.History).SingleAsync(t => t.Name == "导入路口");
            Assert.Equal((TroubleSpotStatus.Listed, 1, "jinjiang"), (spot.Status, spot.History.Count, spot.ListedBy));
            Assert.Equal(DisputeStatus.Found, (await db.Set<Dispute>().SingleAsync(d => d.Parties == "摊主甲与邻居乙")).Status);
            Assert.Equal(6, await db.ImportBatches.CountAsync(b => b.Kind.StartsWith("ledger-")));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(TroubleSpot) && a.Action == "Added"));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(app.ApiAs("province"), "visits", $"{VisitHeader}\n{GoodVisit}")).StatusCode);
    }
}
