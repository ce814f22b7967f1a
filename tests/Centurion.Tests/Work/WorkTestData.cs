using System.Net.Http.Json;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Work;
using Centurion.Infrastructure;
using Centurion.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Centurion.Tests.Work;

/// <summary>Arranging work for the work-list and reminder tests through the real API, and running the job as the server's timer does.</summary>
public static class WorkTestData
{
    /// <summary>Registers a hazard as the given user; returns its id.</summary>
    public static async Task<long> HazardAsync(HttpClient api, string unit, string description, DateOnly foundOn, DateOnly deadline)
    {
        var response = await api.PostAsJsonAsync("/api/ledgers/hazards",
            new { unit, description, place = "3栋楼道", risk = "high", foundOn = foundOn.ToString("yyyy-MM-dd"), deadline = deadline.ToString("yyyy-MM-dd") });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<WorkDto> WorkAsync(HttpClient api)
    {
        var response = await api.GetAsync("/api/work");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<WorkDto>(Json))!;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A reporter of a county the demo has no user for; returns an API client for them.</summary>
    public static async Task<HttpClient> CountyReporterAsync(TestApp app, string name, string unitCode)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs("test");
        var db = scope.ServiceProvider.GetRequiredService<CenturionDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        var user = new User { UserName = name, DisplayName = $"{unit.NameZh}填报员", UnitId = unit.Id };
        Assert.True((await users.CreateAsync(user, "county-password-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Reporter)).Succeeded);
        var key = await Authentication.CreateApiKeyAsync(db, user, "tests");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The reminder job once, at the app's clock, as the server's timer runs it.</summary>
    public static async Task<ReminderRun> RemindAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs(ReminderJob.ActorName);
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(app.Clock.GetUtcNow());
    }

    public static async Task<string> UserIdAsync(TestApp app, string name)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
    }
}
