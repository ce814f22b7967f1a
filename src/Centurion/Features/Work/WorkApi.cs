using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;

namespace Centurion.Features.Work;

public sealed record WorkItemDto(string Kind, string KindName, string Key, string Title, string Link, DateOnly? Due, bool Overdue, string Urgency);

public sealed record WorkDto(int Total, int Overdue, int DueSoon, IReadOnlyList<WorkItemDto> Items);

public static class WorkApi
{
    public static IServiceCollection AddWork(this IServiceCollection services) => services.AddScoped<WorkList>();

    public static void MapWorkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/work").WithTags("Work").RequireAuthorization().ProducesCommonProblems();

        api.MapGet("/", async (WorkList work, CancellationToken ct) =>
        {
            var entries = await work.ItemsAsync(ct);
            return TypedResults.Ok(new WorkDto(entries.Count, entries.Count(e => e.Urgency == WorkUrgency.Overdue),
                entries.Count(e => e.Urgency == WorkUrgency.DueSoon), entries.Select(ToDto).ToList()));
        }).WithName("GetWork").WithSummary("What waits for the caller across the system: overdue first, then due within three days (province time), then the rest.");

        api.MapGet("/count", async (WorkList work, CancellationToken ct) => TypedResults.Ok(await work.CountAsync(ct)))
            .WithName("CountWork").WithSummary("How many items wait for the caller, and how many of them are overdue (what the page header shows).");
    }

    private static WorkItemDto ToDto(WorkEntry e) => new(e.Item.Kind.Code, e.Item.Kind.Name, e.Item.Key, e.Item.Title, e.Item.Link,
        e.Item.Due, e.Item.Overdue, e.Urgency switch { WorkUrgency.Overdue => "overdue", WorkUrgency.DueSoon => "due-soon", _ => "later" });
}
