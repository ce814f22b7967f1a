namespace Centurion.Infrastructure.Work;

/// <summary>What a work item is, e.g. a report to file or an item to verify: a stable code (for the API and reminders) and its name.</summary>
public sealed record WorkKind(string Code, Phrase Name);

/// <summary>
/// One thing waiting for someone. <see cref="Key"/> names the thing itself, stably across days (e.g.
/// "hazard:1234"), so a reminder for it is written once per day. <see cref="Due"/> is a province-local date; whether the
/// thing is <see cref="Overdue"/> is the source's rule (a report is late after 10:00, a hazard after its deadline day).
/// <see cref="Confidential"/> things (an unannounced inspection's target) are reminded of in the user's own work list only,
/// never posted to a group's webhook.
/// </summary>
public sealed record WorkItem(WorkKind Kind, string Key, Phrase Title, string Link, DateOnly? Due, bool Overdue, bool Confidential = false);

/// <summary>A cheap summary of a source's items, for the page header on every page.</summary>
public sealed record WorkCount(int Total, int Overdue)
{
    public static readonly WorkCount None = new(0, 0);
    public static WorkCount operator +(WorkCount a, WorkCount b) => new(a.Total + b.Total, a.Overdue + b.Overdue);
}

/// <summary>Where a work item stands, in the order the work list shows them.</summary>
public enum WorkUrgency { Overdue, DueSoon, Later }

/// <summary>
/// A feature's answer to "what waits for the caller?". Each feature that has work for people registers one (or more) with
/// <see cref="WorkSources.AddWorkSource{T}"/>; the work list only enumerates them, so it depends on no feature, and it
/// copies nothing: each source runs its feature's own queries.
/// Sources are scoped services and read the caller from the scope they live in: the unit subtree, line and roles from
/// <c>CallerScope</c>, the user from <see cref="Actor.UserId"/>. A job acting for a user sets both in a fresh scope.
/// </summary>
public interface IWorkSource
{
    /// <summary>Everything waiting for the caller at <paramref name="now"/>, in scope only.</summary>
    Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>
    /// How many items <see cref="ItemsAsync"/> would return, and how many of them are overdue. It runs on every page for
    /// the header: a source whose list is costly should count in the database instead of using this default.
    /// </summary>
    async Task<WorkCount> CountAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var items = await ItemsAsync(now, ct);
        return new(items.Count, items.Count(i => i.Overdue));
    }
}

/// <summary>The day arithmetic every source shares: province days (Asia/Shanghai), three days' notice.</summary>
public static class WorkDays
{
    /// <summary>How many days ahead a deadline counts as "due soon": today and the next three days.</summary>
    public const int Notice = 3;

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ProvinceTime.ToLocal(now.UtcDateTime));

    /// <summary>A deadline day is missed once the province day after it has begun (midnight Asia/Shanghai).</summary>
    public static bool IsOverdue(DateOnly deadline, DateTimeOffset now) => deadline < Today(now);

    /// <summary>The last deadline day that is due soon (not yet overdue) at <paramref name="now"/>.</summary>
    public static DateOnly SoonUntil(DateTimeOffset now) => Today(now).AddDays(Notice);

    /// <summary>Where an item stands: overdue first, then due within <see cref="Notice"/> days, then the rest. Pure.</summary>
    public static WorkUrgency Classify(WorkItem item, DateTimeOffset now) =>
        item.Overdue ? WorkUrgency.Overdue
        : item.Due is { } due && due <= SoonUntil(now) ? WorkUrgency.DueSoon
        : WorkUrgency.Later;
}

public static class WorkSources
{
    /// <summary>Adds a feature's work source; the work list, its header count and the reminder job see every one added.</summary>
    public static IServiceCollection AddWorkSource<T>(this IServiceCollection services) where T : class, IWorkSource =>
        services.AddScoped<IWorkSource, T>();
}
