using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;
using Centurion.Tests.Records;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Imports;

/// <summary>
/// Text files in the encodings users have (issue 7, item 3): Excel in Chinese saves CSV as GB18030, which was read as UTF-8 and
/// stored as ����. Every CSV import shares the detection (Infrastructure/Imports), so records and a ledger stand for all of them.
/// </summary>
public class TextEncodingTests
{
    private const string Category = "入室盗窃（夜间）";
    private static readonly string File = RecordFiles.Csv($"ENC-1,criminal,510104001,{Category},2022-08-02,,0,residence,elderly,false");

    private static readonly Encoding Gb18030 = CodePages();

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static async Task<JsonElement> ImportedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory, BothDatabases]
    public async Task The_same_records_file_in_UTF8_UTF8_with_BOM_and_GB18030_imports_identically(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.ApiAs("jinjiang");
        var gb = Gb18030.GetBytes(File);
        Assert.NotEqual(Encoding.UTF8.GetBytes(File), gb); // the Chinese text really is encoded differently

        var utf8 = await ImportedAsync(await RecordFiles.PostAsync(api, Encoding.UTF8.GetBytes(File)));
        var bom = await ImportedAsync(await RecordFiles.PostAsync(api, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(File)]));
        var chinese = await ImportedAsync(await RecordFiles.PostAsync(api, gb));

        // The second and third files are the first one again: unchanged, not an update that garbles the category.
        Assert.Equal((1, "UTF-8"), (utf8.GetProperty("inserted").GetInt32(), utf8.GetProperty("encoding").GetString()));
        Assert.Equal((1, "UTF-8"), (bom.GetProperty("unchanged").GetInt32(), bom.GetProperty("encoding").GetString()));
        Assert.Equal((1, "GB18030"), (chinese.GetProperty("unchanged").GetInt32(), chinese.GetProperty("encoding").GetString()));
        await using var db = app.Db();
        Assert.Equal(Category, await db.CaseRecords.Where(r => r.ExternalId == "ENC-1").Select(r => r.Category).SingleAsync());
    }

    [Theory, BothDatabases]
    public async Task A_ledger_file_saved_by_Excel_in_Chinese_stores_its_Chinese_text_as_written(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        const string name = "锦江区春熙路烧烤（导入）";
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Gb18030.GetBytes($"unit,type,name,address,longitude,latitude,risk,opening_hours\r\n510104001,bbq-stall,{name},锦江区导入路 1 号,104.09,30.65,high,18:00–02:00\r\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "places.csv");

        var summary = await ImportedAsync(await app.ApiAs("jinjiang").PostAsync("/api/ledgers/key-places/import", content));

        Assert.Equal("GB18030", summary.GetProperty("encoding").GetString());
        await using var db = app.Db();
        var place = await db.Set<KeyPlace>().Where(p => p.Name == name).SingleAsync();
        Assert.Equal("锦江区导入路 1 号", place.Address);
    }

    [Theory, BothDatabases]
    public async Task A_file_valid_in_neither_encoding_or_in_UTF16_is_refused_whole_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.ApiAs("jinjiang");
        await using var db = app.Db();
        var (records, batches) = (await db.CaseRecords.CountAsync(), await db.ImportBatches.CountAsync());
        // Good rows first; then 0x81 0x20, a lead byte with no trail byte in GB18030 and a stray continuation byte in UTF-8.
        var bad = Encoding.UTF8.GetBytes(RecordFiles.Csv(RecordFiles.GoodJinjiangRows)).Concat("JJ-3,criminal,510104,"u8.ToArray())
            .Concat(new byte[] { 0x81, 0x20 }).Concat(",2022-06-26,,0,street,,false\r\n"u8.ToArray()).ToArray();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(RecordFiles.Csv(RecordFiles.GoodJinjiangRows))).ToArray();

        foreach (var (bytes, row, message) in new[] { (bad, 4, TextEncodings.Neither), (utf16, 1, TextEncodings.Utf16) })
        {
            var response = await RecordFiles.PostAsync(api, bytes);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal((row, "(file)", message.Zh), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("message").GetString()));
        }
        Assert.Equal((records, batches), (await db.CaseRecords.CountAsync(), await db.ImportBatches.CountAsync()));
    }

    [Fact]
    public void A_file_holding_the_replacement_character_is_refused_since_its_text_was_already_damaged()
    {
        var path = Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path, "id,category\r\nX-1,盗\uFFFD\uFFFD\r\n", new UTF8Encoding(false));
            Assert.Equal(((string?)null, 2, (Phrase?)TextEncodings.Replacement), TextEncodings.Detect(path));
            System.IO.File.WriteAllBytes(path, Gb18030.GetBytes("id,category\r\nX-1,盗窃\r\n"));
            Assert.Equal(((string?)"GB18030", 0, (Phrase?)null), TextEncodings.Detect(path));
        }
        finally { System.IO.File.Delete(path); }
    }
    [Theory, BothDatabases]
    public async Task The_import_page_says_which_encoding_it_read(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (browser, _) = await app.SignInAsync("jinjiang");
        var page = await TestApp.PageAsync(browser, "/records/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(TestApp.Token(page)), "__RequestVerificationToken" }, { new StringContent("import-records"), "_handler" },
            { new StringContent("true"), "dryRun" }, { new ByteArrayContent(Gb18030.GetBytes(File)), "file", "records.csv" },
        };

        var html = await (await browser.PostAsync("/records/import", form)).Content.ReadAsStringAsync();

        Assert.Contains("<p id=\"import-encoding\">文件编码: GB18030</p>", html);
    }
}
