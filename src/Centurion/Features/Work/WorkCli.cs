using System.CommandLine;
using Centurion.Infrastructure;

namespace Centurion.Features.Work;

/// <summary>The <c>remind</c> verb: the reminder job once, now, as the server's timer runs it.</summary>
public static class WorkCli
{
    public static Command RemindCommand(TextWriter output)
    {
        var remind = new Command("remind", "Write reminders into each user's work list for what is due within three days (province time) or has become overdue, "
            + "then post the webhook messages that are due (Reminders:WebhookUrl). Idempotent: run again, it writes no reminder twice.");
        remind.SetAction(async (_, ct) =>
        {
            await Cli.WithServicesAsync(async sp =>
            {
                sp.GetRequiredService<Actor>().ActAs(ReminderJob.ActorName);
                var run = await sp.GetRequiredService<ReminderJob>().RunAsync(sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
                await output.WriteLineAsync($"Reminders for {run.Day:yyyy-MM-dd}: {run.Written} written for {run.Users} users; "
                    + $"webhook messages: {run.Queued} queued, {run.Sent} sent, {run.Failed} failed, {run.Waiting} waiting.");
            });
            return 0;
        });
        return remind;
    }
}
