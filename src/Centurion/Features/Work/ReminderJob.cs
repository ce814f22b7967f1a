using System.Text.Json;
using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Centurion.Features.Work;

/// <summary>Reminders and their webhook, bound from the "Reminders" section of configuration.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether the server runs the job on its timer (the <c>remind</c> verb runs it regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the server runs the job and posts what waits in the outbox.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A WeCom or DingTalk group robot's webhook address; without one, reminders go only into work lists.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The site's address, to make the links in a posted message absolute (e.g. https://centurion.example.gov.cn).</summary>
    public string? SiteUrl { get; set; }
}

public sealed record ReminderRun(DateOnly Day, int Users, int Written, int Queued, int Sent, int Failed, int Waiting);

/// <summary>
/// Writes reminders into every user's work list: for each thing with a deadline that is due within three province days or
/// has become overdue, once per thing, kind and deadline (so the job is idempotent: run twice, one reminder). Each user's
/// list is the work list's own, computed in a scope acting for that user. Where a webhook is configured, each reminder is
/// also queued in the outbox, which is posted after the reminders are saved; a failing post is recorded and retried later.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, CenturionDb db, IHttpClientFactory http, IOptions<ReminderOptions> options, ILogger<ReminderJob> log)
{
    public const string HttpClientName = "webhook";
    public const string ActorName = "system:reminders";

    public async Task<ReminderRun> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var day = WorkDays.Today(now);
        var at = now.UtcDateTime;
        var users = await db.Users.OrderBy(u => u.UserName)
            .Select(u => new Recipient(u.Id, u.UserName ?? "", u.DisplayName, u.UnitId, u.LineId, u.Culture,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToArray()))
            .ToListAsync(ct);
        var url = options.Value.WebhookUrl is { Length: > 0 } u ? u : null;
        int written = 0, queued = 0;
        foreach (var user in users)
        {
            var due = Remindable(await WorkOfAsync(user, now, ct), now);
            if (due.Count == 0) continue;
            var keys = due.Select(d => d.Item.Key).ToList();
            var had = (await db.Set<Reminder>().Where(r => r.UserId == user.Id && keys.Contains(r.ItemKey))
                .Select(r => new { r.ItemKey, r.Kind, r.Due }).ToListAsync(ct)).Select(r => (r.ItemKey, r.Kind, r.Due)).ToHashSet();
            var fresh = due.Where(d => !had.Contains((d.Item.Key, d.Kind, d.Item.Due!.Value))).ToList();
            if (fresh.Count == 0) continue;
            foreach (var (item, kind) in fresh)
            {
                var reminder = Reminder.For(user.Id, item, kind, day, at);
                db.Add(reminder);
                if (url is null || item.Confidential) continue;
                db.Add(WebhookMessage.Text(url, Content(user, reminder), at, reminder));
                queued++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                written += fresh.Count;
            }
            catch (DbUpdateException e)
            {
                // Another run (the timer and the verb at once) wrote them first; the unique index kept one of each.
                log.LogInformation(e, "Reminders for {User} were written by another run.", user.UserName);
                db.ChangeTracker.Clear();
                if (url is not null) queued -= fresh.Count(f => !f.Item.Confidential);
            }
        }
        var (sent, failed) = await DeliverAsync(now, ct);
        var waiting = await db.Set<WebhookMessage>().CountAsync(m => m.State == WebhookState.Pending, ct);
        return new(day, users.Count, written, queued, sent, failed, waiting);
    }

    private sealed record Recipient(string Id, string UserName, string DisplayName, int UnitId, int? LineId, string? Culture, string[] Roles);

    /// <summary>The things to remind of among a work list: due soon or overdue, with a deadline. Pure.</summary>
    public static List<(WorkItem Item, string Kind)> Remindable(IEnumerable<WorkEntry> work, DateTimeOffset now) =>
        [.. work.Where(e => e.Item.Due is not null && e.Urgency is WorkUrgency.Overdue or WorkUrgency.DueSoon)
            .Select(e => (e.Item, e.Urgency == WorkUrgency.Overdue ? Reminder.Overdue : Reminder.DueSoon))];

    /// <summary>The user's work list, computed as it is for them when they sign in: in a scope acting for them.</summary>
    private async Task<IReadOnlyList<WorkEntry>> WorkOfAsync(Recipient user, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().ActAs(user.UserName, user.Id);
        scope.ServiceProvider.GetRequiredService<CallerScope>().ActFor(user.UnitId, user.LineId, user.Roles);
        return await scope.ServiceProvider.GetRequiredService<WorkList>().ItemsAsync(now, ct);
    }

    private string Content(Recipient user, Reminder r)
    {
        var english = user.Culture == Lang.English;
        var who = english || user.DisplayName.Length == 0 ? user.UserName : $"{user.DisplayName}（{user.UserName}）";
        var link = options.Value.SiteUrl is { Length: > 0 } site ? site.TrimEnd('/') + r.Link : r.Link;
        return english
            ? $"[Centurion reminder] {who}: {r.TitleEn}, {r.Says.En}. {link}"
            : $"【百日行动平台提醒】{who}：{r.TitleZh}，{r.Says.Zh}。{link}";
    }

    /// <summary>
    /// Posts every outbox message whose time has come, one by one, recording each try. A WeCom or DingTalk robot answers
    /// 200 with <c>errcode</c> 0 when it took the message; any other answer, a network error or a timeout is a failed try.
    /// </summary>
    public async Task<(int Sent, int Failed)> DeliverAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var at = now.UtcDateTime;
        var due = await db.Set<WebhookMessage>().Include(m => m.Tries)
            .Where(m => m.State == WebhookState.Pending && m.NextAttemptUtc <= at).OrderBy(m => m.Id).Take(200).ToListAsync(ct);
        int sent = 0, failed = 0;
        var client = http.CreateClient(HttpClientName);
        foreach (var message in due)
        {
            var (ok, status, error) = await PostAsync(client, message, ct);
            if (ok) { message.Succeeded(at, status!.Value); sent++; }
            else { message.Failed(at, status, error!); failed++; }
            await db.SaveChangesAsync(ct);
        }
        return (sent, failed);
    }

    private static async Task<(bool Ok, int? Status, string? Error)> PostAsync(HttpClient client, WebhookMessage message, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent(message.Body, System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(message.Url, content, ct);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) return (false, status, $"HTTP {status}: {Shorten(body)}");
            return RobotError(body) is { } refused ? (false, status, refused) : (true, status, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return (false, null, e.Message);
        }
    }

    /// <summary>The robot's refusal in a 200 answer (<c>{"errcode":93000,"errmsg":"…"}</c>), or null when it took the message or said nothing.</summary>
    public static string? RobotError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errcode", out var code)
                && code.ValueKind == JsonValueKind.Number && code.GetInt64() != 0)
                return $"errcode {code.GetInt64()}: {(doc.RootElement.TryGetProperty("errmsg", out var m) ? m.ToString() : "")}";
        }
        catch (JsonException) { }
        return null;
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] : s;
}

/// <summary>Runs the reminder job on a timer in the server, driven by the injected clock; a failed run is logged and the next tick tries again.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Actor>().ActAs(ReminderJob.ActorName);
                var run = await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(clock.GetUtcNow(), ct);
                if (run.Written + run.Sent + run.Failed > 0)
                    log.LogInformation("Reminders {Day}: {Written} written for {Users} users; webhook sent {Sent}, failed {Failed}, waiting {Waiting}.",
                        run.Day, run.Written, run.Users, run.Sent, run.Failed, run.Waiting);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "The reminder job failed; it runs again at the next tick.");
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
