using System.Net;
using System.Text.Json;
using Centurion.Data;
using Centurion.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Tests.Cli;

/// <summary>The command-line verbs, run as separate processes against a test database.</summary>
public class CliTests
{
    [Theory, BothDatabases]
    public async Task Units_list_json_has_every_unit_with_code_parent_level_and_names(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var run = await CliProcess.RunAsync(provider, app.ConnectionString, "units", "list", "--json").ThrowIfFailed();

        var units = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        await using var db = app.Db();
        Assert.Equal(await db.Units.CountAsync(), units.Count);
        var chengdu = units.Single(u => u.GetProperty("code").GetString() == "510100");
        Assert.Equal(("510000", "prefecture", "成都市", "Chengdu"),
            (chengdu.GetProperty("parentCode").GetString(), chengdu.GetProperty("level").GetString(), chengdu.GetProperty("nameZh").GetString(), chengdu.GetProperty("nameEn").GetString()));
    }

    [Theory, BothDatabases]
    public async Task User_add_then_apikey_create_gives_a_key_that_works_once_shown(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await CliProcess.RunAsync(provider, app.ConnectionString, "user", "add", "--name", "luzhou", "--password", "luzhou-password",
            "--unit", "510500", "--role", "unit-leader").ThrowIfFailed();
        var key = (await CliProcess.RunAsync(provider, app.ConnectionString, "apikey", "create", "--user", "luzhou").ThrowIfFailed()).Output.Trim();

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units/510502")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/units/510104")).StatusCode);
        await using var db = app.Db();
        var stored = await db.ApiKeys.SingleAsync(k => k.User!.UserName == "luzhou");
        Assert.NotEqual(key, stored.Hash);
        Assert.DoesNotContain(key, stored.Hash);
        Assert.StartsWith("cli:", (await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Entity == "ApiKey")).Actor);
    }

    [Theory, BothDatabases]
    public async Task User_add_with_an_unknown_unit_and_role_says_both_and_creates_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var run = await CliProcess.RunAsync(provider, app.ConnectionString, "user", "add", "--name", "ghost", "--password", "ghost-password",
            "--unit", "999999", "--role", "chief");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("999999", run.Errors);
        Assert.Contains("chief", run.Errors);
        await using var db = app.Db();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "ghost"));
    }
}
