using Centurion.Data;
using Centurion.Features.Ledgers;
using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Supervision.Lists;

/// <summary>Where a finding stands, from its items: none assigned yet, some still open, or all closed out.</summary>
public enum FindingStatus { Unassigned, Rectifying, ClosedOut }

/// <summary>A row of the problem list (问题清单): a finding, where and when, and how far its rectification has come.</summary>
public sealed record ProblemRow(long Id, long Plan, DateOnly FoundOn, string Prefecture, string PrefectureName, string Unit, string UnitName, string What,
    string Where, string Severity, string Category, string? Line, string? LineName, int Team, string TeamName, string Leader, string LeaderTitle,
    int Items, int OpenItems, string State, bool Overdue);

/// <summary>
/// A row of the rectification list (整改清单) and of the responsibility list (责任清单): an item, who answers for it (the
/// responsible unit and person; the team and its leader, one of the campaign's linked leaders; the finding's line), and where it stands.
/// </summary>
public sealed record ItemListRow(long Id, long Finding, long Plan, DateOnly FoundOn, string Prefecture, string PrefectureName, string Unit, string UnitName,
    string ResponsiblePerson, string Measure, string Problem, string? Line, string? LineName, int Team, string TeamName, string Leader, string LeaderTitle,
    DateOnly Deadline, string State, bool Overdue, int Returns, int Recurrences);

/// <summary>One prefecture's counts: by state (keyed by the state's code), overdue, and all.</summary>
public sealed record PrefectureCount(string Code, string Name, IReadOnlyDictionary<string, int> ByState, int Overdue, int Total);

/// <summary>Counts by state per prefecture, the states in column order, the prefectures with the most overdue first, and the totals.</summary>
public sealed record PrefectureCounts(IReadOnlyList<string> States, IReadOnlyList<PrefectureCount> Rows, PrefectureCount Total);

/// <summary>
/// The leaders' three lists: problems (findings), rectification items, and who is responsible for each item. Every row comes
/// through supervision's secrecy filters (<see cref="InspectionPlans.FindingsVisibleTo"/>, <see cref="InspectionPlans.ItemsVisibleTo"/>),
/// so a plan not yet carried out contributes nothing; a line-scoped caller sees the findings of their line only. Counts are grouped in the database.
/// </summary>
public sealed class SupervisionLists(CenturionDb db, CallerScope scope, TimeProvider clock, SupervisionDesk desk)
{
    private DateOnly Today => ProvinceTime.Today(clock);

    private IQueryable<Finding> Findings()
    {
        var rows = InspectionPlans.FindingsVisibleTo(db, desk.Caller);
        return scope.LineId is { } own ? rows.Where(f => f.LineId == own) : rows;
    }

    private IQueryable<RectificationItem> Items()
    {
        var rows = InspectionPlans.ItemsVisibleTo(db, desk.Caller);
        return scope.LineId is { } own ? rows.Where(i => i.Finding!.LineId == own) : rows;
    }

    // The items of a finding the caller sees are all visible to them (ItemsVisibleTo's first clause), so the per-finding
    // subqueries below read the table itself instead of repeating the filter inside every row.
    private IQueryable<RectificationItem> AllItems => db.Set<RectificationItem>();

    // Problems

    public async Task<Paged<ProblemRow>> ProblemsAsync(ListQuery q, CancellationToken ct = default)
    {
        var rows = await FilteredFindingsAsync(q, ct);
        var total = await rows.CountAsync(ct);
        return new(await ProblemRowsAsync(Ordered(rows).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize), ct), total, q.Page, q.PageSize);
    }

    public async Task<IReadOnlyList<ProblemRow>> AllProblemsAsync(ListQuery q, CancellationToken ct = default) =>
        await ProblemRowsAsync(Ordered(await FilteredFindingsAsync(q, ct)).Take(LedgerFilter.MaxExportRows), ct);

    public async Task<PrefectureCounts> ProblemCountsAsync(ListQuery q, CancellationToken ct = default)
    {
        var today = Today;
        var items = AllItems;
        var keyed = from f in await FilteredFindingsAsync(q, ct)
                    join l in db.UnitLinks on f.UnitId equals l.DescendantId
                    join p in db.Units on l.AncestorId equals p.Id
                    where p.Level == UnitLevel.Prefecture
                    select new
                    {
                        Prefecture = p.Id,
                        Any = items.Any(i => i.FindingId == f.Id),
                        Open = items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut),
                        Late = items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut && i.Deadline < today),
                    };
        var groups = await keyed.GroupBy(x => x.Prefecture).Select(g => new
        {
            g.Key,
            Unassigned = g.Count(x => !x.Any),
            Rectifying = g.Count(x => x.Open),
            Closed = g.Count(x => x.Any && !x.Open),
            Overdue = g.Count(x => x.Late),
            Total = g.Count(),
        }).ToListAsync(ct);
        return await CountsAsync(Enum.GetValues<FindingStatus>(), groups.Select(g => (g.Key, new Dictionary<FindingStatus, int>
        {
            [FindingStatus.Unassigned] = g.Unassigned, [FindingStatus.Rectifying] = g.Rectifying, [FindingStatus.ClosedOut] = g.Closed,
        }, g.Overdue, g.Total)), ct);
    }

    private async Task<IQueryable<Finding>> FilteredFindingsAsync(ListQuery q, CancellationToken ct)
    {
        var rows = await scope.InSubtreeOfAsync(db, Findings(), q.Unit, ct);
        if (q.Line is { } line)
        {
            var id = await LineAsync(line, ct);
            rows = rows.Where(f => f.LineId == id);
        }
        if (q.Team is { } team) rows = rows.Where(f => f.Inspection!.Plan!.TeamId == team);
        if (q.MonthUtc is { } m) rows = rows.Where(f => f.Inspection!.HappenedUtc >= m.From && f.Inspection.HappenedUtc < m.To);
        var items = AllItems;
        var today = Today;
        if (q.State is { } state)
        {
            rows = State<FindingStatus>(state) switch
            {
                FindingStatus.Unassigned => rows.Where(f => !items.Any(i => i.FindingId == f.Id)),
                FindingStatus.Rectifying => rows.Where(f => items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut)),
                _ => rows.Where(f => items.Any(i => i.FindingId == f.Id) && !items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut)),
            };
        }
        if (q.Overdue) rows = rows.Where(f => items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut && i.Deadline < today));
        return rows;
    }

    /// <summary>Overdue first, then those nobody has been made responsible for yet, then those still open, then the closed; newest first within each.</summary>
    private IQueryable<Finding> Ordered(IQueryable<Finding> rows)
    {
        var items = AllItems;
        var today = Today;
        return rows.OrderByDescending(f => items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut && i.Deadline < today))
            .ThenBy(f => items.Any(i => i.FindingId == f.Id))
            .ThenByDescending(f => items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut))
            .ThenByDescending(f => f.Inspection!.HappenedUtc).ThenByDescending(f => f.Id);
    }

    private async Task<IReadOnlyList<ProblemRow>> ProblemRowsAsync(IQueryable<Finding> rows, CancellationToken ct)
    {
        var items = AllItems;
        var today = Today;
        var list = await rows.Select(f => new
        {
            f.Id, f.Inspection!.PlanId, f.Inspection.HappenedUtc, f.UnitId, f.Unit!.Code, f.Unit.NameZh, f.Unit.NameEn, f.What, f.Where, f.Severity, f.Category,
            LineCode = f.Line!.Code, LineZh = f.Line.NameZh, LineEn = f.Line.NameEn, f.Inspection.Plan!.TeamId, TeamName = f.Inspection.Plan.Team!.Name,
            f.Inspection.Plan.Team.LeaderName, f.Inspection.Plan.Team.LeaderTitle,
            Items = items.Count(i => i.FindingId == f.Id),
            Open = items.Count(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut),
            Late = items.Any(i => i.FindingId == f.Id && i.State != ItemState.ClosedOut && i.Deadline < today),
        }).ToListAsync(ct);
        var prefectures = await PrefecturesAsync(list.Select(f => f.UnitId), ct);
        return [.. list.Select(f =>
        {
            var (code, name) = prefectures.GetValueOrDefault(f.UnitId, ("", ""));
            var status = f.Items == 0 ? FindingStatus.Unassigned : f.Open > 0 ? FindingStatus.Rectifying : FindingStatus.ClosedOut;
            return new ProblemRow(f.Id, f.PlanId, Day(f.HappenedUtc), code, name, f.Code, Lang.Pick(f.NameZh, f.NameEn), f.What, f.Where,
                SupervisionDesk.Code(f.Severity), SupervisionDesk.Code(f.Category), f.LineCode, f.LineCode is null ? null : Lang.Pick(f.LineZh, f.LineEn),
                f.TeamId, f.TeamName, f.LeaderName, f.LeaderTitle, f.Items, f.Open, SupervisionDesk.Code(status), f.Late);
        })];
    }

    // Items: the rectification list and the responsibility list

    /// <param name="byResponsibility">The responsibility list's order: after the overdue, by responsible unit (codes nest, so a prefecture's units stay together) and person.</param>
    public async Task<Paged<ItemListRow>> ItemsAsync(ListQuery q, bool byResponsibility = false, CancellationToken ct = default)
    {
        var rows = await FilteredItemsAsync(q, ct);
        var total = await rows.CountAsync(ct);
        return new(await ItemRowsAsync(Ordered(rows, byResponsibility).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize), ct), total, q.Page, q.PageSize);
    }

    public async Task<IReadOnlyList<ItemListRow>> AllItemsAsync(ListQuery q, bool byResponsibility = false, CancellationToken ct = default) =>
        await ItemRowsAsync(Ordered(await FilteredItemsAsync(q, ct), byResponsibility).Take(LedgerFilter.MaxExportRows), ct);

    public async Task<PrefectureCounts> ItemCountsAsync(ListQuery q, CancellationToken ct = default)
    {
        var today = Today;
        var keyed = from i in await FilteredItemsAsync(q, ct)
                    join l in db.UnitLinks on i.UnitId equals l.DescendantId
                    join p in db.Units on l.AncestorId equals p.Id
                    where p.Level == UnitLevel.Prefecture
                    select new { Prefecture = p.Id, i.State, Late = i.State != ItemState.ClosedOut && i.Deadline < today };
        var groups = await keyed.GroupBy(x => new { x.Prefecture, x.State })
            .Select(g => new { g.Key.Prefecture, g.Key.State, N = g.Count(), Overdue = g.Count(x => x.Late) }).ToListAsync(ct);
        return await CountsAsync(Enum.GetValues<ItemState>(), groups.GroupBy(g => g.Prefecture).Select(p => (p.Key,
            p.ToDictionary(g => g.State, g => g.N), p.Sum(g => g.Overdue), p.Sum(g => g.N))), ct);
    }

    private async Task<IQueryable<RectificationItem>> FilteredItemsAsync(ListQuery q, CancellationToken ct)
    {
        var rows = await scope.InSubtreeOfAsync(db, Items(), q.Unit, ct);
        if (q.Line is { } line)
        {
            var id = await LineAsync(line, ct);
            rows = rows.Where(i => i.Finding!.LineId == id);
        }
        if (q.Team is { } team) rows = rows.Where(i => i.Finding!.Inspection!.Plan!.TeamId == team);
        if (q.MonthUtc is { } m) rows = rows.Where(i => i.Finding!.Inspection!.HappenedUtc >= m.From && i.Finding.Inspection.HappenedUtc < m.To);
        if (q.State is { } state)
        {
            var s = State<ItemState>(state);
            rows = rows.Where(i => i.State == s);
        }
        var today = Today;
        if (q.Overdue) rows = rows.Where(i => i.State != ItemState.ClosedOut && i.Deadline < today);
        return rows;
    }

    /// <summary>Overdue first, then the open ones, then the closed out; within them by deadline (or, for responsibility, by who).</summary>
    private IQueryable<RectificationItem> Ordered(IQueryable<RectificationItem> rows, bool byResponsibility)
    {
        var today = Today;
        var first = rows.OrderByDescending(i => i.State != ItemState.ClosedOut && i.Deadline < today).ThenBy(i => i.State == ItemState.ClosedOut);
        return byResponsibility
            ? first.ThenBy(i => i.Unit!.Code).ThenBy(i => i.ResponsiblePerson).ThenBy(i => i.Deadline).ThenBy(i => i.Id)
            : first.ThenBy(i => i.Deadline).ThenBy(i => i.Id);
    }

    private async Task<IReadOnlyList<ItemListRow>> ItemRowsAsync(IQueryable<RectificationItem> rows, CancellationToken ct)
    {
        var today = Today;
        var list = await rows.Select(i => new
        {
            i.Id, i.FindingId, i.Finding!.Inspection!.PlanId, i.Finding.Inspection.HappenedUtc, i.UnitId, i.Unit!.Code, i.Unit.NameZh, i.Unit.NameEn,
            i.ResponsiblePerson, i.Measure, Problem = i.Finding.What, LineCode = i.Finding.Line!.Code, LineZh = i.Finding.Line.NameZh, LineEn = i.Finding.Line.NameEn,
            i.Finding.Inspection.Plan!.TeamId, TeamName = i.Finding.Inspection.Plan.Team!.Name, i.Finding.Inspection.Plan.Team.LeaderName,
            i.Finding.Inspection.Plan.Team.LeaderTitle, i.Deadline, i.State, i.Returns, i.Recurrences,
        }).ToListAsync(ct);
        var prefectures = await PrefecturesAsync(list.Select(i => i.UnitId), ct);
        return [.. list.Select(i =>
        {
            var (code, name) = prefectures.GetValueOrDefault(i.UnitId, ("", ""));
            return new ItemListRow(i.Id, i.FindingId, i.PlanId, Day(i.HappenedUtc), code, name, i.Code, Lang.Pick(i.NameZh, i.NameEn), i.ResponsiblePerson,
                i.Measure, i.Problem, i.LineCode, i.LineCode is null ? null : Lang.Pick(i.LineZh, i.LineEn), i.TeamId, i.TeamName, i.LeaderName, i.LeaderTitle,
                i.Deadline, SupervisionDesk.Code(i.State), i.State != ItemState.ClosedOut && i.Deadline < today, i.Returns, i.Recurrences);
        })];
    }

    // Shared

    private async Task<int> LineAsync(string code, CancellationToken ct)
    {
        var lines = await db.Lines.OrderBy(l => l.Id).Select(l => new { l.Id, l.Code }).ToListAsync(ct);
        return lines.FirstOrDefault(l => l.Code == code)?.Id ?? throw Unknown("警种", "line", code, lines.Select(l => l.Code));
    }

    private static T State<T>(string code) where T : struct, Enum =>
        SupervisionDesk.FromCode<T>(code) ?? throw Unknown("状态", "state", code, Enum.GetValues<T>().Select(v => SupervisionDesk.Code(v)));

    private static DomainException Unknown(string what, string key, string code, IEnumerable<string> choices)
    {
        var list = string.Join(", ", choices);
        return DomainException.BadRequest(new($"筛选条件有误：没有这个{what}（{key}={code}）；可选：{list}。", $"The filters are not valid: {key}={code} is none of {list}."));
    }

    /// <summary>Each unit's prefecture (itself if it is one), by one query over the closure table.</summary>
    private async Task<Dictionary<int, (string Code, string Name)>> PrefecturesAsync(IEnumerable<int> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var found = await (from l in db.UnitLinks
                           join p in db.Units on l.AncestorId equals p.Id
                           where ids.Contains(l.DescendantId) && p.Level == UnitLevel.Prefecture
                           select new { l.DescendantId, p.Code, p.NameZh, p.NameEn }).ToListAsync(ct);
        return found.ToDictionary(f => f.DescendantId, f => (f.Code, Lang.Pick(f.NameZh, f.NameEn)));
    }

    private async Task<PrefectureCounts> CountsAsync<T>(IReadOnlyList<T> states, IEnumerable<(int Prefecture, Dictionary<T, int> ByState, int Overdue, int Total)> groups,
        CancellationToken ct) where T : struct, Enum
    {
        var list = groups.ToList();
        var ids = list.Select(g => g.Prefecture).ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.NameZh, u.NameEn })
            .ToDictionaryAsync(u => u.Id, u => (u.Code, Name: Lang.Pick(u.NameZh, u.NameEn)), ct);
        Dictionary<string, int> Columns(Func<T, int> count) => states.ToDictionary(s => SupervisionDesk.Code(s), count);
        var rows = list.Select(g => new PrefectureCount(names[g.Prefecture].Code, names[g.Prefecture].Name, Columns(s => g.ByState.GetValueOrDefault(s)), g.Overdue, g.Total))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Total).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        var total = new PrefectureCount("", ListText.AllPrefectures, Columns(s => list.Sum(g => g.ByState.GetValueOrDefault(s))), list.Sum(g => g.Overdue), list.Sum(g => g.Total));
        return new([.. states.Select(s => SupervisionDesk.Code(s))], rows, total);
    }

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ProvinceTime.ToLocal(utc));
}
