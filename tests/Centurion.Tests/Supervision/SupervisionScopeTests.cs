using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Support;
using static Centurion.Tests.Supervision.SupervisionApiTests;

namespace Centurion.Tests.Supervision;

/// <summary>
/// A carried-out finding and its item are seen and touched only within the inspected unit's chain and by the team: for a unit
/// elsewhere (Mianyang, for Jinjiang's demo finding) every endpoint and page says "not found", and nothing changes. The same
/// calls by Chengdu show the paths are right, so a 404 means scope, not a typo.
/// </summary>
public class SupervisionScopeTests
{
    [Theory, BothDatabases]
    public async Task A_finding_and_its_item_do_not_exist_for_a_unit_outside_the_chain_on_any_endpoint_or_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var province = app.ApiAs("province");
        var rows = (await OkAsync(await province.GetAsync("/api/supervision/items?unit=510104&pageSize=500"))).GetProperty("items").EnumerateArray().ToList();
        var open = rows.First(r => r.GetProperty("state").GetString() != "closed-out");
        long item = open.GetProperty("id").GetInt64(), finding = open.GetProperty("finding").GetInt64();
        var (photoFinding, photo) = await PhotoAsync(province, rows.Select(r => r.GetProperty("finding").GetInt64()).Distinct());
        var before = await OkAsync(await province.GetAsync($"/api/supervision/items/{item}"));

        var chengdu = app.ApiAs("chengdu");
        Assert.Equal(HttpStatusCode.OK, (await chengdu.GetAsync($"/api/supervision/findings/{finding}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chengdu.GetAsync($"/api/supervision/items/{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chengdu.GetAsync($"/api/supervision/findings/{photoFinding}/evidence/{photo}")).StatusCode);

        var mianyang = app.ApiAs("mianyang");
        var refused = new List<(string What, HttpResponseMessage Response)>
        {
            ("GET finding", await mianyang.GetAsync($"/api/supervision/findings/{finding}")),
            ("assign an item", await mianyang.PostAsJsonAsync($"/api/supervision/findings/{finding}/items",
                new { unit = "510104", responsiblePerson = "某人", measure = "整改", deadline = "2022-09-30" })),
            ("GET item", await mianyang.GetAsync($"/api/supervision/items/{item}")),
            ("start the item", await mianyang.PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action = "start" })),
            ("submit the item", await mianyang.PostAsync($"/api/supervision/items/{item}/submit", Multipart("已整改"))),
            ("finding evidence list", await mianyang.GetAsync($"/api/supervision/findings/{photoFinding}/evidence")),
            ("finding evidence file", await mianyang.GetAsync($"/api/supervision/findings/{photoFinding}/evidence/{photo}")),
            ("finding evidence upload", await mianyang.PostAsync($"/api/supervision/findings/{photoFinding}/evidence", Multipart(null))),
            ("item evidence list", await mianyang.GetAsync($"/api/supervision/items/{item}/evidence")),
            ("items of a unit outside", await mianyang.GetAsync("/api/supervision/items?unit=510104")),
            ("export of a unit outside", await mianyang.GetAsync("/api/supervision/items/export?unit=510104")),
        };
        foreach (var (what, response) in refused)
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        var listed = await OkAsync(await mianyang.GetAsync("/api/supervision/items?pageSize=500"));
        Assert.DoesNotContain(item, listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));

        var (browser, _) = await app.SignInAsync("mianyang");
        foreach (var page in new[] { $"/supervision/findings/{finding}", $"/supervision/items/{item}", $"/supervision/findings/{photoFinding}/evidence/{photo}" })
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);
        // A form post needs the page's token; Mianyang takes one from a page it may see and posts to the item it may not. The
        // page renders no form for what it cannot find, so the post is refused exactly as one to a record that does not exist.
        var token = TestApp.Token(await TestApp.PageAsync(browser, "/supervision/items"));
        foreach (var (url, missing, form, fields) in new[]
        {
            ($"/supervision/items/{item}", "/supervision/items/999999", "item-action", new Dictionary<string, string> { ["Act.Action"] = "start" }),
            ($"/supervision/findings/{finding}", "/supervision/findings/999999", "item", new Dictionary<string, string>
                { ["Input.Unit"] = "510104", ["Input.Person"] = "某人", ["Input.Measure"] = "整改", ["Input.Deadline"] = "2022-09-30" }),
        })
        {
            var posting = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["_handler"] = form };
            var posted = await browser.PostAsync(url, new FormUrlEncodedContent(posting));
            var nothing = await browser.PostAsync(missing, new FormUrlEncodedContent(posting));
            Assert.True(!posted.IsSuccessStatusCode && posted.StatusCode != HttpStatusCode.Redirect && posted.StatusCode == nothing.StatusCode,
                $"POST {url}: {(int)posted.StatusCode}, and to a record that does not exist: {(int)nothing.StatusCode}");
            Assert.DoesNotContain("某人", await posted.Content.ReadAsStringAsync());
        }

        var after = await OkAsync(await province.GetAsync($"/api/supervision/items/{item}"));
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("state").GetString(), after.GetProperty("state").GetString());
        var findingAfter = await OkAsync(await province.GetAsync($"/api/supervision/findings/{finding}"));
        Assert.Equal(rows.Count(r => r.GetProperty("finding").GetInt64() == finding), findingAfter.GetProperty("items").GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task A_team_is_used_only_by_its_members_and_the_campaign_office(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var body = new { team, seed = 7, plannedOn = "2022-08-06", focus = Focus, checklist = new[] { "值班" } };

        foreach (var outsider in new[] { "chengdu", "mianyang", "jinjiang" })
        {
            var drawn = await app.ApiAs(outsider).PostAsJsonAsync("/api/supervision/plans/draw", body);
            Assert.True(drawn.StatusCode == HttpStatusCode.NotFound, $"{outsider} drew with a team not theirs: {(int)drawn.StatusCode}");
            var planned = await app.ApiAs(outsider).PostAsJsonAsync("/api/supervision/plans", PlanBody(team));
            Assert.True(planned.StatusCode == HttpStatusCode.NotFound, $"{outsider} planned with a team not theirs: {(int)planned.StatusCode}");
        }
        var plans = await OkAsync(await app.ApiAs("province").GetAsync($"/api/supervision/plans?team={team}"));
        Assert.Equal(0, plans.GetProperty("total").GetInt32());
        await OkAsync(await app.ApiAs("inspector").PostAsJsonAsync("/api/supervision/plans/draw", body));
    }

    private static async Task<(long Finding, long File)> PhotoAsync(HttpClient province, IEnumerable<long> findings)
    {
        foreach (var f in findings)
        {
            var files = await OkAsync(await province.GetAsync($"/api/supervision/findings/{f}/evidence"));
            if (files.GetArrayLength() > 0) return (f, files[0].GetProperty("id").GetInt64());
        }
        throw new InvalidOperationException("the demo has no photo on a Jinjiang finding");
    }

    private static MultipartFormDataContent Multipart(string? note)
    {
        var content = new MultipartFormDataContent();
        if (note is not null) content.Add(new StringContent(note), "note");
        var jpeg = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 0xFF, 0xD9]);
        jpeg.Headers.ContentType = new("image/jpeg");
        content.Add(jpeg, "evidence", "photo.jpg");
        return content;
    }
}
