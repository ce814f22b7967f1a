using System.Net;
using System.Net.Http.Json;
using Centurion.Data;
using Centurion.Tests.Records;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Data;

public class ClockTests
{
    private static readonly DateTime Then = new(2031, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    [Theory, BothDatabases]
    public async Task Audit_rows_and_an_import_take_their_time_from_the_applications_clock(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetUtc(Then);
        var api = app.ApiAs("province");

        var renamed = await api.PatchAsJsonAsync("/api/units/510104", new { nameEn = "Jinjiang Branch" });
        var imported = await RecordFiles.PostAsync(api, RecordFiles.Csv(RecordFiles.GoodJinjiangRows));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await using var db = app.Db();
        var unitId = (await db.Units.SingleAsync(u => u.Code == "510104")).Id.ToString();
        var rename = await db.AuditEntries.SingleAsync(a => a.Entity == "Unit" && a.EntityKey == unitId && a.Action == "Modified");
        Assert.Equal(Then, rename.AtUtc);
        var batch = await db.ImportBatches.OrderBy(b => b.Id).LastAsync();
        Assert.Equal("records.csv", batch.FileName);
        Assert.Equal(Then, batch.AtUtc);
        var batchKey = batch.Id.ToString();
        var batchRows = await db.AuditEntries.Where(a => a.Entity == "ImportBatch" && a.EntityKey == batchKey).ToListAsync();
        Assert.Equal(["Added", "Modified"], batchRows.Select(a => a.Action).Order());
        Assert.All(batchRows, a => Assert.Equal(Then, a.AtUtc));
    }

    [Theory, BothDatabases]
    public async Task A_context_opened_by_a_test_audits_at_the_test_clock(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetUtc(Then);
        app.Clock.Advance(TimeSpan.FromMinutes(90));
        await using var db = app.Db();

        var unit = await db.Units.SingleAsync(u => u.Code == "510104");
        unit.NameEn = "Jinjiang Branch";
        await db.SaveChangesAsync();

        var row = await db.AuditEntries.OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("Unit", new DateTime(2031, 3, 4, 6, 36, 7, DateTimeKind.Utc)), (row.Entity, row.AtUtc));
    }
}
