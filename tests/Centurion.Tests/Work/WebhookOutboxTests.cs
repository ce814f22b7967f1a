using System.Collections.Concurrent;
using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Work;
using Centurion.Infrastructure.Work;
using Centurion.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Centurion.Tests.Work.WorkTestData;

namespace Centurion.Tests.Work;

public class WebhookOutboxTests
{
    /// <summary>
    /// A group robot's webhook on 127.0.0.1: it refuses the first post of each message with a 500 and takes the retry with
    /// WeCom's and DingTalk's answer, {"errcode":0,"errmsg":"ok"}. It keeps every body it was sent.
    /// </summary>
    private sealed class Robot : IAsyncDisposable
    {
        private readonly WebApplication _app;
        public ConcurrentQueue<(string Body, int Answered)> Posts { get; } = new();
        private readonly ConcurrentDictionary<string, int> _seen = new();

        private Robot(WebApplication app) => _app = app;

        public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/cgi-bin/webhook/send?key=test";

        public static async Task<Robot> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var robot = new Robot(app);
            app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                var first = robot._seen.AddOrUpdate(body, 1, (_, n) => n + 1) == 1;
                robot.Posts.Enqueue((body, first ? 500 : 200));
                return first ? Results.Text("busy", statusCode: 500) : Results.Text("""{"errcode":0,"errmsg":"ok"}""", "application/json");
            });
            await app.StartAsync();
            return robot;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    [Theory, BothDatabases]
    public async Task A_refused_post_is_retried_after_the_backoff_and_the_outbox_records_both_attempts(DatabaseProvider provider)
    {
        await using var robot = await Robot.StartAsync();
        await using var app = await TestApp.StartAsync(provider, services: s => s.Configure<ReminderOptions>(o =>
        {
            o.WebhookUrl = robot.Url;
            o.SiteUrl = "https://centurion.example.cn";
        }));
        app.Clock.SetLocal(2026, 7, 8, 9, 0);
        var id = await HazardAsync(app.ApiAs("jinjiang"), "510104", "楼顶违规搭建", new DateOnly(2026, 7, 8), new DateOnly(2026, 7, 9));
        var firstTry = app.Clock.UtcNow;

        var run1 = await RemindAsync(app);
        // The demo's unannounced inspection is the inspector's work, confidential: reminded of, never posted.
        int inspections;
        await using (var seen = app.Db()) inspections = await seen.Set<Reminder>().CountAsync(r => r.ItemKey.StartsWith("inspection:"));
        Assert.True(inspections > 0);
        Assert.Equal(run1.Written - inspections, run1.Queued);
        Assert.Equal(run1.Queued, run1.Failed);
        Assert.Equal(0, run1.Sent);

        // Before the backoff has passed nothing is posted again, and nothing new is queued.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var run2 = await RemindAsync(app);
        Assert.Equal((0, 0, 0, 0), (run2.Written, run2.Queued, run2.Sent, run2.Failed));

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var secondTry = app.Clock.UtcNow;
        var run3 = await RemindAsync(app);
        Assert.Equal((0, run1.Queued, 0, 0), (run3.Written, run3.Sent, run3.Failed, run3.Waiting));

        await using var db = app.Db();
        var message = await db.Set<WebhookMessage>().Include(m => m.Tries).Include(m => m.Reminder)
            .SingleAsync(m => m.Reminder!.ItemKey == $"hazard:{id}");
        Assert.Equal(WebhookState.Sent, message.State);
        Assert.Equal(2, message.Attempts);
        Assert.Equal(secondTry, message.SentUtc);
        var tries = message.Tries.OrderBy(t => t.Number).ToList();
        Assert.Equal([(1, firstTry, (int?)500, false), (2, secondTry, (int?)200, true)], tries.Select(t => (t.Number, t.AtUtc, t.StatusCode, t.Succeeded)));
        Assert.StartsWith("HTTP 500", tries[0].Error);
        Assert.Null(message.LastError);

        // What the robot received, twice: the WeCom/DingTalk text message, naming the user, the hazard, its deadline and a link.
        var posts = robot.Posts.Where(p => p.Body == message.Body).ToList();
        Assert.Equal([500, 200], posts.Select(p => p.Answered));
        using var json = JsonDocument.Parse(message.Body);
        Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
        var content = json.RootElement.GetProperty("text").GetProperty("content").GetString()!;
        Assert.Contains("jinjiang", content);
        Assert.Contains("楼顶违规搭建", content);
        Assert.Contains("2026-07-09", content);
        Assert.Contains($"https://centurion.example.cn/ledgers/hazards/{id}", content);
        Assert.Equal(robot.Posts.Count, 2 * run1.Queued);
    }

    [Theory, BothDatabases]
    public async Task A_webhook_that_is_down_never_holds_up_the_reminders(DatabaseProvider provider)
    {
        // Nothing listens here: every post fails at once.
        await using var app = await TestApp.StartAsync(provider, services: s => s.AddWorkSource<SecretSource>()
            .Configure<ReminderOptions>(o => o.WebhookUrl = "http://127.0.0.1:9/hook"));
        app.Clock.SetLocal(2026, 7, 8, 9, 0);
        var id = await HazardAsync(app.ApiAs("jinjiang"), "510104", "地下室积水", new DateOnly(2026, 7, 8), new DateOnly(2026, 7, 9));

        var run = await RemindAsync(app);

        await using var db = app.Db();
        Assert.True(await db.Set<Reminder>().AnyAsync(r => r.ItemKey == $"hazard:{id}"));
        var message = await db.Set<WebhookMessage>().SingleAsync(m => m.Reminder!.ItemKey == $"hazard:{id}");
        Assert.Equal((WebhookState.Pending, 1), (message.State, message.Attempts));
        Assert.NotNull(message.LastError);
        Assert.Equal(app.Clock.UtcNow + TimeSpan.FromMinutes(1), message.NextAttemptUtc);
        Assert.Equal(run.Queued, run.Failed);

        // A confidential thing is reminded of in the work list only: it never goes to a group's webhook.
        var secret = await db.Set<Reminder>().Where(r => r.ItemKey == SecretSource.Key || r.ItemKey.StartsWith("inspection:")).Select(r => r.Id).ToListAsync();
        Assert.NotEmpty(secret);
        Assert.False(await db.Set<WebhookMessage>().AnyAsync(m => m.ReminderId != null && secret.Contains(m.ReminderId.Value)));
        Assert.Equal(run.Written - secret.Count, run.Queued);
    }

    /// <summary>A feature's confidential work, due tomorrow, for everyone (as an unannounced inspection is for its team).</summary>
    private sealed class SecretSource : IWorkSource
    {
        public const string Key = "secret:1";

        public Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<WorkItem>>([new(new("secret", new("机密", "Secret")), Key, new("检查某单位", "Inspect a unit"), "/", WorkDays.Today(now).AddDays(1), false, Confidential: true)]);
    }
}

public class ReminderRulesTests
{
    [Fact]
    public void The_backoff_doubles_from_a_minute_up_to_an_hour()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(n => WebhookMessage.Backoff(n).TotalMinutes));
    }

    [Fact]
    public void A_message_is_given_up_after_the_last_attempt()
    {
        var at = new DateTime(2026, 7, 8, 1, 0, 0, DateTimeKind.Utc);
        var m = WebhookMessage.Text("http://127.0.0.1/hook", "x", at);
        for (var i = 1; i < WebhookMessage.MaxAttempts; i++) m.Failed(at, 500, "HTTP 500");
        Assert.Equal(WebhookState.Pending, m.State);
        m.Failed(at, 500, "HTTP 500");
        Assert.Equal((WebhookState.Failed, WebhookMessage.MaxAttempts), (m.State, m.Attempts));
        Assert.Throws<InvalidOperationException>(() => m.Succeeded(at, 200));
    }

    [Fact]
    public void The_body_is_the_robot_text_message_with_chinese_as_text()
    {
        Assert.Equal("""{"msgtype":"text","text":{"content":"隐患“A\"B”将于 2026-07-09 到期"}}""", WebhookMessage.TextBody("隐患“A\"B”将于 2026-07-09 到期"));
    }

    [Theory]
    [InlineData("""{"errcode":0,"errmsg":"ok"}""", null)]
    [InlineData("""{"errcode":93000,"errmsg":"invalid webhook url"}""", "errcode 93000: invalid webhook url")]
    [InlineData("ok", null)]
    [InlineData("", null)]
    public void A_robot_refusal_in_a_200_answer_is_a_failure(string body, string? error)
    {
        Assert.Equal(error, ReminderJob.RobotError(body));
    }
}
