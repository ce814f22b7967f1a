using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Audit;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Reporting.TestCampaign;

namespace Centurion.Tests.Audit;

public partial class AuditTests
{
    [Theory, BothDatabases]
    public async Task Rows_added_in_one_save_are_audited_with_their_real_keys_and_Chinese_as_text(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);

        var filed = await FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 3), 100);

        await using var db = app.Db();
        var report = await db.Reports.Include(r => r.Revisions).SingleAsync(r => r.Campaign!.Code == Code && r.Unit!.Code == "510104");
        var revision = report.Revisions.Single();
        JsonElement After(string entity, string key) =>
            JsonDocument.Parse(db.AuditEntries.Single(a => a.Entity == entity && a.Action == "Added" && a.EntityKey == key).After!).RootElement;
        Assert.Equal(report.Id, After("Report", report.Id.ToString()).GetProperty("Id").GetInt64());
        Assert.Equal(report.Id, After("ReportRevision", revision.Id.ToString()).GetProperty("ReportId").GetInt64());
        var values = await db.AuditEntries.Where(a => a.Entity == "ReportValue" && a.Action == "Added").ToListAsync();
        Assert.Equal(4, values.Count);
        Assert.All(values, v => Assert.Equal(revision.Id, JsonDocument.Parse(v.After!).RootElement.GetProperty("RevisionId").GetInt64()));
        Assert.All(values, v => Assert.StartsWith(revision.Id + ",", v.EntityKey));
        var campaignId = (await db.Campaigns.SingleAsync(c => c.Code == Code)).Id.ToString();
        var campaign = await db.AuditEntries.SingleAsync(a => a.Entity == "Campaign" && a.Action == "Added" && a.EntityKey == campaignId);
        Assert.Contains("\"NameZh\":\"测试行动\"", campaign.After);
        Assert.DoesNotContain("\\u", campaign.After);
        Assert.Equal(report.Version, filed.Version);
    }

    [Fact]
    public void An_update_shows_only_the_fields_that_changed_and_an_insert_or_deletion_every_field()
    {
        var update = AuditChanges.Fields("""{"Id":7,"NameZh":"锦江区","NameEn":"Jinjiang"}""", """{"Id":7,"NameZh":"锦江分局","NameEn":"Jinjiang"}""");
        Assert.Equal([new FieldChange("NameZh", "锦江区", "锦江分局")], update);
        var insert = AuditChanges.Fields(null, """{"Id":8,"Code":"510104901","ParentId":null,"Active":true}""");
        Assert.Equal([new("Id", null, "8"), new("Code", null, "510104901"), new("ParentId", null, null), new("Active", null, "true")], insert);
        var deletion = AuditChanges.Fields("""{"Id":8,"Value":3}""", null);
        Assert.Equal([new("Id", "8", null), new("Value", "3", null)], deletion);
    }

    [Theory, BothDatabases]
    public async Task The_audit_page_shows_changes_field_by_field_with_a_link_to_what_changed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2026, 7, 4, 9, 0);
        await CreateAsync(app);
        await FileAsync(app, "jinjiang", "510104", new DateOnly(2026, 7, 3), 100);
        await app.ApiAs("chengdu").PatchAsJsonAsync("/api/units/510104", new { nameZh = "锦江分局" });
        var (office, _) = await app.SignInAsync("province");

        var unit = await TestApp.PageAsync(office, "/audit?unit=510104&entity=Unit&user=chengdu");
        var revision = await TestApp.PageAsync(office, "/audit?unit=510104&entity=ReportRevision&user=jinjiang");

        Assert.Contains("<td class=\"code\">NameZh</td><td>锦江区</td><td>锦江分局</td>", unit);
        Assert.DoesNotContain("<td class=\"code\">NameEn</td>", unit); // unchanged
        Assert.Contains("href=\"/units/510104\"", unit);
        Assert.Contains($"href=\"/campaigns/{Code}/reports/510104/2026-07-03\"", revision);
        office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await TestApp.PageAsync(office, "/audit?unit=510104&entity=Unit&user=chengdu");
        Assert.Contains("<th>Field</th><th>Before</th><th>After</th>", english);
        Assert.Contains(">Unit</a>", english);
    }

    [Theory, BothDatabases]
    public async Task The_audit_page_pages_through_every_row_newest_first(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var all = await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
        Assert.True(all.Count > 1000, $"the template has {all.Count} audit rows");
        var (office, _) = await app.SignInAsync("province");

        var seen = new List<long>();
        var url = "/audit?size=500";
        var pages = new List<string>();
        while (true)
        {
            var html = await TestApp.PageAsync(office, url);
            pages.Add(html);
            seen.AddRange(Ids(html));
            if (OlderLink().Match(html) is not { Success: true } older) break;
            url = System.Net.WebUtility.HtmlDecode(older.Groups[1].Value);
        }

        Assert.Equal(all, seen);
        Assert.Equal((all.Count + 499) / 500, pages.Count);
        Assert.DoesNotContain("id=\"newer\"", pages[0]);
        var back = await TestApp.PageAsync(office, System.Net.WebUtility.HtmlDecode(NewerLink().Match(pages[1]).Groups[1].Value));
        Assert.Equal(Ids(pages[0]), Ids(back));
        Assert.Equal(50, Ids(await TestApp.PageAsync(office, "/audit")).Count);
    }

    [Theory, BothDatabases]
    public async Task The_audit_page_filters_by_entity_and_dates_and_a_malformed_filter_is_a_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.ApiAs("mianyang").PatchAsJsonAsync("/api/units/510703", new { nameEn = "Fucheng Branch" });
        var (office, _) = await app.SignInAsync("province");
        // The audit's own clock: rows are stamped when written.
        await using var db = app.Db();
        var stamped = ProvinceTime.ToLocal((await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync()).AtUtc);
        var day = DateOnly.FromDateTime(stamped);

        var sameDay = await TestApp.PageAsync(office, $"/audit?user=mianyang&entity=Unit&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var dayAfter = await TestApp.PageAsync(office, $"/audit?user=mianyang&from={day.AddDays(1):yyyy-MM-dd}");
        var dayBefore = await TestApp.PageAsync(office, $"/audit?user=mianyang&to={day.AddDays(-1):yyyy-MM-dd}");
        var otherEntity = await TestApp.PageAsync(office, "/audit?user=mianyang&entity=Campaign");

        Assert.Contains("Fucheng Branch", sameDay);
        Assert.DoesNotContain("Fucheng Branch", dayAfter);
        Assert.DoesNotContain("Fucheng Branch", dayBefore);
        Assert.DoesNotContain("Fucheng Branch", otherEntity);
        foreach (var (query, zh, en) in new[]
        {
            ("from=bad", "“起”日期“bad”无效", "The \"From\" date \"bad\" is not a date"),
            ("to=2022-13-45", "“止”日期“2022-13-45”无效", "The \"To\" date \"2022-13-45\" is not a date"),
            ("from=2022-07-02&to=2022-07-01", "起始日期 2022-07-02 晚于截止日期 2022-07-01", "The start date 2022-07-02 is after the end date 2022-07-01"),
            ("entity=Nothing", "没有名为“Nothing”的审计对象", "There is no audited entity called \"Nothing\""),
            ("before=x", "翻页参数 before=“x”无效", "The paging parameter before=\"x\" is not valid"),
            ("size=0", "每页条数应为 1 至 500 的整数", "The page size must be a whole number from 1 to 500"),
            ("size=abc", "每页条数应为 1 至 500 的整数，而不是“abc”", "The page size must be a whole number from 1 to 500, not \"abc\""),
            ("after=-1", "翻页参数 after=“-1”无效", "The paging parameter after=\"-1\" is not valid"),
        })
        {
            var response = await office.GetAsync("/audit?" + query);
            var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Contains(zh, html);
            Assert.Contains("id=\"audit-filters\"", html);
            office.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var english = await office.GetAsync("/audit?" + query);
            Assert.Contains(en, System.Net.WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()));
            office.DefaultRequestHeaders.AcceptLanguage.Clear();
        }
        // A parameter the page does not have is ignored, not a failure.
        Assert.Equal(50, Ids(await TestApp.PageAsync(office, "/audit?page=abc")).Count);
    }

    [Theory, BothDatabases]
    public async Task A_ledger_entrys_history_and_the_audit_page_read_the_same_rows_and_link_to_the_entry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        long id;
        string name;
        await using (var db = app.Db())
        {
            var jinjiang = await db.Units.SingleAsync(u => u.Code == "510104");
            var place = await db.Set<Centurion.Features.Ledgers.KeyPlaces.KeyPlace>()
                .Where(p => db.UnitLinks.Any(l => l.AncestorId == jinjiang.Id && l.DescendantId == p.UnitId)).OrderBy(p => p.Id).FirstAsync();
            (id, name) = (place.Id, place.Name);
        }
        var api = app.ApiAs("jinjiang");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"/api/ledgers/key-places/{id}"))!.AsObject();
        body["name"] = "锦江测试场所";
        var renamed = await api.PutAsJsonAsync($"/api/ledgers/key-places/{id}", body);
        Assert.True(renamed.IsSuccessStatusCode, $"{(int)renamed.StatusCode} {await renamed.Content.ReadAsStringAsync()}");
        var (jinjiangPages, _) = await app.SignInAsync("jinjiang");
        var (office, _) = await app.SignInAsync("province");

        var history = System.Net.WebUtility.HtmlDecode(await TestApp.PageAsync(jinjiangPages, $"/ledgers/key-places/{id}"));
        var audit = System.Net.WebUtility.HtmlDecode(await TestApp.PageAsync(office, "/audit?entity=KeyPlace&user=jinjiang"));

        Assert.Contains($"<code>Name</code>: {name} → 锦江测试场所", history);
        Assert.Contains($"<td class=\"code\">Name</td><td>{name}</td><td>锦江测试场所</td>", audit);
        Assert.Contains($"href=\"/ledgers/key-places/{id}\">重点场所</a>", audit);
    }

    [Theory, BothDatabases]
    public async Task A_campaign_office_below_the_province_sees_the_audit_of_its_own_subtree_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CliProcess.RunAsync(provider, app.ConnectionString, "user", "add", "--name", "chengdu-office", "--password", "chengdu-office-password",
            "--unit", "510100", "--role", "campaign-office").ThrowIfFailed();
        await app.ApiAs("chengdu").PatchAsJsonAsync("/api/units/510104", new { nameEn = "Jinjiang Branch" });
        await app.ApiAs("mianyang").PatchAsJsonAsync("/api/units/510703", new { nameEn = "Fucheng Branch" });
        var (office, _) = await app.SignInAsync("chengdu-office", "chengdu-office-password");

        var own = await TestApp.PageAsync(office, "/audit?entity=Unit");
        var byOutsider = await TestApp.PageAsync(office, "/audit?user=mianyang");
        var outside = await office.GetAsync("/audit?unit=510700");

        Assert.Contains("Jinjiang Branch", own);
        Assert.DoesNotContain("Fucheng Branch", own);
        Assert.DoesNotContain("Fucheng Branch", byOutsider);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        var html = await outside.Content.ReadAsStringAsync();
        Assert.Contains("找不到单位 510700", html);
        Assert.DoesNotContain("绵阳", html);
    }

    private static List<long> Ids(string html) => [.. RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value))];

    [GeneratedRegex("<tr data-id=\"(\\d+)\"")]
    private static partial Regex RowId();

    [GeneratedRegex("id=\"older\" href=\"([^\"]+)\"")]
    private static partial Regex OlderLink();

    [GeneratedRegex("id=\"newer\" href=\"([^\"]+)\"")]
    private static partial Regex NewerLink();

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
        await Assert.ThrowsAsync<FrozenRowException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(row);
        await Assert.ThrowsAsync<FrozenRowException>(() => db.SaveChangesAsync());

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
