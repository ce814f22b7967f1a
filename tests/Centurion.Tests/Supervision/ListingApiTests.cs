using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Supervision.Listing;
using Centurion.Features.Work;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Supervision.SupervisionApiTests;
using static Centurion.Tests.Work.WorkTestData;

namespace Centurion.Tests.Supervision;

/// <summary>Listed supervision through the real API and pages on both databases: who lists, reports and delists, overdue at the due instant, scope, the work list.</summary>
public class ListingApiTests
{
    /// <summary>A carried-out inspection of Jinjiang with one finding, and an item for Jinjiang from it (deadline 15 August 2022).</summary>
    private static async Task<long> ItemAsync(TestApp app)
    {
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var inspector = app.ApiAs("inspector");
        var plan = (await OkAsync(await inspector.PostAsJsonAsync("/api/supervision/plans", PlanBody(team)))).GetProperty("id").GetInt64();
        app.Clock.SetLocal(2022, 8, 5, 23);
        var carried = await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/plans/{plan}/carry-out", CarryOutBody()));
        var finding = carried.GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetInt64();
        return (await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/findings/{finding}/items",
            new { unit = "510104", responsiblePerson = "李某", measure = "增派夜间警力-挂牌测试", deadline = "2022-08-15" }))).GetProperty("id").GetInt64();
    }

    private static IEnumerable<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64());

    [Theory, BothDatabases]
    public async Task An_item_is_listed_by_the_province_office_reported_on_by_its_unit_overdue_exactly_at_the_due_instant_and_delisted_after_close_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var item = await ItemAsync(app);
        var province = app.ApiAs("province");
        var jinjiang = app.ApiAs("jinjiang");
        app.Clock.SetLocal(2022, 8, 6, 10);
        var body = new { item, reason = "夜市问题突出，省厅挂牌督办", intervalDays = 3, targetDate = "2022-08-31" };

        Assert.Equal(HttpStatusCode.Forbidden, (await jinjiang.PostAsJsonAsync("/api/supervision/listings", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("inspector").PostAsJsonAsync("/api/supervision/listings", body)).StatusCode);
        var bad = await province.PostAsJsonAsync("/api/supervision/listings", new { item, reason = "", intervalDays = 91 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["intervalDays", "reason"], (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await province.PostAsJsonAsync("/api/supervision/listings", new { item, unit = "510100", reason = "x", intervalDays = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await province.PostAsJsonAsync("/api/supervision/listings", new { item = 987654321, reason = "x", intervalDays = 3 })).StatusCode);

        var created = await province.PostAsJsonAsync("/api/supervision/listings", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listing = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = listing.GetProperty("id").GetInt64();
        Assert.Equal(("item", "510104", "listed", false), (listing.GetProperty("kind").GetString(), listing.GetProperty("unit").GetString(), listing.GetProperty("state").GetString(), listing.GetProperty("overdue").GetBoolean()));
        Assert.Equal(new DateTime(2022, 8, 9, 2, 0, 0, DateTimeKind.Utc), listing.GetProperty("nextDueUtc").GetDateTime()); // 10:00 on 9 August in Shanghai
        // The office is offered no delisting while the item is open.
        Assert.DoesNotContain("delist", listing.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync("/api/supervision/listings", body)).StatusCode); // listed already

        // The unit's work list: due within three days at once.
        var entry = (await WorkAsync(jinjiang)).Items.Single(i => i.Key == $"listing:{id}");
        Assert.Equal(("listing-report", "due-soon", false, new DateOnly(2022, 8, 9), $"/supervision/listings/{id}"), (entry.Kind, entry.Urgency, entry.Overdue, entry.Due!.Value, entry.Link));

        app.Clock.SetLocal(2022, 8, 9, 9, 59, 59);
        Assert.False((await OkAsync(await jinjiang.GetAsync($"/api/supervision/listings/{id}"))).GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(id, Ids(await OkAsync(await province.GetAsync("/api/supervision/listings?overdue=true&pageSize=500"))));
        app.Clock.SetLocal(2022, 8, 9, 10, 0, 0);
        Assert.True((await OkAsync(await jinjiang.GetAsync($"/api/supervision/listings/{id}"))).GetProperty("overdue").GetBoolean());
        Assert.Contains(id, Ids(await OkAsync(await app.ApiAs("chengdu").GetAsync("/api/supervision/listings?overdue=true&unit=510104"))));
        var overdue = (await WorkAsync(jinjiang)).Items.Single(i => i.Key == $"listing:{id}");
        Assert.Equal(("overdue", true), (overdue.Urgency, overdue.Overdue));
        var count = await (await jinjiang.GetAsync("/api/work/count")).Content.ReadFromJsonAsync<Centurion.Infrastructure.Work.WorkCount>(Json);
        Assert.Equal((await WorkAsync(jinjiang)).Overdue, count!.Overdue);
        await RemindAsync(app);
        var me = await UserIdAsync(app, "jinjiang");
        await using (var db = app.Db())
            Assert.Equal([Reminder.Overdue], await db.Set<Reminder>().Where(r => r.UserId == me && r.ItemKey == $"listing:{id}").Select(r => r.Kind).ToListAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync($"/api/supervision/listings/{id}/reports", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await jinjiang.PostAsJsonAsync($"/api/supervision/listings/{id}/reports", new { text = " " })).StatusCode);
        app.Clock.SetLocal(2022, 8, 9, 17);
        var reported = await OkAsync(await jinjiang.PostAsJsonAsync($"/api/supervision/listings/{id}/reports", new { text = "已增派两组巡逻" }));
        Assert.Equal((false, 1, 1), (reported.GetProperty("overdue").GetBoolean(), reported.GetProperty("reports").GetInt32(), reported.GetProperty("lateReports").GetInt32()));
        Assert.Equal(new DateTime(2022, 8, 12, 9, 0, 0, DateTimeKind.Utc), reported.GetProperty("nextDueUtc").GetDateTime()); // 17:00 on 12 August
        Assert.False((await WorkAsync(jinjiang)).Items.Single(i => i.Key == $"listing:{id}").Overdue);

        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync($"/api/supervision/listings/{id}/delist", new { conclusion = "同意撤牌" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await jinjiang.PostAsJsonAsync($"/api/supervision/listings/{id}/delist", new { conclusion = "同意撤牌" })).StatusCode);
        async Task Act(HttpClient who, string action, string? note = null) =>
            await OkAsync(await who.PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action, note }));
        await Act(jinjiang, "start");
        await Act(jinjiang, "submit", "已增派两组巡逻");
        await Act(app.ApiAs("inspector"), "verify");
        await Act(app.ApiAs("inspector"), "close-out");
        Assert.Contains("delist", (await OkAsync(await province.GetAsync($"/api/supervision/listings/{id}"))).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await province.PostAsJsonAsync($"/api/supervision/listings/{id}/delist", new { conclusion = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync($"/api/supervision/listings/{id}/delist", new { conclusion = "同意撤牌", version = 0 })).StatusCode);
        var delisted = await OkAsync(await province.PostAsJsonAsync($"/api/supervision/listings/{id}/delist", new { conclusion = "整改到位，同意撤牌" }));
        Assert.Equal(("delisted", "整改到位，同意撤牌"), (delisted.GetProperty("state").GetString(), delisted.GetProperty("conclusion").GetString()));
        Assert.Equal(["listed", "reported", "delisted"], delisted.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await jinjiang.PostAsJsonAsync($"/api/supervision/listings/{id}/reports", new { text = "再报" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await province.PostAsJsonAsync($"/api/supervision/listings/{id}/delist", new { conclusion = "再撤" })).StatusCode);
        Assert.DoesNotContain((await WorkAsync(jinjiang)).Items, i => i.Key == $"listing:{id}");
        var key = id.ToString();
        await using (var db = app.Db())
            Assert.Equal(["Added", "Modified", "Modified"], await db.AuditEntries.Where(a => a.Entity == nameof(Listing) && a.EntityKey == key).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory, BothDatabases]
    public async Task A_unit_outside_the_responsible_units_chain_gets_404_and_sees_no_listing_and_a_trouble_spot_is_listed_and_delisted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 6, 10);
        var province = app.ApiAs("province");
        var spot = new { place = "锦江区春熙路夜市", problem = "夜间醉酒滋事警情集中", unit = "510104", reason = "治安乱点挂牌整治", intervalDays = 10 };
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("chengdu").PostAsJsonAsync("/api/supervision/listings", spot)).StatusCode);
        foreach (var wrong in new object[]
                 {
                     new { place = "", problem = "x", unit = "510104", reason = "x", intervalDays = 10 },
                     new { place = "x", problem = "x", unit = "510000", reason = "x", intervalDays = 10 },
                     new { place = "x", problem = "x", unit = (string?)null, reason = "x", intervalDays = 10 },
                     new { place = "x", problem = "x", unit = "510104", reason = "x", intervalDays = 0 },
                 })
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await province.PostAsJsonAsync("/api/supervision/listings", wrong)).StatusCode);
        var id = (await OkAsync(await province.PostAsJsonAsync("/api/supervision/listings", spot))).GetProperty("id").GetInt64();

        var fucheng = await CountyReporterAsync(app, "fucheng-listing", "510703"); // Mianyang's Fucheng district
        foreach (var outsider in new[] { app.ApiAs("mianyang"), fucheng })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/supervision/listings/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/supervision/listings/{id}/reports", new { text = "x" })).StatusCode);
            Assert.DoesNotContain(id, Ids(await OkAsync(await outsider.GetAsync("/api/supervision/listings?pageSize=500"))));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/api/supervision/listings?unit=510104")).StatusCode);
        }
        var none = await OkAsync(await fucheng.GetAsync("/api/supervision/listings"));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.DoesNotContain((await WorkAsync(fucheng)).Items, i => i.Kind == "listing-report");
        Assert.Contains(id, Ids(await OkAsync(await app.ApiAs("chengdu").GetAsync("/api/supervision/listings?pageSize=500"))));

        var (mianyangPages, _) = await app.SignInAsync("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await mianyangPages.GetAsync($"/supervision/listings/{id}")).StatusCode);
        Assert.DoesNotContain("锦江区春熙路夜市", await TestApp.PageAsync(mianyangPages, "/supervision/listings"));

        // The county reports from the page; the office delists a trouble spot at its judgement, with a conclusion.
        var (county, _) = await app.SignInAsync("jinjiang");
        var url = $"/supervision/listings/{id}";
        Assert.DoesNotContain("d-delist", await TestApp.PageAsync(county, url));
        var refused = await (await TestApp.PostFormAsync(county, url, "listing-report", new Dictionary<string, string> { ["Progress.Text"] = " " })).Content.ReadAsStringAsync();
        Assert.Contains("action-error", refused);
        await TestApp.PostFormAsync(county, url, "listing-report", new Dictionary<string, string> { ["Progress.Text"] = "每晚两组巡逻到位" });
        Assert.Equal(1, (await OkAsync(await province.GetAsync($"/api/supervision/listings/{id}"))).GetProperty("reports").GetInt32());
        var (office, _) = await app.SignInAsync("province");
        await TestApp.PostFormAsync(office, url, "listing-delist", new Dictionary<string, string> { ["Close.Conclusion"] = "秩序好转，同意撤牌" });
        var closed = await OkAsync(await province.GetAsync($"/api/supervision/listings/{id}"));
        Assert.Equal(("delisted", "秩序好转，同意撤牌"), (closed.GetProperty("state").GetString(), closed.GetProperty("conclusion").GetString()));
        Assert.Contains("秩序好转，同意撤牌", await TestApp.PageAsync(county, url));
    }

    [Theory, BothDatabases]
    public async Task The_demo_lists_jinjiangs_reopened_night_market_item_overdue_since_a_missed_report_and_the_office_lists_an_item_from_its_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 9, 1, 9);
        var listings = await OkAsync(await app.ApiAs("province").GetAsync("/api/supervision/listings"));
        var rows = listings.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["item", "trouble-spot"], rows.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal([true, false], rows.Select(r => r.GetProperty("overdue").GetBoolean())); // overdue first, the delisted last
        var market = rows[0].GetProperty("id").GetInt64();
        var demo = await OkAsync(await app.ApiAs("jinjiang").GetAsync($"/api/supervision/listings/{market}"));
        Assert.Equal(DemoListings.NightMarketReason, demo.GetProperty("reason").GetString());
        Assert.Equal(2, demo.GetProperty("reports").GetInt32());
        Assert.Equal(new DateTime(2022, 8, 31, 3, 0, 0, DateTimeKind.Utc), demo.GetProperty("nextDueUtc").GetDateTime()); // 24 August 11:00 + 7 days
        Assert.Equal("delisted", rows[1].GetProperty("state").GetString());
        Assert.Contains((await WorkAsync(app.ApiAs("jinjiang"))).Items, i => i.Key == $"listing:{market}" && i.Overdue);

        var (office, _) = await app.SignInAsync("province");
        var item = demo.GetProperty("item").GetInt64();
        Assert.Contains($"/supervision/listings/{market}", await TestApp.PageAsync(office, $"/supervision/items/{item}"));
        var list = await TestApp.PageAsync(office, "/supervision/listings");
        Assert.True(list.IndexOf($"/supervision/listings/{market}", StringComparison.Ordinal) < list.IndexOf($"/supervision/listings/{rows[1].GetProperty("id").GetInt64()}", StringComparison.Ordinal));
        Assert.Contains("id=\"nav-listings\"", await TestApp.PageAsync(office, "/supervision"));

        long open;
        await using (var db = app.Db())
            open = await db.Set<Centurion.Features.Supervision.Rectification.RectificationItem>()
                .Where(i => i.State != Centurion.Features.Supervision.Rectification.ItemState.ClosedOut && i.Id != item).Select(i => i.Id).FirstAsync();
        Assert.Contains("list-item", await TestApp.PageAsync(office, $"/supervision/items/{open}"));
        Assert.DoesNotContain("list-item", await TestApp.PageAsync((await app.SignInAsync("chengdu")).Client, $"/supervision/items/{open}"));
        var form = $"/supervision/listings/new?item={open}";
        var refused = await (await TestApp.PostFormAsync(office, form, "listing", new Dictionary<string, string>
            { ["Input.Item"] = open.ToString(), ["Input.Reason"] = "督办测试理由", ["Input.Interval"] = "0", ["Input.TargetDate"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("form-error", refused);
        Assert.Contains("督办测试理由", refused);
        var made = await TestApp.PostFormAsync(office, form, "listing", new Dictionary<string, string>
            { ["Input.Item"] = open.ToString(), ["Input.Reason"] = "督办测试理由", ["Input.Interval"] = "5", ["Input.TargetDate"] = "2022-09-30" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await TestApp.PageAsync(office, made.Headers.Location!.ToString());
        Assert.Contains("督办测试理由", page);
        Assert.Contains("delist-later", page);
    }
}
