using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Centurion.Tests.Records;

/// <summary>Import files for the tests, and posting them to the API.</summary>
public static class RecordFiles
{
    public const string Header = "id,kind,unit,category,filed_on,solved_on,suspects,place_type,victim_groups,controlled_instrument";

    /// <summary>Two good Jinjiang rows; tests add a bad one after them, so "nothing stored" means the good ones too.</summary>
    public static readonly string[] GoodJinjiangRows =
    [
        "JJ-1,criminal,510104001,theft,2022-06-26,2022-07-02,1,night-food-stall,,false",
        "JJ-2,public-order,510104,affray,2022-06-27,2022-06-27,3,bbq-stall,women;children,true",
    ];

    public static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    public static string ExamplePath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Centurion.slnx"))) dir = dir.Parent;
            return Path.Combine(dir!.FullName, "docs", "examples", "records.csv");
        }
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, bool dryRun = false, string name = "records.csv") =>
        PostAsync(client, Encoding.UTF8.GetBytes(csv), dryRun, name);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, bool dryRun = false, string name = "records.csv")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(part, "file", name);
        return await client.PostAsync($"/api/records/import?dryRun={(dryRun ? "true" : "false")}", content);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
