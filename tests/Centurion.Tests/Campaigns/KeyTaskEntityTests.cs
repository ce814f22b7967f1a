using Centurion.Features.Campaigns;
using Centurion.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Centurion.Tests.Campaigns;

/// <summary>A key task's tracking, without a database: every move from every state, the notes they need, history and overdue.</summary>
public class KeyTaskEntityTests
{
    private static readonly DateOnly Running = new(2022, 7, 10);
    private static readonly DateTime At = Local(2022, 7, 10, 9);

    private static DateTime Local(int y, int m, int d, int h, int min = 0, int s = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, m, d, h, min, s, DateTimeKind.Unspecified), ProvinceTime.Zone);

    private static (Campaign Campaign, CampaignTask Task) Open()
    {
        var c = new Campaign { Code = "summer-2022", NameZh = "夏季行动", StartDate = new(2022, 6, 25), EndDate = new(2022, 9, 30), RootUnitId = 1 };
        var task = c.AddTask(new("夜市巡防", "Night-market patrols", null, new(2022, 7, 20), ResponsibleName: "张伟"), new(null, 2, null), new FieldErrors(), Running);
        return (c, task);
    }

    private static CampaignTask In(TaskState state)
    {
        var t = Open().Task;
        if (state == TaskState.Open) return t;
        t.ReportProgress("已排查夜市 12 处", "chengdu", At);
        if (state == TaskState.InProgress) return t;
        t.MarkDone("每晚两组巡逻，签到表归档", "chengdu", At.AddDays(5));
        if (state == TaskState.Done) return t;
        t.Verify(null, "province", At.AddDays(6));
        return t;
    }

    private static readonly Dictionary<string, Action<CampaignTask>> Moves = new()
    {
        ["progress"] = t => t.ReportProgress("又巡查 3 处", "chengdu", At.AddDays(7)),
        ["done"] = t => t.MarkDone("已完成", "chengdu", At.AddDays(7)),
        ["verify"] = t => t.Verify("材料齐全", "province", At.AddDays(7)),
        ["return"] = t => t.Return("缺签到表", "province", At.AddDays(7)),
    };

    public static TheoryData<TaskState, string, TaskState?> EveryStateAndMove()
    {
        var data = new TheoryData<TaskState, string, TaskState?>();
        var allowed = new Dictionary<(TaskState, string), TaskState>
        {
            [(TaskState.Open, "progress")] = TaskState.InProgress,
            [(TaskState.InProgress, "progress")] = TaskState.InProgress,
            [(TaskState.InProgress, "done")] = TaskState.Done,
            [(TaskState.Done, "verify")] = TaskState.Verified,
            [(TaskState.Done, "return")] = TaskState.InProgress,
        };
        foreach (var state in Enum.GetValues<TaskState>())
            foreach (var move in Moves.Keys)
                data.Add(state, move, allowed.TryGetValue((state, move), out var to) ? to : null);
        return data;
    }

    [Theory, MemberData(nameof(EveryStateAndMove))]
    public void Each_move_is_allowed_only_from_its_states_and_a_refused_one_is_a_conflict_that_changes_nothing(TaskState from, string move, TaskState? to)
    {
        var task = In(from);
        var (history, version) = (task.History.Count, task.Version);
        if (to is { } expected)
        {
            Assert.Contains(move, task.AllowedMoves());
            Moves[move](task);
            Assert.Equal((expected, history + 1, version + 1), (task.State, task.History.Count, task.Version));
            Assert.Equal((from, expected), (task.History[^1].From, task.History[^1].To));
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => Moves[move](task));
            Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
            Assert.Equal((from, history, version), (task.State, task.History.Count, task.Version));
            Assert.DoesNotContain(move, task.AllowedMoves());
        }
    }

    [Fact]
    public void Progress_done_and_return_need_a_note_verify_does_not_and_each_row_records_who_when_and_why()
    {
        var task = In(TaskState.Open);
        var noNote = Assert.Throws<DomainException>(() => task.ReportProgress("  ", "chengdu", At));
        Assert.Equal((StatusCodes.Status422UnprocessableEntity, TaskState.Open, 0), (noNote.Status, task.State, task.History.Count));
        Assert.Equal(["note"], noNote.Errors!.Keys);
        var tooLong = Assert.Throws<DomainException>(() => task.ReportProgress(new string('字', CampaignTask.NoteLength + 1), "chengdu", At));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, tooLong.Status);

        task.ReportProgress(" 已排查夜市 12 处 ", "chengdu", At);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Assert.Throws<DomainException>(() => task.MarkDone(null, "chengdu", At)).Status);
        task.MarkDone("每晚两组巡逻", "chengdu", At.AddDays(1));
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Assert.Throws<DomainException>(() => task.Return("", "province", At)).Status);
        Assert.Equal(TaskState.Done, task.State);
        task.Return("缺签到表", "province", At.AddDays(2));
        task.MarkDone("签到表已补", "chengdu", At.AddDays(3));
        task.Verify(null, "province", At.AddDays(4));

        Assert.Equal((TaskState.Verified, 1, "缺签到表", At.AddDays(4)), (task.State, task.Returns, task.ReturnReason, task.VerifiedUtc));
        Assert.Equal(
            [
                (TaskState.Open, TaskState.InProgress, "chengdu", "已排查夜市 12 处"), (TaskState.InProgress, TaskState.Done, "chengdu", "每晚两组巡逻"),
                (TaskState.Done, TaskState.InProgress, "province", "缺签到表"), (TaskState.InProgress, TaskState.Done, "chengdu", "签到表已补"),
                (TaskState.Done, TaskState.Verified, "province", (string?)null),
            ],
            task.History.Select(h => (h.From, h.To, h.By, h.Note)));
        Assert.Equal([At, At.AddDays(1), At.AddDays(2), At.AddDays(3), At.AddDays(4)], task.History.Select(h => h.AtUtc));
        Assert.All(task.History, h => Assert.Equal(2, h.UnitId));
        Assert.Empty(task.AllowedMoves());
    }

    [Fact]
    public void A_task_is_overdue_from_midnight_province_time_after_its_deadline_day_until_verified()
    {
        var task = In(TaskState.InProgress); // deadline 20 July 2022
        var lastInstant = Local(2022, 7, 20, 23, 59, 59);
        var midnight = Local(2022, 7, 21, 0);

        Assert.Equal(new DateTime(2022, 7, 20, 16, 0, 0), midnight);
        Assert.False(task.IsOverdue(lastInstant));
        Assert.True(task.IsOverdue(midnight));
        task.MarkDone("已完成", "chengdu", midnight);
        Assert.True(task.IsOverdue(midnight)); // done but not yet verified
        task.Verify(null, "province", midnight.AddHours(1));
        Assert.False(task.IsOverdue(midnight.AddHours(1)));
    }

    [Fact]
    public void A_task_being_tracked_cannot_be_removed_from_the_plan_an_open_one_can()
    {
        var (c, task) = Open();
        task.ReportProgress("已部署", "chengdu", At);
        var refused = Assert.Throws<DomainException>(() => c.RemoveTask(task.Id, Running));
        Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
        Assert.Contains("夜市巡防", refused.Text.Zh);
        Assert.Single(c.Tasks);

        var (fresh, open) = Open();
        fresh.RemoveTask(open.Id, Running);
        Assert.Empty(fresh.Tasks);
    }
}
