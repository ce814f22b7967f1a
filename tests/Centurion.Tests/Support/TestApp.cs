using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Centurion.Data;
using Centurion.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Centurion.Tests.Support;

/// <summary>The real application on a fresh copy of the demo database, in process.</summary>
public sealed partial class TestApp : WebApplicationFactory<Program>
{
    /// <summary>The application's clock; tests move it to cross deadlines.</summary>
    public TestClock Clock { get; } = new();

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    private readonly Action<IServiceCollection>? _services;

    private TestApp(DatabaseProvider provider, string connectionString, Action<IServiceCollection>? services) =>
        (Provider, ConnectionString, _services) = (provider, connectionString, services);

    /// <param name="services">Changes to the application's services, for a test that needs to reach inside (e.g. a command interceptor).</param>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool realServer = false, Action<IServiceCollection>? services = null)
    {
        var app = new TestApp(provider, await TestDatabases.CreateAsync(provider), services);
        if (realServer)
        {
            app.UseKestrel(0);
            app.StartServer();
            app.ClientOptions.BaseAddress = new Uri(Browser.BaseUrl(app));
        }
        else _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Centurion", ConnectionString);
        builder.UseSetting("Evidence:Path", TestDatabases.EvidenceFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", "Error");
        // A real server gets a free port: without an address the app serves on 5080, so two browser tests (or a running demo) collided.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // The reminder job's timer would write into the test's database behind its back; tests run the job themselves.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres) Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(ConnectionString));
        else File.Delete(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource);
    }

    /// <summary>A context on this app's database with the app's clock, for arranging data and asserting on what was stored.</summary>
    public CenturionDb Db() => TestDatabases.Open(Provider, ConnectionString, Clock);

    /// <summary>A client that authenticates with the demo user's API key.</summary>
    public HttpClient ApiAs(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", TestDatabases.ApiKeys(Provider)[userName]);
        return client;
    }

    /// <summary>Signs in through the login form, as a browser would, and returns the response to the form post.</summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string userName, string password = DemoData.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        return (client, response);
    }

    /// <summary>Switches a signed-in client to English through the language switch, as a user would.</summary>
    public static async Task InEnglishAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/");
        var switched = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page), ["culture"] = "en", ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
    }

    /// <summary>Posts a page's form as a browser would: the antiforgery token from the page, the form's name and its fields.</summary>
    /// <param name="crafted">A hand-made post of fields the page does not render (as a hostile client sends); otherwise
    /// every field must be one the page renders under that name, as a browser posts it.</param>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields, bool crafted = false) =>
        await client.PostAsync(url, new FormUrlEncodedContent(await FormAsync(client, url, formName, fields, [], crafted)));

    /// <summary>Posts a page's multipart form as a browser would, with files in the page's file input of that name (checked like the fields).</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields,
        string fileField, params (byte[] Content, string Name)[] files)
    {
        var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in await FormAsync(client, url, formName, fields, [fileField], crafted: false)) multipart.Add(new StringContent(value), key);
        foreach (var (content, name) in files) multipart.Add(Part(content), fileField, name);
        return await client.PostAsync(url, multipart);
    }

    /// <summary>A file as a browser sends it: the type it guesses from the name, which the server must not believe.</summary>
    public static ByteArrayContent Part(byte[] content)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        return part;
    }

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<string> fileFields, bool crafted)
    {
        var page = await client.GetStringAsync(url);
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token(page)), new("_handler", formName) };
        form.AddRange(fields);
        // Post only what a browser would: a field the page does not render under that name would pass here and be lost there.
        List<string> missing = crafted ? [] : form.Select(f => f.Key).Concat(fileFields).Distinct().Where(k => !page.Contains($"name=\"{k}\"", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{url} has no field named {string.Join(", ", missing)}");
        return form;
    }

    /// <summary>GETs a page and returns its HTML, failing with the server's error detail (shown in Testing) when it is not 200.</summary>
    public static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    public static string Token(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
