using Centurion.Infrastructure;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Records;
using Centurion.Features.Statistics;
using Centurion.Infrastructure.Imports;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Centurion.Tests.Records.RecordFiles;

namespace Centurion.Tests.Records;

public class RecordImportTests
{
    /// <summary>Records that imports wrote, leaving out the demo data every test database starts with.</summary>
    public static IQueryable<CaseRecord> Imported(CenturionDb db) =>
        db.CaseRecords.Where(r => db.ImportBatches.Any(b => b.Id == r.ImportBatchId && b.Kind == RecordImporter.BatchKind));

    private static IQueryable<ImportBatch> Imports(CenturionDb db) => db.ImportBatches.Where(b => b.Kind == RecordImporter.BatchKind);

    private static async Task<(int Records, int Batches, int Audit)> CountsAsync(TestApp app)
    {
        await using var db = app.Db();
        return (await Imported(db).CountAsync(), await Imports(db).CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Every_kind_of_bad_row_refuses_the_whole_file_naming_row_and_column_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chengdu = app.ApiAs("chengdu");
        var before = await CountsAsync(app);
        (string What, string File, int Row, string Column)[] cases =
        [
            ("unknown unit", Csv([.. GoodJinjiangRows, "X-1,criminal,519999001,theft,2022-07-01,,0,street,,false"]), 4, "unit"),
            ("unit outside scope", Csv([.. GoodJinjiangRows, "X-1,criminal,510703001,theft,2022-07-01,,0,street,,false"]), 4, "unit"),
            ("bad date", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-02-30,,0,street,,false"]), 4, "filed_on"),
            ("date not YYYY-MM-DD", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022/07/01,,0,street,,false"]), 4, "filed_on"),
            ("negative suspects", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,2022-07-02,-1,street,,false"]), 4, "suspects"),
            ("solved before filed", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,2022-06-30,1,street,,false"]), 4, "solved_on"),
            ("unknown kind", Csv([.. GoodJinjiangRows, "X-1,felony,510104001,theft,2022-07-01,,0,street,,false"]), 4, "kind"),
            ("unknown place type", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,,0,casino,,false"]), 4, "place_type"),
            ("unknown victim group", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,,0,street,women;pets,false"]), 4, "victim_groups"),
            ("bad boolean", Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,,0,street,,yes"]), 4, "controlled_instrument"),
            ("duplicate id", Csv([.. GoodJinjiangRows, "JJ-1,criminal,510104001,theft,2022-07-01,,0,street,,false"]), 4, "id"),
            ("wrong columns", "id,kind,unit,category,filed_on,solved_on,suspects,place,victim_groups,controlled_instrument,notes\r\n" + GoodJinjiangRows[0], 1, "(header)"),
        ];

        var messages = new Dictionary<string, string>();
        foreach (var (what, file, row, column) in cases)
        {
            var response = await PostAsync(chengdu, file);
            Assert.True(HttpStatusCode.UnprocessableEntity == response.StatusCode, $"{what}: {response.StatusCode}");
            var body = await JsonAsync(response);
            var errors = body.GetProperty("errors").EnumerateArray().ToList();
            Assert.True(errors.Count == 1, $"{what}: {body}");
            Assert.Equal(1, body.GetProperty("errorCount").GetInt32());
            Assert.Equal((row, column), (errors[0].GetProperty("row").GetInt32(), errors[0].GetProperty("column").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(errors[0].GetProperty("message").GetString()));
            messages[what] = errors[0].GetProperty("message").GetString()!;
            Assert.True(before == await CountsAsync(app), $"{what}: something was stored");
        }
        Assert.Contains("missing: place_type", await HeaderMessageInEnglishAsync(chengdu, cases[^1].File));
        Assert.Contains("unexpected: place, notes", await HeaderMessageInEnglishAsync(chengdu, cases[^1].File));
        // Outside the caller's scope is indistinguishable from not existing.
        Assert.Equal(messages["unknown unit"].Replace("519999001", "CODE"), messages["unit outside scope"].Replace("510703001", "CODE"));
    }

    private static async Task<string> HeaderMessageInEnglishAsync(HttpClient client, string file)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var body = await JsonAsync(await PostAsync(client, file));
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return body.GetProperty("errors")[0].GetProperty("message").GetString()!;
    }

    [Theory, BothDatabases]
    public async Task All_errors_are_listed_row_by_row_with_the_total(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var rows = Enumerable.Range(1, 1500).Select(i => $"B-{i},criminal,510104001,theft,2022-07-01,2022-06-01,0,street,,false").ToArray();

        var response = await PostAsync(app.ApiAs("chengdu"), Csv(rows));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(1500, body.GetProperty("errorCount").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(RowErrors.MaxKept, errors.Count);
        Assert.Equal(Enumerable.Range(2, RowErrors.MaxKept), errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal(0, (await CountsAsync(app)).Records);
    }

    [Theory, BothDatabases]
    public async Task The_example_file_imports_with_its_values_and_one_audited_batch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var file = await File.ReadAllBytesAsync(ExamplePath);
        long lastAuditBefore;
        await using (var before = app.Db()) lastAuditBefore = await before.AuditEntries.MaxAsync(a => a.Id);

        var response = await PostAsync(app.ApiAs("province"), file, name: "records.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal((15, 15, 0, 0, false), (body.GetProperty("rows").GetInt32(), body.GetProperty("inserted").GetInt32(),
            body.GetProperty("updated").GetInt32(), body.GetProperty("unchanged").GetInt32(), body.GetProperty("dryRun").GetBoolean()));
        await using var db = app.Db();
        var batch = await Imports(db).SingleAsync();
        Assert.Equal(batch.Id, body.GetProperty("batchId").GetInt64());
        Assert.Equal(("records", "records.csv", "province", 15, 15, 0, 0), (batch.Kind, batch.FileName, batch.Actor, batch.Rows, batch.Inserted, batch.Updated, batch.Unchanged));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), batch.Sha256);

        var units = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Code);
        var records = await Imported(db).ToDictionaryAsync(r => r.ExternalId);
        Assert.Equal(15, records.Count);
        Assert.All(records.Values, r => Assert.Equal(batch.Id, r.ImportBatchId));
        // Every record against its line in the file.
        foreach (var line in RowSource.ReadCsv(ExamplePath).Skip(1))
        {
            var c = line.Cells;
            var r = records[c[0]];
            Assert.Equal(c[1] == "criminal" ? CaseKind.Criminal : CaseKind.PublicOrder, r.Kind);
            Assert.Equal(c[2], units[r.UnitId]);
            Assert.Equal(c[3], r.Category);
            Assert.Equal(DateOnly.Parse(c[4]), r.FiledOn);
            Assert.Equal(c[5].Length == 0 ? null : DateOnly.Parse(c[5]), r.SolvedOn);
            Assert.Equal(int.Parse(c[6]), r.Suspects);
            Assert.Equal(c[7], r.PlaceType);
            Assert.Equal(c[9] == "true", r.ControlledInstrument);
        }
        Assert.Equal("abuse, neglect", records["CD-JN-2022-00777"].Category);
        Assert.Equal(VictimGroups.Elderly | VictimGroups.Disabled, records["CD-JJ-2022-00463"].VictimGroups);
        Assert.Equal(VictimGroups.Women | VictimGroups.Students, records["CD-WH-2022-01022"].VictimGroups);
        Assert.Null(records["CD-JJ-2022-00463"].SolvedOn);

        // The batch is the audit of the inserts: one Added row for it (and its final counts), not fifteen record rows.
        var audit = await db.AuditEntries.Where(a => a.Id > lastAuditBefore).ToListAsync();
        Assert.DoesNotContain(audit, a => a.Entity == nameof(CaseRecord));
        Assert.Contains(audit, a => a.Entity == nameof(ImportBatch) && a.Action == "Added" && a.Actor == "province" && a.EntityKey == batch.Id.ToString());
    }

    [Theory, BothDatabases]
    public async Task Reimporting_changes_nothing_and_a_changed_row_is_updated_in_place_with_before_and_after_audited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var chengdu = app.ApiAs("chengdu");
        var file = Csv(GoodJinjiangRows);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(chengdu, file)).StatusCode);

        var again = await JsonAsync(await PostAsync(chengdu, file));
        Assert.Equal((2, 0, 0, 2), (again.GetProperty("rows").GetInt32(), again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        var changed = Csv(GoodJinjiangRows[0].Replace(",1,night-food-stall,", ",2,night-food-stall,"), GoodJinjiangRows[1]);
        var update = await JsonAsync(await PostAsync(chengdu, changed));
        Assert.Equal((0, 1, 1), (update.GetProperty("inserted").GetInt32(), update.GetProperty("updated").GetInt32(), update.GetProperty("unchanged").GetInt32()));

        await using var db = app.Db();
        Assert.Equal(2, await Imported(db).CountAsync());
        var record = await db.CaseRecords.SingleAsync(r => r.ExternalId == "JJ-1");
        Assert.Equal(2, record.Suspects);
        Assert.Equal(update.GetProperty("batchId").GetInt64(), record.ImportBatchId);
        Assert.Equal(3, await Imports(db).CountAsync());
        var row = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(CaseRecord) && a.Action == "Modified");
        Assert.Equal(("chengdu", record.Id.ToString(), record.UnitId), (row.Actor, row.EntityKey, row.UnitId));
        Assert.Equal(1, JsonDocument.Parse(row.Before!).RootElement.GetProperty("Suspects").GetInt32());
        Assert.Equal(2, JsonDocument.Parse(row.After!).RootElement.GetProperty("Suspects").GetInt32());
        Assert.False(JsonDocument.Parse(row.After!).RootElement.TryGetProperty("Category", out _), "only changed values are recorded");
    }

    [Theory, BothDatabases]
    public async Task A_dry_run_reports_what_would_happen_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await CountsAsync(app);

        var response = await PostAsync(app.ApiAs("chengdu"), Csv(GoodJinjiangRows), dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, body.GetProperty("inserted").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("batchId").ValueKind);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, BothDatabases]
    public async Task An_xlsx_file_imports_exactly_as_the_same_csv(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var province = app.ApiAs("province");
        var lines = RowSource.ReadCsv(ExamplePath).ToList();
        var header = lines[0].Cells;
        // Typed cells, as a spreadsheet would have them: dates as dates, counts as numbers.
        var sheet = lines.Skip(1).Select(l => header.Zip(l.Cells).ToDictionary(p => p.First, p => (object?)(p.First switch
        {
            "filed_on" => DateTime.Parse(p.Second),
            "suspects" => int.Parse(p.Second),
            _ => p.Second,
        }))).ToList();
        using var xlsx = new MemoryStream();
        await MiniExcel.SaveAsAsync(xlsx, sheet);

        var fromXlsx = await JsonAsync(await PostAsync(province, xlsx.ToArray(), name: "records.xlsx"));
        Assert.Equal(15, fromXlsx.GetProperty("inserted").GetInt32());
        var fromCsv = await JsonAsync(await PostAsync(province, await File.ReadAllBytesAsync(ExamplePath)));
        Assert.Equal((0, 0, 15), (fromCsv.GetProperty("inserted").GetInt32(), fromCsv.GetProperty("updated").GetInt32(), fromCsv.GetProperty("unchanged").GetInt32()));
    }

    [Theory, BothDatabases]
    public async Task A_reporter_imports_into_their_county_only_and_other_roles_may_not_import(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var jinjiang = app.ApiAs("jinjiang");

        var ok = await PostAsync(jinjiang, Csv(GoodJinjiangRows));
        var outside = await PostAsync(jinjiang, Csv("Q-1,criminal,510105001,theft,2022-07-01,,0,street,,false"));
        var coordinator = await PostAsync(app.ApiAs("xingzhen"), Csv(GoodJinjiangRows));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await JsonAsync(ok)).GetProperty("inserted").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Equal("unit", (await JsonAsync(outside)).GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Equal(2, (await CountsAsync(app)).Records);
    }

    [Theory, BothDatabases]
    public async Task An_id_taken_by_a_record_outside_the_scope_is_refused_and_the_record_is_untouched(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PostAsync(app.ApiAs("mianyang"), Csv("MY-1,criminal,510703001,theft,2022-07-01,,0,street,,false"));

        var response = await PostAsync(app.ApiAs("chengdu"), Csv([.. GoodJinjiangRows, "MY-1,criminal,510104001,fraud,2022-07-01,,0,street,,false"]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal((4, "id"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        await using var db = app.Db();
        Assert.Equal("theft", (await Imported(db).SingleAsync()).Category);
        Assert.Equal(1, await Imports(db).CountAsync());
    }

    [Theory, BothDatabases]
    public async Task Files_larger_than_a_batch_are_stored_whole_and_updated_across_batches(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var province = app.ApiAs("province");
        string Row(int i, int suspects) => $"L-{i:00000},{(i % 3 == 0 ? "public-order" : "criminal")},510104{1 + i % 4:000},theft,2022-07-01,2022-07-0{1 + i % 9},{suspects},street,,{(i % 7 == 0 ? "true" : "false")}";
        var count = RecordImporter.BatchSize * 2 + 345;

        var first = await JsonAsync(await PostAsync(province, Csv([.. Enumerable.Range(0, count).Select(i => Row(i, 1))])));
        var second = await JsonAsync(await PostAsync(province, Csv([.. Enumerable.Range(0, count + 10).Select(i => Row(i, i % 500 == 0 ? 2 : 1))])));

        Assert.Equal(count, first.GetProperty("inserted").GetInt32());
        var changed = Enumerable.Range(0, count).Count(i => i % 500 == 0);
        Assert.Equal((10, changed, count - changed), (second.GetProperty("inserted").GetInt32(), second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        await using var db = app.Db();
        Assert.Equal(count + 10, await Imported(db).CountAsync());
        Assert.Equal(changed, await Imported(db).CountAsync(r => r.Suspects == 2));
        Assert.Equal(changed, await db.AuditEntries.CountAsync(a => a.Entity == nameof(CaseRecord)));
    }

    [Theory, BothDatabases]
    public async Task The_cli_verb_imports_a_file_and_refuses_a_bad_one_with_exit_code_2(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var bad = Path.GetTempFileName();
        await File.WriteAllTextAsync(bad, Csv([.. GoodJinjiangRows, "X-1,criminal,510104001,theft,2022-07-01,2022-06-30,1,street,,false"]), new UTF8Encoding(true));
        try
        {
            var dry = await CliProcess.RunAsync(provider, app.ConnectionString, "import-records", ExamplePath, "--dry-run").ThrowIfFailed();
            Assert.Equal(0, (await CountsAsync(app)).Records);
            Assert.Contains("would insert 15", dry.Output);

            var run = await CliProcess.RunAsync(provider, app.ConnectionString, "import-records", ExamplePath).ThrowIfFailed();
            Assert.Contains("15 inserted", run.Output);

            var refused = await CliProcess.RunAsync(provider, app.ConnectionString, "import-records", bad);
            Assert.Equal(2, refused.ExitCode);
            Assert.StartsWith("row 4, solved_on:", refused.Errors);

            await using var db = app.Db();
            Assert.Equal(15, await Imported(db).CountAsync());
            Assert.StartsWith("cli:", (await Imports(db).SingleAsync()).Actor);
        }
        finally { File.Delete(bad); }
    }
}
