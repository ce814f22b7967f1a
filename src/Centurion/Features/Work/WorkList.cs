using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Work;

public sealed record WorkEntry(WorkItem Item, WorkUrgency Urgency);

/// <summary>
/// Everyone's work list: the union of what every registered <see cref="IWorkSource"/> says waits for the caller, overdue
/// first, then what is due within three province days, then the rest. It names no feature and keeps no copy.
/// </summary>
public sealed class WorkList(IEnumerable<IWorkSource> sources, CallerScope scope, Actor actor, CenturionDb db, TimeProvider clock)
{
    private Task<WorkCount>? _count;

    public async Task<IReadOnlyList<WorkEntry>> ItemsAsync(CancellationToken ct = default) => await ItemsAsync(clock.GetUtcNow(), ct);

    public async Task<IReadOnlyList<WorkEntry>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) return [];
        var all = new List<WorkItem>();
        // One after another: the sources share the scope's DbContext.
        foreach (var source in sources) all.AddRange(await source.ItemsAsync(now, ct));
        return Order(all, now);
    }

    /// <summary>Overdue, due soon, later; within each, the earliest deadline first, then by kind and title. Pure.</summary>
    public static IReadOnlyList<WorkEntry> Order(IEnumerable<WorkItem> items, DateTimeOffset now) =>
        items.Select(i => new WorkEntry(i, WorkDays.Classify(i, now)))
            .OrderBy(e => e.Urgency).ThenBy(e => e.Item.Due ?? DateOnly.MaxValue).ThenBy(e => e.Item.Kind.Code, StringComparer.Ordinal)
            .ThenBy(e => e.Item.Title.Zh, StringComparer.Ordinal).ThenBy(e => e.Item.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The header's counts: each source's cheap count, computed once per request however often the page asks.</summary>
    public Task<WorkCount> CountAsync(CancellationToken ct = default) => _count ??= CountAllAsync(clock.GetUtcNow(), ct);

    private async Task<WorkCount> CountAllAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!scope.IsSignedIn) return WorkCount.None;
        var total = WorkCount.None;
        foreach (var source in sources) total += await source.CountAsync(now, ct);
        return total;
    }

    /// <summary>The reminders the job wrote for the caller, newest first.</summary>
    public async Task<IReadOnlyList<Reminder>> RemindersAsync(int take = 20, CancellationToken ct = default) =>
        actor.UserId is { } me
            ? await db.Set<Reminder>().Where(r => r.UserId == me).OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct)
            : [];
}
