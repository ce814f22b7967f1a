using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Demo;
using Centurion.Infrastructure.Evidence;
using Centurion.Tests.Evidence;
using Centurion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Centurion.Tests.Supervision.SupervisionApiTests;

namespace Centurion.Tests.Supervision;

/// <summary>
/// Evidence files of findings and rectification items through the real API and pages, on both databases: uploaded by who may,
/// listed with a photo's own time and place, downloaded only by who may see the finding or item (404 for everyone else), refused
/// when disguised or too large with nothing changed, and a damaged file on disk reported instead of served.
/// </summary>
public class SupervisionEvidenceTests
{
    /// <summary>Bytes no other test stores: the store is shared, and these tests damage files on purpose.</summary>
    internal static byte[] UniquePhoto(DateTimeOffset? at = null, double? lon = null, double? lat = null) =>
        DemoPhotos.Jpeg((ulong)Random.Shared.NextInt64(), at, lon, lat);

    private static MultipartFormDataContent Files(params (byte[] Content, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (content, name) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what a client claims counts for nothing
            form.Add(part, EvidenceUploads.Field, name);
        }
        return form;
    }

    internal static async Task<(TestApp App, long Finding)> FindingAsync(DatabaseProvider provider, Action<IServiceCollection>? services = null)
    {
        var app = await TestApp.StartAsync(provider, services: services);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var inspector = app.ApiAs("inspector");
        var plan = (await OkAsync(await inspector.PostAsJsonAsync("/api/supervision/plans", PlanBody(team)))).GetProperty("id").GetInt64();
        app.Clock.SetLocal(2022, 8, 5, 23);
        var carried = await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/plans/{plan}/carry-out", CarryOutBody()));
        return (app, carried.GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task A_findings_photo_is_listed_with_its_own_time_and_place_and_served_only_to_who_may_see_the_finding(DatabaseProvider provider)
    {
        var (app, finding) = await FindingAsync(provider);
        await using var _ = app;
        var inspector = app.ApiAs("inspector");
        var photo = UniquePhoto(new DateTimeOffset(2022, 8, 5, 21, 42, 10, TimeSpan.FromHours(8)), 104.0817, 30.6551);
        var pdf = EvidenceSamples.Pdf();

        var added = await OkAsync(await inspector.PostAsync($"/api/supervision/findings/{finding}/evidence", Files((photo, "春熙路 夜市.jpg"), (pdf, "笔录.jpg"))));
        Assert.Equal(2, added.GetArrayLength());
        var p = added[0];
        Assert.Equal(("春熙路 夜市.jpg", "image/jpeg", photo.Length), (p.GetProperty("fileName").GetString(), p.GetProperty("contentType").GetString(), p.GetProperty("size").GetInt32()));
        Assert.Equal(new DateTime(2022, 8, 5, 13, 42, 10, DateTimeKind.Utc), p.GetProperty("takenAtUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(104.0817, p.GetProperty("longitude").GetDouble(), 5);
        Assert.Equal(30.6551, p.GetProperty("latitude").GetDouble(), 5);
        Assert.Equal(app.Clock.UtcNow, p.GetProperty("uploadedAtUtc").GetDateTime().ToUniversalTime());
        // The PDF named as a photo is kept, and served, as the PDF it is.
        Assert.Equal(("笔录.pdf", "application/pdf"), (added[1].GetProperty("fileName").GetString(), added[1].GetProperty("contentType").GetString()));
        var download = p.GetProperty("download").GetString()!;
        var fileId = p.GetProperty("id").GetInt64();

        // The inspected county and the prefecture above it see the finding, so its evidence; Mianyang does not, so not even that it exists.
        foreach (var user in new[] { "inspector", "jinjiang", "chengdu", "province" })
        {
            var r = await app.ApiAs(user).GetAsync(download);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{user}: {(int)r.StatusCode}");
            Assert.Equal(photo, await r.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/jpeg", r.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", r.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("春熙路 夜市.jpg", r.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", string.Join("", r.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal(2, (await OkAsync(await app.ApiAs(user).GetAsync($"/api/supervision/findings/{finding}/evidence"))).GetArrayLength());
        }
        var mianyang = app.ApiAs("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync($"/api/supervision/findings/{finding}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.PostAsync($"/api/supervision/findings/{finding}/evidence", Files((UniquePhoto(), "x.jpg")))).StatusCode);
        var (mianyangPages, _) = await app.SignInAsync("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await mianyangPages.GetAsync($"/supervision/findings/{finding}/evidence/{fileId}")).StatusCode);
        // A file id of another finding is not found through this one.
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/api/supervision/findings/{finding}/evidence/{fileId + 1000}")).StatusCode);

        // The page address serves the same to a signed-in user.
        var (chengduPages, _) = await app.SignInAsync("chengdu");
        var page = await chengduPages.GetAsync($"/supervision/findings/{finding}/evidence/{fileId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(photo, await page.Content.ReadAsByteArrayAsync());

        // Only the team (or the office) adds evidence: the county is refused, and nothing is added.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs("jinjiang").PostAsync($"/api/supervision/findings/{finding}/evidence", Files((UniquePhoto(), "x.jpg")))).StatusCode);
        Assert.Equal(2, (await OkAsync(await inspector.GetAsync($"/api/supervision/findings/{finding}/evidence"))).GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task An_html_file_named_jpg_is_refused_by_name_and_nothing_of_the_upload_is_kept(DatabaseProvider provider)
    {
        var (app, finding) = await FindingAsync(provider);
        await using var _ = app;
        var inspector = app.ApiAs("inspector");
        var r = await inspector.PostAsync($"/api/supervision/findings/{finding}/evidence", Files((UniquePhoto(), "good.jpg"), (EvidenceSamples.Html, "现场照片.jpg")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("“现场照片.jpg”", problem.GetProperty("title").GetString());
        Assert.Equal(0, (await OkAsync(await inspector.GetAsync($"/api/supervision/findings/{finding}/evidence"))).GetArrayLength());
        Assert.Empty(Directory.EnumerateFiles(TestDatabases.EvidenceFolder, ".upload-*"));
        // A form with no file in it is told to choose one.
        var none = await inspector.PostAsync($"/api/supervision/findings/{finding}/evidence", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("evidence", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory, BothDatabases]
    public async Task An_item_is_submitted_with_its_evidence_or_not_at_all_and_a_damaged_file_is_reported_not_served(DatabaseProvider provider)
    {
        var (app, finding) = await FindingAsync(provider, s => s.Configure<EvidenceOptions>(o => (o.MaxFileBytes, o.MaxTotalBytes) = (64 * 1024, 96 * 1024)));
        await using var _ = app;
        var inspector = app.ApiAs("inspector");
        var jinjiang = app.ApiAs("jinjiang");
        var item = (await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/findings/{finding}/items",
            new { unit = "510104", responsiblePerson = "李某", measure = "增派夜间警力", deadline = "2022-08-15" }))).GetProperty("id").GetInt64();
        await OkAsync(await jinjiang.PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action = "start" }));
        async Task<string> StateAsync() => (await inspector.GetFromJsonAsync<JsonElement>($"/api/supervision/items/{item}")).GetProperty("state").GetString()!;

        MultipartFormDataContent Submission(string? note, params (byte[], string)[] files)
        {
            var form = Files(files);
            if (note is not null) form.Add(new StringContent(note), "note");
            return form;
        }

        // Too large, alone or together: refused (413), and the item is not submitted.
        var big = new byte[70 * 1024];
        UniquePhoto().CopyTo(big, 0);
        var r = await jinjiang.PostAsync($"/api/supervision/items/{item}/submit", Submission("已整改", (big, "big.jpg")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("64 KB", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var half = new byte[50 * 1024];
        UniquePhoto().CopyTo(half, 0);
        var other = (byte[])half.Clone();
        other[^1] = 1;
        r = await jinjiang.PostAsync($"/api/supervision/items/{item}/submit", Submission("已整改", (half, "a.jpg"), (other, "b.jpg")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("96 KB", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("in-progress", await StateAsync());
        Assert.Equal(0, (await OkAsync(await jinjiang.GetAsync($"/api/supervision/items/{item}/evidence"))).GetArrayLength());
        // The item's own rules still hold: no note, no submission (and the files are not kept).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await jinjiang.PostAsync($"/api/supervision/items/{item}/submit", Submission(null, (UniquePhoto(), "c.jpg")))).StatusCode);
        Assert.Equal(0, (await OkAsync(await jinjiang.GetAsync($"/api/supervision/items/{item}/evidence"))).GetArrayLength());
        // The team cannot submit for the unit.
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsync($"/api/supervision/items/{item}/submit", Submission("x", (UniquePhoto(), "d.jpg")))).StatusCode);

        var photo = UniquePhoto();
        var submitted = await OkAsync(await jinjiang.PostAsync($"/api/supervision/items/{item}/submit", Submission("已增派两个巡逻组", (photo, "after.jpg"), (EvidenceSamples.OfficePackage(EvidenceSamples.WordMain), "方案.docx"))));
        Assert.Equal("submitted", submitted.GetProperty("state").GetString());
        await OkAsync(await inspector.PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action = "return", note = "照片不清楚" }));
        var second = UniquePhoto();
        await OkAsync(await jinjiang.PostAsync($"/api/supervision/items/{item}/submit", Submission("补拍照片", (second, "again.jpg"))));
        var listed = await OkAsync(await inspector.GetAsync($"/api/supervision/items/{item}/evidence"));
        Assert.Equal([(1, "after.jpg"), (1, "方案.docx"), (2, "again.jpg")],
            listed.EnumerateArray().Select(e => (e.GetProperty("submission").GetInt32(), e.GetProperty("file").GetProperty("fileName").GetString())));
        var download = listed[0].GetProperty("file").GetProperty("download").GetString()!;
        var fileId = listed[0].GetProperty("file").GetProperty("id").GetInt64();
        Assert.Equal(photo, await app.ApiAs("chengdu").GetByteArrayAsync(download));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs("mianyang").GetAsync($"/api/supervision/items/{item}/evidence")).StatusCode);

        // Damaged on disk: reported (410) on the API and on the page, never served.
        var store = app.Services.GetRequiredService<EvidenceStore>();
        await File.WriteAllBytesAsync(store.PathOf(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo))), EvidenceSamples.Html);
        r = await inspector.GetAsync(download);
        Assert.Equal(HttpStatusCode.Gone, r.StatusCode);
        Assert.Contains("“after.jpg”", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var (pages, _) = await app.SignInAsync("inspector");
        var page = await pages.GetAsync($"/supervision/items/{item}/evidence/{fileId}");
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("已损坏或被改动", html);
        Assert.DoesNotContain("<script>alert", html);

        // Missing from disk: the same.
        File.Delete(store.PathOf(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(second))));
        r = await inspector.GetAsync(listed[2].GetProperty("file").GetProperty("download").GetString()!);
        Assert.Equal(HttpStatusCode.Gone, r.StatusCode);
        Assert.Contains("找不到", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory, BothDatabases]
    public async Task The_demo_gives_each_finding_its_photos_taken_during_the_inspection_once(DatabaseProvider provider)
    {
        // seed-demo wrote them for the demo's own findings: the first is Jinjiang's, carried out at 21:30 on 8 July 2022 and recorded at 23:00.
        await using var app = await TestApp.StartAsync(provider);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        long finding;
        await using (var db = app.Db()) finding = await db.Set<Centurion.Features.Supervision.Inspections.Finding>().MinAsync(f => f.Id);
        var files = await OkAsync(await app.ApiAs("jinjiang").GetAsync($"/api/supervision/findings/{finding}/evidence"));
        Assert.InRange(files.GetArrayLength(), 1, 2);
        var first = files[0];
        Assert.Equal("现场照片1.jpg", first.GetProperty("fileName").GetString());
        Assert.Equal(new DateTime(2022, 7, 8, 13, 35, 0, DateTimeKind.Utc), first.GetProperty("takenAtUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(("inspector", new DateTime(2022, 7, 8, 15, 0, 0, DateTimeKind.Utc)),
            (first.GetProperty("uploadedBy").GetString(), first.GetProperty("uploadedAtUtc").GetDateTime().ToUniversalTime()));
        Assert.InRange(first.GetProperty("longitude").GetDouble(), 103.9, 104.2); // by a key place in Jinjiang
        Assert.InRange(first.GetProperty("latitude").GetDouble(), 30.5, 30.8);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs("chengdu").GetAsync(first.GetProperty("download").GetString())).StatusCode);
        await using (var db = app.Db()) Assert.Equal(0, await DemoEvidence.SeedAsync(db, store));
    }
}
