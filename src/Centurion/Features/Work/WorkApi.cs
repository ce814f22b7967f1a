using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;

namespace Centurion.Features.Work;

public sealed record WorkItemDto(string Kind, string KindName, string Key, string Title, string Link, DateOnly? Due, bool Overdue, string Urgency);

public sealed record ReminderDto(string Kind, string ItemKind, string ItemKey, string Title, string Says, string Link, DateOnly Due, DateOnly Day, DateTime CreatedUtc);

public sealed record WorkDto(int Total, int Overdue, int DueSoon, IReadOnlyList<WorkItemDto> Items, IReadOnlyList<ReminderDto> Reminders);

public static class WorkApi
{
    public static IServiceCollection AddWork(this IServiceCollection services)
    {
        services.AddScoped<WorkList>().AddScoped<ReminderJob>().AddHostedService<ReminderService>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddHttpClient(ReminderJob.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    public static void MapWorkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/work").WithTags("Work").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/", async (WorkList work, CancellationToken ct) =>
        {
            var entries = await work.ItemsAsync(ct);
            return TypedResults.Ok(new WorkDto(entries.Count, entries.Count(e => e.Urgency == WorkUrgency.Overdue),
                entries.Count(e => e.Urgency == WorkUrgency.DueSoon), entries.Select(ToDto).ToList(),
                (await work.RemindersAsync(ct: ct)).Select(r => new ReminderDto(r.Kind, r.ItemKind, r.ItemKey, r.Title, r.Says, r.Link, r.Due, r.Day, r.CreatedUtc)).ToList()));
        }).WithName("GetWork").WithSummary("What waits for the caller across the system (overdue first, then due within three days in province time, then the rest), and the latest reminders the job wrote.");

        api.MapGet("/count", async (WorkList work, CancellationToken ct) => TypedResults.Ok(await work.CountAsync(ct)))
            .WithName("CountWork").WithSummary("How many items wait for the caller, and how many of them are overdue (what the page header shows).");
    }

    private static WorkItemDto ToDto(WorkEntry e) => new(e.Item.Kind.Code, e.Item.Kind.Name, e.Item.Key, e.Item.Title, e.Item.Link,
        e.Item.Due, e.Item.Overdue, e.Urgency switch { WorkUrgency.Overdue => "overdue", WorkUrgency.DueSoon => "due-soon", _ => "later" });
}
