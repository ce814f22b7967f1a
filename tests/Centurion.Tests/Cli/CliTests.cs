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

    [Theory, BothDatabases]
    public async Task Evaluate_json_lists_every_prefecture_with_points_adding_up_and_publish_freezes_the_month(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var run = await CliProcess.RunAsync(provider, app.ConnectionString, "evaluate", "--campaign", "summer-2022", "--month", "2022-09", "--json").ThrowIfFailed();
        var month = JsonDocument.Parse(run.Output).RootElement;
        Assert.False(month.GetProperty("published").GetBoolean());
        var units = month.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(21, units.Count);
        foreach (var u in units)
        {
            Assert.Matches("^51[0-9]{4}$", u.GetProperty("unit").GetString());
            Assert.Contains(u.GetProperty("list").GetString(), new[] { "red", "black", "none" });
            Assert.True(u.GetProperty("rank").GetInt32() >= 1);
            var points = u.GetProperty("points").EnumerateArray().ToList();
            Assert.All(points, p => { p.GetProperty("rule"); p.GetProperty("source"); p.GetProperty("value"); });
            Assert.Equal(u.GetProperty("score").GetDecimal(), points.Sum(p => p.GetProperty("points").GetDecimal()));
        }
        Assert.Equal(5, units.Count(u => u.GetProperty("list").GetString() == "red"));

        var published = await CliProcess.RunAsync(provider, app.ConnectionString, "evaluate", "--campaign", "summer-2022", "--month", "2022-09", "--publish").ThrowIfFailed();
        Assert.Contains("published (snapshot SHA-256", published.Output);
        await using (var db = app.Db())
            Assert.True(await db.Set<Centurion.Features.Evaluation.Publication.EvaluationPublication>().AnyAsync(p => p.Month == "2022-09"));
        var again = await CliProcess.RunAsync(provider, app.ConnectionString, "evaluate", "--campaign", "summer-2022", "--month", "2022-09", "--publish");
        Assert.NotEqual(0, again.ExitCode);
        var unknown = await CliProcess.RunAsync(provider, app.ConnectionString, "evaluate", "--campaign", "summer-2022", "--month", "2023-01");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("2023-01", unknown.Errors);
        Assert.NotEqual(0, (await CliProcess.RunAsync(provider, app.ConnectionString, "evaluate", "--campaign", "no-such", "--month", "2022-07")).ExitCode);
    }
}
