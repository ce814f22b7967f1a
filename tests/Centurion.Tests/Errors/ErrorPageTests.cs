using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.Disputes;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.NightOperations;
using Centurion.Features.Ledgers.TroubleSpots;
using Centurion.Features.Ledgers.Visits;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Errors;

/// <summary>Errors in the browser are a page in the user's language with the way back; the API keeps ProblemDetails.</summary>
public class ErrorPageTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static HttpClient AsBrowser(HttpClient client, string language = "zh-CN")
    {
        client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory, BothDatabases]
    public async Task Out_of_scope_in_the_browser_is_a_404_page_in_the_users_language_with_the_way_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (chinese, _) = await app.SignInAsync("chengdu");
        var (english, _) = await app.SignInAsync("chengdu");

        var zh = await AsBrowser(chinese).GetAsync("/campaigns/summer-2022/completeness.xlsx?unit=510700");
        var en = await AsBrowser(english, "en").GetAsync("/campaigns/summer-2022/completeness.xlsx?unit=510700");
        var nowhere = await chinese.GetAsync("/campaigns/summer-2022/nowhere");

        foreach (var r in new[] { zh, en, nowhere })
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        }
        var zhHtml = await zh.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", zhHtml);
        Assert.Contains("找不到单位 510700。", zhHtml);
        Assert.Contains("id=\"back-to-campaign\" href=\"/campaigns/summer-2022\"", zhHtml);
        Assert.Contains("id=\"back-home\" href=\"/\"", zhHtml);
        Assert.DoesNotContain("绵阳", zhHtml);
        var enHtml = await en.Content.ReadAsStringAsync();
        Assert.Contains("Unit 510700 was not found.", enHtml);
        Assert.Contains("Back to the campaign", enHtml);
        Assert.Contains("找不到该页面或记录，或不在您的管辖范围内。", await nowhere.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task A_ledger_entry_out_of_scope_in_the_browser_is_the_404_page_not_json(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var db = app.Db();
        var jinjiang = await db.Units.SingleAsync(u => u.Code == "510104");
        var subtree = db.UnitLinks.Where(l => l.AncestorId == jinjiang.Id).Select(l => l.DescendantId);
        var place = await db.Set<KeyPlace>().Where(p => subtree.Contains(p.UnitId)).OrderBy(p => p.Id).FirstAsync();
        var visit = await db.Set<PatrolVisit>().Where(v => subtree.Contains(v.UnitId)).MinAsync(v => v.Id);
        var operation = await db.Set<NightOperation>().Where(o => subtree.Contains(o.UnitId)).MinAsync(o => o.Id);
        var dispute = await db.Set<Dispute>().Where(d => subtree.Contains(d.UnitId)).MinAsync(d => d.Id);
        var hazard = await db.Set<Hazard>().Where(h => subtree.Contains(h.UnitId)).MinAsync(h => h.Id);
        var spot = await db.Set<TroubleSpot>().Where(s => subtree.Contains(s.UnitId)).MinAsync(s => s.Id);
        var (chinese, _) = await app.SignInAsync("mianyang"); // keeps ledgers, but Mianyang's
        var (english, _) = await app.SignInAsync("mianyang");
        AsBrowser(chinese);
        AsBrowser(english, "en");

        foreach (var path in new[]
        {
            $"/ledgers/key-places/{place.Id}", $"/ledgers/key-places/{place.Id}/edit", $"/ledgers/visits/{visit}", $"/ledgers/visits/{visit}/edit",
            $"/ledgers/night-operations/{operation}", $"/ledgers/disputes/{dispute}", $"/ledgers/disputes/{dispute}/edit",
            $"/ledgers/hazards/{hazard}", $"/ledgers/trouble-spots/{spot}", $"/ledgers/trouble-spots/{spot}/edit",
            "/ledgers/visits?unit=510104", "/ledgers/disputes?unit=510104", "/ledgers/disputes/999999999",
        })
        {
            foreach (var (client, words) in new[] { (chinese, "返回首页"), (english, "Back to the home page") })
            {
                var response = await client.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{path}: {response.Content.Headers.ContentType} {html}");
                Assert.Contains("id=\"error-page\" data-status=\"404\"", html);
                Assert.Contains(words, html);
                Assert.DoesNotContain(place.Name, html);
            }
        }
        var api = await AsBrowser(app.ApiAs("mianyang")).GetAsync($"/api/ledgers/disputes/{dispute}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory, BothDatabases]
    public async Task The_api_answers_problem_details_even_to_a_browser(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = AsBrowser(app.ApiAs("chengdu"));
        var (cookie, _) = await app.SignInAsync("chengdu");
        cookie.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var unit = await key.GetAsync("/api/campaigns/summer-2022/completeness?unit=510700");
        var unknown = await key.GetAsync("/api/nowhere");
        var download = await cookie.GetAsync("/campaigns/summer-2022/completeness.xlsx?unit=510700");

        foreach (var r in new[] { unit, unknown, download })
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal("找不到单位 510700。", JsonDocument.Parse(await unit.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(404, JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task A_page_that_fails_is_a_500_page_without_internals(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (office, _) = await app.SignInAsync("province");
        await using (var db = app.Db())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Campaigns\" RENAME TO \"CampaignsGone\"");

        var zh = await AsBrowser(office).GetAsync("/campaigns");
        var api = await app.ApiAs("province").GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.InternalServerError, zh.StatusCode);
        Assert.Equal("text/html", zh.Content.Headers.ContentType?.MediaType);
        var html = await zh.Content.ReadAsStringAsync();
        Assert.Contains("出错了", html);
        Assert.Contains("id=\"back-home\" href=\"/\"", html);
        foreach (var inside in new[] { "Exception", "   at ", "CampaignsGone", "Campaigns\"", "SELECT", ".cs:line" })
            Assert.DoesNotContain(inside, html);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
