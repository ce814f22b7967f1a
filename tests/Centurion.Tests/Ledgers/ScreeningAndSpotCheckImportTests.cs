using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.SpotChecks;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Ledgers;

/// <summary>Screenings and spot-check results through the ledgers' one import: all or nothing, every bad-row kind by row and column.</summary>
public class ScreeningAndSpotCheckImportTests
{
    private const string Campaign = "summer-2022";

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

    private static async Task<JsonElement> SummaryAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private const string ScreeningHeader = "campaign,round,unit,screened_on,places,households,disputes_found";

    [Theory, BothDatabases]
    public async Task A_screening_import_is_refused_whole_on_each_kind_of_bad_row_and_otherwise_records_and_corrects(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 7, 25, 10);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("province").PostAsJsonAsync($"/api/ledgers/screening/{Campaign}/rounds",
            new { startsOn = "2022-07-23", days = 14, count = 1 })).StatusCode); // round 3: 23 July – 5 August
        var api = app.ApiAs("jinjiang");
        async Task<List<(long, DateOnly, int, int, int)>> ScreeningsAsync()
        {
            await using var db = app.Db();
            return [.. (await db.Set<Screening>().OrderBy(s => s.Id).ToListAsync()).Select(s => (s.Id, s.ScreenedOn, s.Places, s.Households, s.DisputesFound))];
        }
        Screening round1, round2;
        await using (var db = app.Db())
        {
            var jinjiang = await db.Units.SingleAsync(u => u.Code == "510104");
            var station = await db.Units.SingleAsync(u => u.Code == "510104001");
            Assert.False(await db.CampaignUnits.AnyAsync(u => u.UnitId == station.Id), "a station of Jinjiang's that does not report");
            var mine = await db.Set<Screening>().Where(s => s.UnitId == jinjiang.Id).Join(db.Set<ScreeningRound>(), s => s.RoundId, r => r.Id, (s, r) => new { s, r.Number }).ToListAsync();
            (round1, round2) = (mine.Single(x => x.Number == 1).s, mine.Single(x => x.Number == 2).s);
        }
        var before = await ScreeningsAsync();
        var good = $"{Campaign},3,510104,2022-07-24,40,300,5";

        var cases = new (string Csv, int Row, string Column)[]
        {
            ($"campaign,round,unit,places\n{Campaign},3,510104,4", 1, "(header)"),
            ($"{ScreeningHeader}\n{good}\nwinter-2099,3,510104,2022-07-24,40,300,5", 3, "campaign"),
            ($"{ScreeningHeader}\n{good}\n{Campaign},9,510104,2022-07-24,40,300,5", 3, "round"),
            ($"{ScreeningHeader}\n{good}\n{Campaign},第三轮,510104,2022-07-24,40,300,5", 3, "round"),
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,999999,2022-07-24,40,300,5", 3, "unit"), // unknown
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510703,2022-07-24,40,300,5", 3, "unit"), // Mianyang's: out of scope, as if it did not exist
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104001,2022-07-24,40,300,5", 3, "unit"), // in scope, but not a reporting unit
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104,2022-07-01,40,300,5", 3, "screened_on"), // round 1's day, not round 3's
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104,24/07/2022,40,300,5", 3, "screened_on"),
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104,2022-07-24,-4,300,5", 3, "places"),
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104,2022-07-24,40,三百,5", 3, "households"),
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104,2022-07-24,40,300,2000000", 3, "disputes_found"), // above the figure limit
            ($"{ScreeningHeader}\n{good}\n{Campaign},3,510104,2022-07-25,41,301,6", 3, "unit"), // the same unit and round twice
            ($"{ScreeningHeader}\n", 2, "(rows)"),
        };
        foreach (var (csv, row, column) in cases)
            Assert.Equal((422, row, column), await RefusalAsync(api, "screenings", csv));
        Assert.Equal(before, await ScreeningsAsync());
        await using (var db = app.Db()) Assert.False(await db.ImportBatches.AnyAsync(b => b.Kind == "ledger-screenings"));

        // A new screening, a correction and one the file repeats as it is; a dry run counts the same and stores nothing.
        var csvGood = $"{ScreeningHeader}\n{good}\n{Campaign},1,510104,{round1.ScreenedOn:yyyy-MM-dd},{round1.Places + 1},{round1.Households},{round1.DisputesFound}\n" +
            $"{Campaign},2,510104,{round2.ScreenedOn:yyyy-MM-dd},{round2.Places},{round2.Households},{round2.DisputesFound}";
        var dry = await SummaryAsync(await UploadAsync(api, "screenings", csvGood, dryRun: true));
        Assert.Equal((3, 1, 1, 1), (dry.GetProperty("rows").GetInt32(), dry.GetProperty("inserted").GetInt32(), dry.GetProperty("updated").GetInt32(), dry.GetProperty("unchanged").GetInt32()));
        Assert.Equal(before, await ScreeningsAsync());
        var done = await SummaryAsync(await UploadAsync(api, "screenings", csvGood));
        Assert.Equal((1, 1, 1), (done.GetProperty("inserted").GetInt32(), done.GetProperty("updated").GetInt32(), done.GetProperty("unchanged").GetInt32()));
        await using (var db = app.Db())
        {
            var added = await db.Set<Screening>().SingleAsync(s => s.ScreenedOn == new DateOnly(2022, 7, 24));
            Assert.Equal((40, 300, 5, "jinjiang"), (added.Places, added.Households, added.DisputesFound, added.RecordedBy));
            Assert.Equal(round1.Places + 1, (await db.Set<Screening>().SingleAsync(s => s.Id == round1.Id)).Places);
            Assert.Equal(before.Count + 1, await db.Set<Screening>().CountAsync());
            Assert.Equal(1, await db.ImportBatches.CountAsync(b => b.Kind == "ledger-screenings"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Screening) && a.Action == "Modified" && a.EntityKey == round1.Id.ToString()));
        }
        // Round 3 now lists Jinjiang as screened.
        var rounds = await (await api.GetAsync($"/api/ledgers/screening/{Campaign}/rounds")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(rounds.EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == 3).GetProperty("missing").EnumerateArray());
        // The campaign office reads screenings; it does not record them.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(app.ApiAs("province"), "screenings", $"{ScreeningHeader}\n{good}")).StatusCode);
    }

    private const string CheckHeader = "draw,unit,called_at,answered_within_seconds,roster_complete,leader_reachable,equipment_ready,notes";

    [Theory, BothDatabases]
    public async Task A_spot_check_import_is_refused_whole_on_each_kind_of_bad_row_and_otherwise_records_each_result_by_the_rules(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10, 0);
        var office = app.ApiAs("province");
        var drawn = await SummaryAsync(await office.PostAsJsonAsync($"/api/ledgers/spot-checks/{Campaign}/draws",
            new { round = new DateOnly(2022, 8, 1), within = new[] { "510100" }, level = "County", count = 3 }));
        var draw = drawn.GetProperty("id").GetInt64();
        var units = drawn.GetProperty("drawn").EnumerateArray().Select(u => u.GetString()!).ToList();
        (long Id, string Unit) superseded, recorded;
        await using (var db = app.Db())
        {
            var old = await db.Set<SpotCheckDraw>().Include(d => d.Checks).ThenInclude(k => k.Unit).FirstAsync(d => d.SupersededUtc != null);
            superseded = (old.Id, old.Checks.First().Unit!.Code);
            var done = await db.Set<SpotCheck>().Include(k => k.Unit).FirstAsync(k => k.Passed != null && k.Draw!.SupersededUtc == null);
            recorded = (done.DrawId, done.Unit!.Code);
        }
        async Task<List<(long, bool?)>> ChecksAsync()
        {
            await using var db = app.Db();
            return [.. (await db.Set<SpotCheck>().OrderBy(k => k.Id).ToListAsync()).Select(k => (k.Id, k.Passed))];
        }
        var before = await ChecksAsync();
        var good = $"{draw},{units[0]},2022-08-02 09:00,12,yes,yes,yes,";
        string Bad(string row) => $"{CheckHeader}\n{good}\n{row}";

        var cases = new (string Csv, int Row, string Column)[]
        {
            ($"draw,unit,called_at\n{draw},{units[0]},2022-08-02 09:00", 1, "(header)"),
            (Bad($"第一次,{units[1]},2022-08-02 09:00,12,yes,yes,yes,"), 3, "draw"),
            (Bad($"999999,{units[1]},2022-08-02 09:00,12,yes,yes,yes,"), 3, "draw"), // unknown draw
            (Bad($"{superseded.Id},{superseded.Unit},2022-07-12 09:00,12,yes,yes,yes,"), 3, "draw"), // redrawn since
            (Bad($"{draw},999999,2022-08-02 09:00,12,yes,yes,yes,"), 3, "unit"), // unknown unit
            (Bad($"{draw},513301,2022-08-02 09:00,12,yes,yes,yes,"), 3, "unit"), // Kangding: not drawn in a draw within Chengdu
            (Bad($"{recorded.Id},{recorded.Unit},2022-07-20 09:00,12,yes,yes,yes,"), 3, "unit"), // recorded already: never overwritten
            (Bad($"{draw},{units[0]},2022-08-02 09:30,10,yes,yes,yes,"), 3, "unit"), // the same check twice in the file
            (Bad($"{draw},{units[1]},2022-08-02 25:00,12,yes,yes,yes,"), 3, "called_at"),
            (Bad($"{draw},{units[1]},2022-08-09 09:00,12,yes,yes,yes,"), 3, "called_at"), // in the future
            (Bad($"{draw},{units[1]},,12,yes,yes,yes,"), 3, "called_at"),
            (Bad($"{draw},{units[1]},2022-08-02 09:00,-5,yes,yes,yes,"), 3, "answered_within_seconds"),
            (Bad($"{draw},{units[1]},2022-08-02 09:00,十秒,yes,yes,yes,"), 3, "answered_within_seconds"),
            (Bad($"{draw},{units[1]},2022-08-02 09:00,4000,yes,yes,yes,"), 3, "answered_within_seconds"),
            (Bad($"{draw},{units[1]},2022-08-02 09:00,12,maybe,yes,yes,"), 3, "roster_complete"),
            (Bad($"{draw},{units[1]},2022-08-02 09:00,12,yes,,yes,"), 3, "leader_reachable"),
        };
        foreach (var (csv, row, column) in cases)
            Assert.Equal((422, row, column), await RefusalAsync(office, "spot-checks", csv));
        Assert.Equal(before, await ChecksAsync());
        await using (var db = app.Db()) Assert.False(await db.ImportBatches.AnyAsync(b => b.Kind == "ledger-spot-checks"));

        // Two results: one passes; one fails (nobody answered, the leader not reachable), as the rules on the page say.
        var done2 = await SummaryAsync(await UploadAsync(office, "spot-checks", $"{CheckHeader}\n{good}\n{draw},{units[1]},2022-08-02 09:10,,是,否,yes,无人接听"));
        Assert.Equal((2, 0, 2), (done2.GetProperty("rows").GetInt32(), done2.GetProperty("inserted").GetInt32(), done2.GetProperty("updated").GetInt32()));
        await using (var db = app.Db())
        {
            var checks = await db.Set<SpotCheck>().Include(k => k.Unit).Where(k => k.DrawId == draw).ToDictionaryAsync(k => k.Unit!.Code);
            Assert.Equal((true, 12, "province"), (checks[units[0]].Passed, checks[units[0]].AnsweredWithinSeconds, checks[units[0]].RecordedBy));
            Assert.Equal(new DateTime(2022, 8, 2, 1, 0, 0), checks[units[0]].CalledUtc); // 09:00 in Sichuan is 01:00 UTC
            Assert.Equal((false, null, false, "无人接听"), (checks[units[1]].Passed, checks[units[1]].AnsweredWithinSeconds, checks[units[1]].LeaderReachable, checks[units[1]].Notes));
            Assert.Null(checks[units[2]].Passed);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Entity == nameof(SpotCheck) && a.Action == "Modified"));
        }
        var failures = await (await office.GetAsync($"/api/ledgers/spot-checks/{Campaign}/failures")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(failures.EnumerateArray(), f => f.GetProperty("unit").GetString() == units[1] && f.GetProperty("month").GetString() == "2022-08" && f.GetProperty("failed").GetInt32() == 1);
        // Units see their results; recording them is the campaign office's.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(app.ApiAs("jinjiang"), "spot-checks", $"{CheckHeader}\n{draw},{units[2]},2022-08-02 09:00,12,yes,yes,yes,")).StatusCode);
    }
}
