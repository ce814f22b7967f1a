using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Audit;

public class AuditTests
{
    [Theory, BothDatabases]
    public async Task A_rename_leaves_an_audit_row_with_who_what_before_and_after(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.ApiAs("chengdu").PatchAsJsonAsync("/api/units/510104", new { nameEn = "Jinjiang District Branch" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var unit = await db.Units.SingleAsync(u => u.Code == "510104");
        var row = await db.AuditEntries.Where(a => a.Entity == "Unit" && a.EntityKey == unit.Id.ToString() && a.Action == "Modified").SingleAsync();
        Assert.Equal("chengdu", row.Actor);
        Assert.Equal(unit.Id, row.UnitId);
        Assert.Equal(app.Clock.UtcNow, row.AtUtc);
        Assert.Equal("Jinjiang District", JsonDocument.Parse(row.Before!).RootElement.GetProperty("NameEn").GetString());
        Assert.Equal("Jinjiang District Branch", JsonDocument.Parse(row.After!).RootElement.GetProperty("NameEn").GetString());
        Assert.False(JsonDocument.Parse(row.After!).RootElement.TryGetProperty("NameZh", out _), "only changed values are recorded");
    }

    [Theory, BothDatabases]
    public async Task An_insert_is_audited_with_its_generated_key(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.ApiAs("province").PostAsJsonAsync("/api/units", new { parentCode = "513300", code = "513301901", nameZh = "新都桥派出所" });

        await using var db = app.Db();
        var unit = await db.Units.SingleAsync(u => u.Code == "513301901");
        var row = await db.AuditEntries.SingleAsync(a => a.Entity == "Unit" && a.Action == "Added" && a.EntityKey == unit.Id.ToString());
        Assert.Equal("province", row.Actor);
        Assert.Equal(unit.Id, JsonDocument.Parse(row.After!).RootElement.GetProperty("Id").GetInt32());
        Assert.Null(row.Before);
    }

    [Theory, BothDatabases]
    public async Task The_audit_trail_cannot_be_changed_or_deleted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var row = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var count = await db.AuditEntries.CountAsync();

        row.Actor = "someone else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(row);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var fresh = app.Db();
        Assert.Equal(count, await fresh.AuditEntries.CountAsync());
        Assert.NotEqual("someone else", (await fresh.AuditEntries.FirstAsync(a => a.Id == row.Id)).Actor);
    }

    [Theory, BothDatabases]
    public async Task The_audit_page_filters_by_unit_and_user_and_is_for_the_campaign_office_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.ApiAs("chengdu").PatchAsJsonAsync("/api/units/510104", new { nameEn = "Jinjiang Branch" });
        await app.ApiAs("mianyang").PatchAsJsonAsync("/api/units/510703", new { nameEn = "Fucheng Branch" });
        var (office, _) = await app.SignInAsync("province");

        var chengduOnly = await office.GetStringAsync("/audit?unit=510100");
        var byUser = await office.GetStringAsync("/audit?user=mianyang");

        Assert.Contains("Jinjiang Branch", chengduOnly);
        Assert.DoesNotContain("Fucheng Branch", chengduOnly);
        Assert.Contains("Fucheng Branch", byUser);
        Assert.DoesNotContain("Jinjiang Branch", byUser);
        var (leader, _) = await app.SignInAsync("chengdu");
        var denied = await leader.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/denied", denied.Headers.Location!.PathAndQuery);
    }

    [Theory, BothDatabases]
    public async Task A_user_change_is_audited_under_their_unit_and_secrets_stay_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var user = await db.Users.SingleAsync(u => u.UserName == "jinjiang");
        user.DisplayName = "Jinjiang reporter";
        user.PasswordHash = "not-for-the-audit";
        var key = await Authentication.CreateApiKeyAsync(db, user, "audit-test");

        var userRow = await db.AuditEntries.Where(a => a.Entity == "User" && a.EntityKey == user.Id && a.Action == "Modified").OrderBy(a => a.Id).LastAsync();
        Assert.Equal(user.UnitId, userRow.UnitId);
        Assert.Contains("Jinjiang reporter", userRow.After);
        Assert.DoesNotContain("not-for-the-audit", userRow.After);
        Assert.DoesNotContain(nameof(user.PasswordHash), userRow.After + userRow.Before);
        var keyId = (await db.ApiKeys.SingleAsync(k => k.Name == "audit-test")).Id.ToString();
        var keyRow = await db.AuditEntries.SingleAsync(a => a.Entity == "ApiKey" && a.EntityKey == keyId);
        Assert.DoesNotContain(Authentication.HashKey(key), keyRow.After);
        Assert.DoesNotContain("\"Hash\"", keyRow.After);
    }
}
