using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Infrastructure.Evidence;
using Centurion.Tests.Evidence;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Centurion.Tests.Supervision.SupervisionApiTests;
using static Centurion.Tests.Supervision.SupervisionEvidenceTests;

namespace Centurion.Tests.Supervision;

/// <summary>
/// Evidence through the supervision pages as a browser posts them (multipart, the antiforgery token from the page), on both
/// databases: with the carry-out form's finding, on the finding's page, with an item's submission; a disguised file refused on
/// the same page with what was typed kept and nothing stored; and for Mianyang, outside the inspected chain, nothing but 404.
/// </summary>
public class SupervisionEvidencePageTests
{
    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<int> StoredAsync(TestApp app, params byte[][] files)
    {
        var hashes = files.Select(Sha).ToList();
        await using var db = app.Db();
        return await db.Set<EvidenceFile>().CountAsync(f => hashes.Contains(f.Sha256));
    }

    /// <summary>A hostile post to a page the caller cannot even see, so has no form of: the token from a page they can.</summary>
    private static async Task<HttpResponseMessage> PostCraftedAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields, byte[] file)
    {
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(TestApp.Token(await TestApp.PageAsync(client, "/supervision"))), "__RequestVerificationToken" },
            { new StringContent(formName), "_handler" },
        };
        foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
        multipart.Add(TestApp.Part(file), EvidenceUploads.Field, "x.jpg");
        return await client.PostAsync(url, multipart);
    }

    [Theory, BothDatabases]
    public async Task A_finding_gets_its_photo_on_the_carry_out_form_and_more_on_its_page_a_disguised_file_is_refused_there_and_mianyang_finds_none_of_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetLocal(2022, 8, 3, 10);
        var team = await TeamAsync(app);
        var plan = (await OkAsync(await app.ApiAs("inspector").PostAsJsonAsync("/api/supervision/plans", PlanBody(team)))).GetProperty("id").GetInt64();
        app.Clock.SetLocal(2022, 8, 5, 23);
        var (inspector, _) = await app.SignInAsync("inspector");
        var carryOut = $"/supervision/plans/{plan}/carry-out";
        var typed = new Dictionary<string, string>
        {
            ["Input.HappenedAt"] = "2022-08-05T21:30", ["Input.Went"] = "inspector、张三", ["Input.Answers[0].Passed"] = "true", ["Input.Answers[1].Note"] = "7月台账缺失",
            ["Input.Finding.What"] = "夜市无巡逻警力", ["Input.Finding.Where"] = "春熙路夜市", ["Input.Finding.Severity"] = "major", ["Input.Finding.Category"] = "patrol",
            ["Input.Finding.EvidenceNote"] = "现场照片",
        };
        var photo = UniquePhoto(new DateTimeOffset(2022, 8, 5, 21, 42, 10, TimeSpan.FromHours(8)), 104.0817, 30.6551);

        // A page posing as a photo beside a real one: the whole carry-out is refused on its page, as typed, and nothing is kept.
        var refused = await TestApp.PostFilesAsync(inspector, carryOut, "carry-out", typed, EvidenceUploads.Field, (photo, "夜市.jpg"), (EvidenceSamples.Html, "现场照片.jpg"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{(int)refused.StatusCode} {html}");
        var error = Regex.Match(html, "id=\"form-error\">([^<]*)<").Groups[1].Value;
        Assert.Contains("文件“现场照片.jpg”的内容不是可接受的证据类型", error);
        Assert.Contains("请重新选择", error);
        Assert.DoesNotContain("[evidence]", error); // said once, not again as the field's problem
        Assert.Contains("夜市无巡逻警力", html);
        Assert.Contains("7月台账缺失", html);
        Assert.Equal("planned", (await OkAsync(await app.ApiAs("inspector").GetAsync($"/api/supervision/plans/{plan}"))).GetProperty("state").GetString());
        Assert.Equal(0, await StoredAsync(app, photo));
        Assert.Empty(Directory.EnumerateFiles(TestDatabases.EvidenceFolder, ".upload-*"));

        var carried = await TestApp.PostFilesAsync(inspector, carryOut, "carry-out", typed, EvidenceUploads.Field, (photo, "夜市.jpg"));
        Assert.Equal(HttpStatusCode.Redirect, carried.StatusCode);
        var finding = (await OkAsync(await app.ApiAs("inspector").GetAsync($"/api/supervision/plans/{plan}"))).GetProperty("inspection").GetProperty("findings")[0].GetProperty("id").GetInt64();
        var findingPage = $"/supervision/findings/{finding}";

        // Listed with its kind, size, upload and the photo's own time and place; the link downloads it.
        html = await TestApp.PageAsync(inspector, findingPage);
        var row = Regex.Match(html, "<tr data-evidence=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, html);
        var cells = Regex.Matches(row.Groups[2].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
        Assert.Equal(["夜市.jpg", "JPG", $"{(photo.Length + 1023) / 1024} KB", "inspector, 2022-08-05 23:00", "2022-08-05 21:42:10", "104.08170, 30.65510"], cells);
        var download = $"/supervision/findings/{finding}/evidence/{row.Groups[1].Value}";
        Assert.Contains($"href=\"{download}\"", row.Value);
        var served = await inspector.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition!.DispositionType);

        // More on the finding's page: a PDF is added; a disguised file is refused there with nothing added.
        var pdf = EvidenceSamples.Pdf();
        var added = await TestApp.PostFilesAsync(inspector, findingPage, "finding-evidence", [], EvidenceUploads.Field, (pdf, "询问笔录.pdf"));
        html = await added.Content.ReadAsStringAsync();
        Assert.True(added.StatusCode == HttpStatusCode.OK, $"{(int)added.StatusCode} {html}");
        Assert.Equal(2, Regex.Matches(html, "<tr data-evidence=").Count);
        Assert.Contains("询问笔录.pdf", html);
        var disguised = await TestApp.PostFilesAsync(inspector, findingPage, "finding-evidence", [], EvidenceUploads.Field, (EvidenceSamples.Html, "照片2.jpg"));
        html = await disguised.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.Contains("文件“照片2.jpg”的内容不是可接受的证据类型", Regex.Match(html, "id=\"evidence-error\">([^<]*)<").Groups[1].Value);
        Assert.Equal(2, Regex.Matches(html, "<tr data-evidence=").Count);
        Assert.Equal(2, (await OkAsync(await app.ApiAs("inspector").GetAsync($"/api/supervision/findings/{finding}/evidence"))).GetArrayLength());
        // The county sees the finding and its files, and has no upload form: adding evidence is the team's.
        var (county, _) = await app.SignInAsync("jinjiang");
        html = await TestApp.PageAsync(county, findingPage);
        Assert.Contains($"href=\"{download}\"", html);
        Assert.DoesNotContain("evidence-form", html);

        // Mianyang, outside the inspected chain: the page, the file and an upload are all "not found", and nothing is added.
        var (mianyang, _) = await app.SignInAsync("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync(findingPage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync(download)).StatusCode);
        var other = UniquePhoto();
        Assert.Equal(HttpStatusCode.NotFound, (await PostCraftedAsync(mianyang, findingPage, "finding-evidence", [], other)).StatusCode);
        Assert.Equal(0, await StoredAsync(app, other));
    }

    [Theory, BothDatabases]
    public async Task An_item_is_submitted_with_its_files_from_its_page_a_disguised_one_leaves_it_in_progress_with_the_note_kept_and_mianyang_cannot_post_there(DatabaseProvider provider)
    {
        var (app, finding) = await FindingAsync(provider);
        await using var _ = app;
        var item = (await OkAsync(await app.ApiAs("inspector").PostAsJsonAsync($"/api/supervision/findings/{finding}/items",
            new { unit = "510104", responsiblePerson = "李某", measure = "增派夜间警力", deadline = "2022-08-15" }))).GetProperty("id").GetInt64();
        await OkAsync(await app.ApiAs("jinjiang").PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action = "start" }));
        app.Clock.SetLocal(2022, 8, 9, 16);
        var (county, _) = await app.SignInAsync("jinjiang");
        var page = $"/supervision/items/{item}";
        async Task<string> StateAsync() => (await OkAsync(await app.ApiAs("inspector").GetAsync($"/api/supervision/items/{item}"))).GetProperty("state").GetString()!;
        var photo = UniquePhoto(new DateTimeOffset(2022, 8, 9, 15, 5, 0, TimeSpan.FromHours(8)));
        var plan = EvidenceSamples.OfficePackage(EvidenceSamples.WordMain);
        var note = new Dictionary<string, string> { ["Act.Action"] = "submit", ["Act.Note"] = "已增派两个巡逻组，每晚签到" };

        var refused = await TestApp.PostFilesAsync(county, page, "item-action", note, EvidenceUploads.Field, (photo, "整改后.jpg"), (EvidenceSamples.Html, "签到表.jpg"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{(int)refused.StatusCode} {html}");
        Assert.Contains("文件“签到表.jpg”的内容不是可接受的证据类型", Regex.Match(html, "id=\"action-error\">([^<]*)<").Groups[1].Value);
        Assert.Contains("已增派两个巡逻组，每晚签到</textarea>", html);
        Assert.Contains("act-submit", html); // still in progress, so still to submit
        Assert.Equal("in-progress", await StateAsync());
        Assert.Equal(0, await StoredAsync(app, photo));

        var submitted = await TestApp.PostFilesAsync(county, page, "item-action", note, EvidenceUploads.Field, (photo, "整改后.jpg"), (plan, "整改方案.docx"));
        html = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, $"{(int)submitted.StatusCode} {html}");
        Assert.Equal("submitted", await StateAsync());
        Assert.Contains("第 1 次提交", html);
        var rows = Regex.Matches(html, "<tr data-evidence=\"(\\d+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(2, rows.Count);
        Assert.Contains("整改后.jpg", rows[0].Value);
        Assert.Contains("2022-08-09 15:05:00", rows[0].Value);
        Assert.Contains("jinjiang, 2022-08-09 16:00", rows[0].Value);
        Assert.Contains("整改方案.docx", rows[1].Value);
        Assert.Contains("DOCX", rows[1].Value);
        var download = $"/supervision/items/{item}/evidence/{rows[0].Groups[1].Value}";
        Assert.Equal(photo, await (await county.GetAsync(download)).Content.ReadAsByteArrayAsync());
        var (inspector, _) = await app.SignInAsync("inspector");
        Assert.Contains($"href=\"{download}\"", await TestApp.PageAsync(inspector, page));
        Assert.Equal(photo, await (await inspector.GetAsync(download)).Content.ReadAsByteArrayAsync());

        // Mianyang: the item, its file and a submission posted to its page are "not found"; nothing changes.
        await OkAsync(await app.ApiAs("inspector").PostAsJsonAsync($"/api/supervision/items/{item}/actions", new { action = "return", note = "照片不清楚" }));
        var (mianyang, _) = await app.SignInAsync("mianyang");
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mianyang.GetAsync(download)).StatusCode);
        var other = UniquePhoto();
        Assert.Equal(HttpStatusCode.NotFound, (await PostCraftedAsync(mianyang, page, "item-action", new() { ["Act.Action"] = "submit", ["Act.Note"] = "x" }, other)).StatusCode);
        Assert.Equal("in-progress", await StateAsync());
        Assert.Equal(0, await StoredAsync(app, other));
    }
}
