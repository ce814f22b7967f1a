using Centurion.Data;
using Centurion.Features.Accounts;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision.Listing;

/// <summary>
/// A listing's progress report waits for the responsible unit's own reporters and leaders once it is due within
/// <see cref="WorkDays.Notice"/> days, and stays there, overdue, once the due instant has passed without one.
/// </summary>
public sealed class ListingWork(CenturionDb db, CallerScope scope) : IWorkSource
{
    public static readonly WorkKind Report = new("listing-report", new("挂牌督办进展待报送", "Listed supervision: progress report due"));

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn || !scope.IsInAny(Roles.Reporter, Roles.UnitLeader)) return [];
        var until = ProvinceTime.StartUtc(WorkDays.SoonUntil(now).AddDays(1));
        var unit = scope.UnitId;
        var due = await db.Set<Listing>().Where(l => l.UnitId == unit && l.State == ListingState.Listed && l.NextDueUtc < until)
            .Include(l => l.Item).ToListAsync(ct);
        var at = now.UtcDateTime;
        return [.. due.Select(l => new WorkItem(Report, $"listing:{l.Id}", Title(l), $"/supervision/listings/{l.Id}",
            DateOnly.FromDateTime(ProvinceTime.ToLocal(l.NextDueUtc)), l.IsOverdue(at)))];
    }

    private static Phrase Title(Listing l)
    {
        var s = Listings.Subject(l);
        s = s.Length > 40 ? s[..40] + "…" : s;
        return new($"挂牌督办进展：{s}", $"Listed supervision progress: {s}");
    }
}
