using Centurion.Features.Supervision.Inspections;
using Centurion.Features.Supervision.Rectification;
using Centurion.Infrastructure;

namespace Centurion.Features.Supervision;

public static class SupervisionText
{
    public static readonly Phrase Supervision = new("督导检查", "Supervision");
    public static readonly Phrase Teams = new("督导组", "Supervision teams");
    public static readonly Phrase Team = new("督导组", "Team");
    public static readonly Phrase Leader = new("带队领导", "Leader");
    public static readonly Phrase Members = new("成员", "Members");
    public static readonly Phrase Prefectures = new("联系市（州）", "Linked prefectures");
    public static readonly Phrase Lines = new("负责警种", "Lines covered");
    public static readonly Phrase AllLines = new("全部警种", "All lines");
    public static readonly Phrase Plans = new("暗访检查计划", "Inspection plans");
    public static readonly Phrase Plan = new("检查计划", "Inspection plan");
    public static readonly Phrase NewPlan = new("制定检查计划", "Plan an inspection");
    public static readonly Phrase Target = new("检查对象", "Target");
    public static readonly Phrase TargetUnit = new("检查单位（代码）", "Target unit (code)");
    public static readonly Phrase TargetPlace = new("或重点场所（编号）", "or key place (number)");
    public static readonly Phrase DrawTarget = new("随机抽取检查对象", "Draw the target at random");
    public static readonly Phrase Seed = new("随机种子（留空则随机生成）", "Seed (empty: a random one)");
    public static readonly Phrase DrawSeed = new("抽取种子", "Draw seed");
    public static readonly Phrase Candidates = new("候选对象数", "Candidates");
    public static readonly Phrase Reproduces = new("按种子复现一致", "Reproduces from its seed");
    public static readonly Phrase PlannedOn = new("计划日期", "Planned date");
    public static readonly Phrase Focus = new("检查重点", "Focus");
    public static readonly Phrase Checklist = new("检查清单（一行一项）", "Checklist (one item a line)");
    public static readonly Phrase ChecklistTitle = new("检查清单", "Checklist");
    public static readonly Phrase PlannedBy = new("制定人", "Planned by");
    public static readonly Phrase State = new("状态", "State");
    public static readonly Phrase Cancel = new("取消计划", "Cancel the plan");
    public static readonly Phrase Reason = new("理由", "Reason");
    public static readonly Phrase CarryOut = new("实施检查", "Carry out");
    public static readonly Phrase HappenedAt = new("检查时间", "When it happened");
    public static readonly Phrase Went = new("参加人员（用、或逗号分隔）", "Who went (separated by commas)");
    public static readonly Phrase WentTitle = new("参加人员", "Who went");
    public static readonly Phrase Passed = new("符合", "Passed");
    public static readonly Phrase NotPassed = new("不符合", "Not passed");
    public static readonly Phrase Note = new("说明", "Note");
    public static readonly Phrase Findings = new("发现问题", "Findings");
    public static readonly Phrase Finding = new("问题", "Finding");
    public static readonly Phrase NewFinding = new("登记问题", "Record a finding");
    public static readonly Phrase FirstFinding = new("发现的问题（可留空，之后再登记）", "A finding (may be left empty and recorded later)");
    public static readonly Phrase What = new("问题描述", "What was found");
    public static readonly Phrase Where = new("地点", "Where");
    public static readonly Phrase Severity = new("严重程度", "Severity");
    public static readonly Phrase Category = new("问题类别", "Category");
    public static readonly Phrase Line = new("警种", "Line");
    public static readonly Phrase NoLine = new("（不限警种）", "(no particular line)");
    public static readonly Phrase EvidenceNote = new("证据说明", "Evidence note");
    public static readonly Phrase RecordedBy = new("登记人", "Recorded by");
    public static readonly Phrase Items = new("整改事项", "Rectification items");
    public static Phrase Submission(int n) => new($"第 {n} 次提交", $"Submission {n}");
    public static readonly Phrase Item = new("整改事项", "Rectification item");
    public static readonly Phrase NewItem = new("交办整改", "Assign a rectification item");
    public static readonly Phrase ResponsibleUnit = new("责任单位（代码）", "Responsible unit (code)");
    public static readonly Phrase ResponsibleUnitTitle = new("责任单位", "Responsible unit");
    public static readonly Phrase ResponsiblePerson = new("责任人", "Responsible person");
    public static readonly Phrase Measure = new("整改措施", "Measure");
    public static readonly Phrase Deadline = new("整改期限", "Deadline");
    public static readonly Phrase NewDeadline = new("新的整改期限", "New deadline");
    public static readonly Phrase Overdue = new("逾期", "Overdue");
    public static readonly Phrase OnlyOverdue = new("只看逾期", "Overdue only");
    public static readonly Phrase Recurrences = new("反弹次数", "Recurrences");
    public static readonly Phrase Returns = new("退回次数", "Times returned");
    public static readonly Phrase ReturnReason = new("退回理由", "Why returned");
    public static readonly Phrase History = new("办理记录", "History");
    public static readonly Phrase Who = new("办理人", "By");
    public static readonly Phrase FromState = new("原状态", "From");
    public static readonly Phrase ToState = new("新状态", "To");
    public static readonly Phrase AllStates = new("全部状态", "All states");
    public static readonly Phrase AllTeams = new("全部督导组", "All teams");
    public static readonly Phrase UnitFilter = new("单位（含下级）", "Unit (and below)");
    public static readonly Phrase Filter = new("筛选", "Filter");
    public static readonly Phrase Open = new("打开", "Open");
    public static readonly Phrase None = new("暂无。", "None.");
    public static readonly Phrase Total = new("共 {0} 条", "{0} in all");
    public static readonly Phrase Saved = new("已保存。", "Saved.");
    public static readonly Phrase NotSaved = new("未保存：请改正标出的错误。", "Not saved: correct the errors marked.");
    public static readonly Phrase Secret = new("检查实施前，本计划仅督导组成员和行动专班可见（被检查单位及其上级均看不到）。",
        "Until it is carried out, this plan is seen only by the team and the campaign office (not by the inspected unit or any unit above it).");

    public static Phrase Move(string move) => move switch
    {
        "start" => new("开始整改", "Start rectifying"),
        "submit" => new("提交整改", "Submit"),
        "return" => new("退回", "Return"),
        "verify" => new("验收通过", "Verify"),
        "close-out" => new("销号", "Close out"),
        "reopen" => new("问题反弹，重新整改", "Found back: reopen"),
        _ => new(move, move),
    };

    public static Phrase PlanState(PlanState s) => s switch
    {
        Inspections.PlanState.Planned => new("待实施", "Planned"),
        Inspections.PlanState.CarriedOut => new("已实施", "Carried out"),
        _ => new("已取消", "Cancelled"),
    };

    public static Phrase ItemState(ItemState s) => s switch
    {
        Rectification.ItemState.Assigned => new("已交办", "Assigned"),
        Rectification.ItemState.InProgress => new("整改中", "In progress"),
        Rectification.ItemState.Submitted => new("待验收", "Submitted"),
        Rectification.ItemState.Verified => new("已验收", "Verified"),
        _ => new("已销号", "Closed out"),
    };

    public static Phrase SeverityName(Severity s) => s switch
    {
        Inspections.Severity.Minor => new("一般", "Minor"),
        Inspections.Severity.Major => new("较重", "Major"),
        _ => new("严重", "Serious"),
    };

    public static Phrase CategoryName(FindingCategory c) => c switch
    {
        FindingCategory.Duty => new("应急值守", "Emergency duty"),
        FindingCategory.Patrol => new("巡逻防控", "Patrol"),
        FindingCategory.KeyPlaces => new("重点场所", "Key places"),
        FindingCategory.TroubleSpots => new("治安乱点", "Trouble spots"),
        FindingCategory.Disputes => new("矛盾纠纷", "Disputes"),
        FindingCategory.Reporting => new("数据填报", "Reporting"),
        FindingCategory.Discipline => new("作风纪律", "Discipline"),
        _ => new("其他", "Other"),
    };

    /// <summary>A state's name from its stored text (the history rows keep the enum's name).</summary>
    public static string StateName(string stored) =>
        Enum.TryParse<ItemState>(stored, out var i) ? ItemState(i) : Enum.TryParse<PlanState>(stored, out var p) ? PlanState(p) : stored;
}

/// <summary>The pages' names for the API's codes (plan and item states, severities, categories).</summary>
public static class SupervisionNames
{
    public static string Plan(string code) => SupervisionDesk.FromCode<PlanState>(code) is { } s ? SupervisionText.PlanState(s) : code;
    public static string Item(string code) => SupervisionDesk.FromCode<ItemState>(code) is { } s ? SupervisionText.ItemState(s) : code;
    public static string Severity(string code) => SupervisionDesk.FromCode<Severity>(code) is { } s ? SupervisionText.SeverityName(s) : code;
    public static string Category(string code) => SupervisionDesk.FromCode<FindingCategory>(code) is { } s ? SupervisionText.CategoryName(s) : code;

    /// <summary>A refusal for the page: its title, then each field's problem (not again where it is the title, as an evidence file's is).</summary>
    public static string Refusal(DomainException e)
    {
        string title = e.Text;
        var fields = (e.Errors ?? new Dictionary<string, string[]>()).Select(p => (p.Key, Problems: p.Value.Where(v => v != title).ToList())).Where(p => p.Problems.Count > 0);
        return string.Join(" ", [title, .. fields.Select(p => $"[{p.Key}] {string.Join(" ", p.Problems)}")]);
    }
}
