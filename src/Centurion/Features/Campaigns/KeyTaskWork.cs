using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

/// <summary>
/// What key-task tracking has waiting for the caller: the tasks their own unit (or they themselves) answer for that are not
/// yet reported done and fall due within three days or are overdue; for the campaign office, the tasks reported done and
/// waiting for its verification. Read through <see cref="KeyTasks"/>' own filters.
/// </summary>
public sealed class KeyTaskWork(CenturionDb db, CallerScope scope, Actor actor) : IWorkSource
{
    public static readonly WorkKind TakeForward = new("key-task", new("重点任务待推进", "Key task to take forward"));
    public static readonly WorkKind ToVerify = new("verify-key-task", new("重点任务待验收", "Key task to verify"));

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) return [];
        var soon = WorkDays.SoonUntil(now);
        var mine = await KeyTasks.AnsweredBy(db, scope, actor.UserId)
            .Where(t => (t.State == TaskState.Open || t.State == TaskState.InProgress) && t.Deadline <= soon)
            .Select(t => new { t.Id, t.TitleZh, t.TitleEn, t.Deadline, t.Campaign!.Code }).ToListAsync(ct);
        var toVerify = await KeyTasks.OfficeOf(db, scope).Where(t => t.State == TaskState.Done)
            .Select(t => new { t.Id, t.TitleZh, t.TitleEn, t.Deadline, t.Campaign!.Code }).ToListAsync(ct);
        return
        [
            .. mine.Select(t => new WorkItem(TakeForward, $"key-task:{t.Id}", Title("推进", "Take forward", t.TitleZh, t.TitleEn),
                $"/campaigns/{t.Code}/tasks/{t.Id}", t.Deadline, WorkDays.IsOverdue(t.Deadline, now))),
            .. toVerify.Select(t => new WorkItem(ToVerify, $"verify-key-task:{t.Id}", Title("验收", "Verify", t.TitleZh, t.TitleEn),
                $"/campaigns/{t.Code}/tasks/{t.Id}", t.Deadline, WorkDays.IsOverdue(t.Deadline, now))),
        ];
    }

    private static Phrase Title(string zh, string en, string titleZh, string titleEn)
    {
        static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
        return new($"{zh}：{Cut(titleZh)}", $"{en}: {Cut(titleEn.Length > 0 ? titleEn : titleZh)}");
    }
}
