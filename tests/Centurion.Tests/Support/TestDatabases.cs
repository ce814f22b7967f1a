using System.Diagnostics;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Demo;
using Centurion.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Centurion.Tests.Support;

/// <summary>
/// One template database per provider, built once per test run by the real command line (`seed-demo`),
/// then copied for every test: each test gets a whole, isolated database in milliseconds.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CENTURION_TEST_POSTGRES";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string Folder = Directory.CreateTempSubdirectory("centurion-tests-").FullName;
    private static readonly Dictionary<DatabaseProvider, Dictionary<string, string>> Keys = [];

    /// <summary>
    /// The evidence store every test application and the template's seed-demo share: content-addressed, so the demo's files are
    /// there for every copy of the template, and a test that damages a file damages one it uploaded itself (unique bytes).
    /// </summary>
    public static string EvidenceFolder => Path.Combine(Folder, "evidence");

    /// <summary>The API key made in the template for each demo user, by user name.</summary>
    public static IReadOnlyDictionary<string, string> ApiKeys(DatabaseProvider p) => Keys[p];

    public static string PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException($"PostgreSQL tests need {PostgresVariable} (a connection string to a server). Run scripts/test, which starts one.");

    public static async Task<string> CreateAsync(DatabaseProvider provider)
    {
        await EnsureTemplateAsync(provider);
        var name = $"t_{Guid.NewGuid():N}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Folder, name + ".db");
            File.Copy(Path.Combine(Folder, "template.db"), path);
            return $"Data Source={path};Pooling=False";
        }
        await using (var admin = new NpgsqlConnection(Server("postgres")))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE centurion_template", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return Server(name);
    }

    private static string Server(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, Pooling = database != "postgres" && database != "centurion_template" }.ConnectionString;

    private static async Task EnsureTemplateAsync(DatabaseProvider provider)
    {
        if (Keys.ContainsKey(provider)) return;
        await Gate.WaitAsync();
        try
        {
            if (Keys.ContainsKey(provider)) return;
            string cs;
            if (provider == DatabaseProvider.Sqlite)
                cs = $"Data Source={Path.Combine(Folder, "template.db")};Pooling=False";
            else
            {
                await using (var admin = new NpgsqlConnection(Server("postgres")))
                {
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS centurion_template WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                    await using var create = new NpgsqlCommand("CREATE DATABASE centurion_template", admin);
                    await create.ExecuteNonQueryAsync();
                }
                cs = Server("centurion_template");
            }
            await CliProcess.RunAsync(provider, cs, "seed-demo").ThrowIfFailed();
            Keys[provider] = await CreateApiKeysAsync(provider, cs);
        }
        finally { Gate.Release(); }
    }

    private static async Task<Dictionary<string, string>> CreateApiKeysAsync(DatabaseProvider provider, string cs)
    {
        await using var db = Open(provider, cs);
        var keys = new Dictionary<string, string>();
        foreach (var u in DemoData.Users)
        {
            var user = await db.Users.SingleAsync(x => x.UserName == u.Name);
            keys[u.Name] = await Authentication.CreateApiKeyAsync(db, user, "tests");
        }
        return keys;
    }

    /// <summary>A context on a test database, for arranging data and asserting on what the application stored.</summary>
    /// <param name="clock">Where the context's "now" comes from (audit times, batches); the real clock when not given.</param>
    /// <param name="interceptors">To make a save fail on purpose, e.g. half-way through an operation.</param>
    public static CenturionDb Open(DatabaseProvider provider, string cs, TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        clock ??= TimeProvider.System;
        var actor = new Actor();
        actor.ActAs("test");
        if (provider == DatabaseProvider.Sqlite)
            return new SqliteCenturionDb(new DbContextOptionsBuilder<SqliteCenturionDb>().UseSqlite(cs).AddInterceptors(interceptors).Options, actor, clock);
        return new PostgresCenturionDb(new DbContextOptionsBuilder<PostgresCenturionDb>().UseNpgsql(cs).AddInterceptors(interceptors).Options, actor, clock);
    }
}

/// <summary>Runs the application's command line as a separate process, exactly as a user would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public Result ThrowIfFailed() => ExitCode == 0 ? this : throw new InvalidOperationException($"CLI exited {ExitCode}: {Errors}\n{Output}");
    }

    public static async Task<Result> ThrowIfFailed(this Task<Result> run) => (await run).ThrowIfFailed();

    public static async Task<Result> RunAsync(DatabaseProvider provider, string connectionString, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Centurion.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = provider.ToString();
        psi.Environment["ConnectionStrings__Centurion"] = connectionString;
        psi.Environment["Evidence__Path"] = TestDatabases.EvidenceFolder;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await errors);
    }
}
