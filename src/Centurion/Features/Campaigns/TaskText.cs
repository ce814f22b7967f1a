using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>The words of key-task tracking, in both languages, and the state codes the API uses.</summary>
public static class TaskText
{
    public static readonly Phrase Tracking = new("重点任务推进", "Key-task tracking");
    public static readonly Phrase Task = new("重点任务", "Key task");
    public static readonly Phrase NotSaved = new("未保存：请改正标出的错误。", "Nothing was saved: correct the errors marked.");
    public static readonly Phrase NotFound = new("找不到该重点任务。", "The key task was not found.");
    public static readonly Phrase Stale = new("该任务已被他人更新，请刷新后重试。", "Someone else has changed the task; reload it and try again.");
    public static readonly Phrase NotOffice = new("验收和退回由行动专班办理。", "Verifying and returning belong to the campaign office.");
    public static readonly Phrase NotResponsible = new("进展和完成由责任单位报告。", "Progress and completion are reported by the responsible unit.");
    public static readonly Phrase Overdue = new("已逾期", "Overdue");
    public static readonly Phrase OnlyOverdue = new("只看逾期", "Overdue only");
    public static readonly Phrase AllStates = new("全部状态", "All states");
    public static readonly Phrase AllLines = new("全部警种", "All lines");
    public static readonly Phrase UnitFilter = new("责任单位及下级（代码）", "Responsible unit and below (code)");
    public static readonly Phrase Filter = new("筛选", "Filter");
    public static readonly Phrase Note = new("说明", "Note");
    public static readonly Phrase NoteHint = new("进展、完成情况或退回理由；佐证材料请写明名称、文号或存放位置", "Progress, what was achieved, or the reason for returning; name the evidence (document, number or where it is kept)");
    public static readonly Phrase ReturnReason = new("退回理由", "Reason returned");
    public static readonly Phrase Returns = new("退回次数", "Returns");
    public static readonly Phrase VerifiedAt = new("验收时间", "Verified");
    public static readonly Phrase History = new("推进记录", "History");
    public static readonly Phrase Who = new("经办人", "By");
    public static readonly Phrase FromState = new("原状态", "From");
    public static readonly Phrase ToState = new("新状态", "To");
    public static readonly Phrase None = new("暂无。", "None.");
    public static readonly Phrase Total = new("共 {0} 项，逾期 {1} 项", "{0} tasks, {1} overdue");
    public static readonly Phrase BadLine = new("没有该警种", "there is no such line");

    public static Phrase StateName(TaskState s) => s switch
    {
        TaskState.Open => new("未开始", "Open"),
        TaskState.InProgress => new("推进中", "In progress"),
        TaskState.Done => new("已完成待验收", "Done, awaiting verification"),
        _ => new("已验收", "Verified"),
    };

    /// <summary>A move's button, and in a refusal what could not be done ("不能记录进展").</summary>
    public static Phrase Move(string move) => move switch
    {
        "progress" => new("记录进展", "Report progress"),
        "done" => new("报告完成", "Report done"),
        "verify" => new("验收通过", "Verify"),
        _ => new("退回", "Return"),
    };

    /// <summary>What a refused move could not do, in English after "it cannot".</summary>
    public static string Cannot(string move) => move switch
    {
        "progress" => "take progress notes",
        "done" => "be reported done",
        "verify" => "be verified",
        _ => "be returned",
    };

    /// <summary>A refusal as the page shows it: the message, then each field's problem.</summary>
    public static string Refusal(DomainException e) =>
        e.Errors is { Count: > 0 } errors ? $"{e.Text} {string.Join(" ", errors.Select(p => $"[{p.Key}] {string.Join(" ", p.Value)}"))}" : e.Text;

    public static string Code(TaskState s) => s switch
    {
        TaskState.Open => "open", TaskState.InProgress => "in-progress", TaskState.Done => "done", _ => "verified",
    };

    public static TaskState? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "open" => TaskState.Open, "in-progress" => TaskState.InProgress, "done" => TaskState.Done, "verified" => TaskState.Verified, _ => null,
    };
}
