using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Features.Evaluation.Schemes;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Evaluation;

/// <summary>The scoring scheme's management: the API's versions, draft, import, export and publishing, and the page's structured form.</summary>
public class SchemeEditorTests
{
    private const string Api = "/api/campaigns/summer-2022/evaluation/scheme";
    private const string Page = "/campaigns/summer-2022/evaluation/scheme";

    [Fact]
    public void The_form_holds_a_scheme_exactly_and_names_a_value_that_is_not_a_number_by_its_path()
    {
        var form = SchemeForm.From(DemoEvaluation.DraftScheme, DemoEvaluation.DraftFrom);
        Assert.Equal("2022-09", form.FromMonth);
        // The README's example: what the JSON writes for an indicator rule, the rule's name included.
        Assert.Contains("\"target\": null,\n      \"lowBase\": 50,\n      \"requireSignificance\": true,\n      \"name\": \"criminal-cases-filed:improvement\"", SchemeJson.Write(DemoEvaluation.SummerScheme).ReplaceLineEndings("\n"));
        var posted = SchemeForm.From(form.ToFields());
        var errors = new FieldErrors();
        Assert.Equal(SchemeJson.Write(DemoEvaluation.DraftScheme), SchemeJson.Write(posted.ToScheme(errors)!));
        Assert.False(errors.Any);

        posted.Indicators[1].Weight = "ten";
        posted.Deductions[3].Kind = "late";
        posted.AppealDays = "";
        Assert.Null(posted.ToScheme(errors));
        Assert.Equal(["appealDays", "deductions[3].kind", "indicators[1].weight"], errors.ToDictionary().Keys.Order());
    }

    [Theory, BothDatabases]
    public async Task The_office_edits_imports_and_publishes_a_unit_reads_only_what_is_published(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var office = app.ApiAs("province");
        var unit = app.ApiAs("mianyang");
        long draftId;
        string v1Body;
        await using (var db = app.Db())
        {
            var versions = await db.Set<ScoringSchemeVersion>().ToListAsync();
            draftId = versions.Single(v => v.Number == 2).Id;
            v1Body = versions.Single(v => v.Number == 1).Body;
        }
        long lastAudit;
        await using (var db = app.Db()) lastAudit = await db.AuditEntries.MaxAsync(a => a.Id);

        var list = await office.GetFromJsonAsync<JsonElement>($"{Api}/versions");
        Assert.Equal([(2, "2022-09", "draft"), (1, "2022-06", "published")],
            list.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("fromMonth").GetString(), v.GetProperty("state").GetString())));
        Assert.Equal("province", list[1].GetProperty("publishedBy").GetString());

        // A unit reads the published version it is scored by, but the draft is not found and it changes nothing.
        var seen = await unit.GetFromJsonAsync<JsonElement>($"{Api}/versions");
        Assert.Equal([1], seen.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"{Api}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"{Api}/versions/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"{Api}/versions/2/json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PutAsJsonAsync($"{Api}/draft", Body("2022-09", v1Body, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync($"{Api}/draft/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsync($"{Api}/draft/import?fromMonth=2022-09", Json(v1Body))).StatusCode);

        // The export is the stored text, as a JSON file.
        var export = await office.GetAsync($"{Api}/versions/1/json");
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("summer-2022-scheme-v1.json", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(v1Body, await export.Content.ReadAsStringAsync());

        // The draft's edit: the scheme is the export's JSON; a wrong field is named by its path; a stale version is a conflict.
        var tenBase = JsonNode.Parse(v1Body)!;
        tenBase["base"] = 90;
        var edited = await office.PutAsJsonAsync($"{Api}/draft", Body("2022-09", tenBase.ToJsonString(), 0));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var draft = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, 90m), (draft.GetProperty("number").GetInt32(), draft.GetProperty("version").GetInt32(), draft.GetProperty("scheme").GetProperty("base").GetDecimal()));
        Assert.Equal(["drafted", "edited"], draft.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await office.PutAsJsonAsync($"{Api}/draft", Body("2022-09", v1Body, 0))).StatusCode);

        var negative = JsonNode.Parse(v1Body)!;
        negative["indicators"]![1]!["weight"] = -1;
        negative["indicators"]![2]!["indicator"] = "no-such-indicator";
        var refused = await office.PutAsJsonAsync($"{Api}/draft", Body("2022-13", negative.ToJsonString(), 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["fromMonth", "indicators[1].weight"], Errors(await refused.Content.ReadFromJsonAsync<JsonElement>()));
        refused = await office.PutAsJsonAsync($"{Api}/draft", Body("2022-09", negative.ToJsonString(), 1));
        Assert.Equal(["indicators[1].weight", "indicators[2].indicator"], Errors(await refused.Content.ReadFromJsonAsync<JsonElement>()));

        // A new draft while one exists is a conflict: there is one draft at a time.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"{Api}/draft", null)).StatusCode);

        // Import: an export comes back byte for byte; an unknown member is refused by its path.
        var unknown = await office.PostAsync($"{Api}/draft/import", Json(v1Body.Replace("\"redTop\": 5", "\"redTop\": 5, \"colour\": \"red\"")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["lists.colour"], Errors(await unknown.Content.ReadFromJsonAsync<JsonElement>()));
        var imported = await office.PostAsync($"{Api}/draft/import?fromMonth=2022-08&version=1", Json(v1Body));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(v1Body, await office.GetStringAsync($"{Api}/versions/2/json"));

        // Publishing: a stale version is a conflict; then the draft is fixed, and the next draft copies it from the month after.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsync($"{Api}/draft/publish?version=1", null)).StatusCode);
        var published = await office.PostAsync($"{Api}/draft/publish?version=2", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var next = await office.PostAsync($"{Api}/draft", null);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var v3 = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, "2022-09", "draft"), (v3.GetProperty("number").GetInt32(), v3.GetProperty("fromMonth").GetString(), v3.GetProperty("state").GetString()));
        Assert.Equal(v1Body, await office.GetStringAsync($"{Api}/versions/3/json"));
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"{Api}/versions/3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"{Api}/versions/2")).StatusCode);

        // Every change is in the audit trail, by the office, on the version's row: edit, import, publish.
        await using (var db = app.Db())
        {
            var rows = await db.AuditEntries.Where(a => a.Id > lastAudit && a.Entity == nameof(ScoringSchemeVersion) && a.EntityKey == draftId.ToString()).ToListAsync();
            Assert.Equal(3, rows.Count);
            Assert.All(rows, r => Assert.Equal(("province", "Modified"), (r.Actor, r.Action)));
            // and each step's history row (edit, import, publish, then version 3 drafted).
            Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Id > lastAudit && a.Entity == nameof(ScoringSchemeChange) && a.Action == "Added"));
        }
    }

    [Theory, BothDatabases]
    public async Task The_page_edits_the_draft_in_a_form_keeps_what_was_typed_when_refused_and_publishes_on_confirmation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (office, _) = await app.SignInAsync("province");
        var html = await TestApp.PageAsync(office, Page);
        Assert.Contains("id=\"draft-form\"", html);
        Assert.Contains("name=\"indicators[2].weight\"", html);
        Assert.Contains("id=\"v1\"", html);

        // A value that is not a number, and a weight below 0: each refused beside its field, with every typed value kept.
        var form = SchemeForm.From(DemoEvaluation.DraftScheme, DemoEvaluation.DraftFrom);
        form.Base = "ninety";
        form.Indicators[0].Target = "12.5";
        var refused = await TestApp.PostFormAsync(office, Page, "scheme-draft", [.. form.ToFields(), new("version", "0"), new("op", "save")]);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<input[^>]*name=\"base\"[^>]*value=\"ninety\"[^>]*/>\\s*<span class=\"error\" data-field=\"base\"", body);
        Assert.Matches("name=\"indicators\\[0\\]\\.target\"[^>]*value=\"12.5\"", body);

        form.Base = "100";
        form.Indicators[1].Weight = "-1";
        refused = await TestApp.PostFormAsync(office, Page, "scheme-draft", [.. form.ToFields(), new("version", "0"), new("op", "save")]);
        body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("name=\"indicators\\[1\\]\\.weight\"[^>]*value=\"-1\"[^>]*/>\\s*<span class=\"error\" data-field=\"indicators\\[1\\]\\.weight\"[^>]*>权重须大于 0", body);
        await using (var db = app.Db())
            Assert.Equal(0, (await db.Set<ScoringSchemeVersion>().SingleAsync(v => v.Number == 2)).Version);

        // Adding a row shows the form again with one more row, saving nothing.
        var added = await TestApp.PostFormAsync(office, Page, "scheme-draft", [.. form.ToFields(), new("version", "0"), new("op", "add-indicators")]);
        body = await added.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("name=\"indicators[3].indicator\"", body);
        Assert.Matches("name=\"indicators\\[1\\]\\.weight\"[^>]*value=\"-1\"", body);

        // A sound save goes through and shows the page again.
        form.Indicators[1].Weight = "8";
        form.FromMonth = "2022-08";
        var saved = await TestApp.PostFormAsync(office, Page, "scheme-draft", [.. form.ToFields(), new("version", "0"), new("op", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Db())
        {
            var v2 = await db.Set<ScoringSchemeVersion>().SingleAsync(v => v.Number == 2);
            Assert.Equal((1, 8m, 12.5m), (v2.Version, v2.Scheme.Indicators[1].Weight, v2.Scheme.Indicators[0].Target!.Value));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(ScoringSchemeVersion) && a.EntityKey == v2.Id.ToString() && a.Action == "Modified" && a.Actor == "province"));
        }
        // The same version again is stale.
        var stale = await TestApp.PostFormAsync(office, Page, "scheme-draft", [.. form.ToFields(), new("version", "0"), new("op", "save")]);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("id=\"form-error\"", await stale.Content.ReadAsStringAsync());

        // Publishing needs the confirmation ticked.
        var unconfirmed = await TestApp.PostFormAsync(office, Page, "scheme-publish", [new("version", "1")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("id=\"publish-error\"", await unconfirmed.Content.ReadAsStringAsync());
        var published = await TestApp.PostFormAsync(office, Page, "scheme-publish", [new("version", "1"), new("confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        html = await TestApp.PageAsync(office, Page);
        Assert.DoesNotContain("id=\"draft-form\"", html);
        Assert.Contains("id=\"new-draft-form\"", html);
        Assert.Contains("id=\"v2\"", html);

        // The import form takes an export's text into a new draft.
        await using (var db = app.Db())
        {
            var v1 = (await db.Set<ScoringSchemeVersion>().SingleAsync(v => v.Number == 1)).Body;
            var imported = await TestApp.PostFormAsync(office, Page, "scheme-import", [new("fromMonth", "2022-09"), new("json", v1)]);
            Assert.True(imported.StatusCode == HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
            var v3 = await app.Db().Set<ScoringSchemeVersion>().SingleAsync(v => v.Number == 3);
            Assert.Equal((v1, new DateOnly(2022, 9, 1), SchemeState.Draft), (v3.Body, v3.FromMonth, v3.State));
        }

        // A unit reads the published versions, with no form and no draft.
        var (mianyang, _) = await app.SignInAsync("mianyang");
        html = await TestApp.PageAsync(mianyang, Page);
        Assert.Contains("id=\"v1\"", html);
        Assert.Contains("id=\"v2\"", html);
        Assert.DoesNotContain("id=\"v3\"", html);
        foreach (var form2 in new[] { "draft-form", "publish-form", "new-draft-form", "import-form" }) Assert.DoesNotContain($"id=\"{form2}\"", html);
    }

    private static object Body(string fromMonth, string scheme, int version) => new { fromMonth, scheme = JsonDocument.Parse(scheme).RootElement, version };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static List<string> Errors(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];
}
