using Centurion.Data;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Campaigns;

public static class PlanText
{
    public static readonly Phrase EditPlan = new("编辑行动方案", "Edit the plan");
    public static readonly Phrase PlanClosed = new("本行动已结束，行动方案不能再修改。", "The campaign has ended; its plan can no longer be changed.");
    public static readonly Phrase NotYours = new("只有组织本行动的单位可以修改行动方案。", "Only the office of the unit that runs the campaign may change its plan.");
    public static readonly Phrase ResponsibleUnit = new("责任单位", "Responsible unit");
    public static readonly Phrase ResponsiblePerson = new("责任人", "Responsible person");
    public static readonly Phrase ResponsibleUser = new("责任人（系统用户）", "Responsible person (a user)");
    public static readonly Phrase ResponsibleName = new("或填写姓名", "or a name");
    public static readonly Phrase ResponsibleTitle = new("职务", "Title");
    public static readonly Phrase NoUser = new("（不选）", "(none)");
    public static readonly Phrase NoLine = new("（无）", "(none)");
    public static readonly Phrase LeaderName = new("领导姓名", "Leader");
    public static readonly Phrase LeaderTitle = new("职务", "Title");
    public static readonly Phrase Prefecture = new("联系市（州）", "Linked prefecture");
    public static readonly Phrase TitleZh = new("任务（中文）", "Task (Chinese)");
    public static readonly Phrase TitleEn = new("任务（英文）", "Task (English)");
    public static readonly Phrase Add = new("添加", "Add");
    public static readonly Phrase Remove = new("删除", "Remove");
    public static readonly Phrase RemoveUnit = new("移出", "Remove");
    public static readonly Phrase AddPhase = new("添加阶段", "Add a phase");
    public static readonly Phrase AddTask = new("添加重点任务", "Add a key task");
    public static readonly Phrase AddLeaderLink = new("添加领导联系", "Add a leader link");
    public static readonly Phrase AddUnit = new("添加填报单位（代码）", "Add a reporting unit (code)");
    public static readonly Phrase ReportCount = new("报表数", "Reports");
    public static readonly Phrase UnitsNote = new("已有报表的单位不能移出。", "A unit that has reports cannot be removed.");
    public static readonly Phrase BadDate = new("日期应为 YYYY-MM-DD。", "The date should be YYYY-MM-DD.");

    /// <summary>The responsible person as shown: the user (see <see cref="UserNamesAsync"/>) or the typed name, with the post.</summary>
    public static string Person(CampaignTask t, IReadOnlyDictionary<string, string> userNames)
    {
        var name = t.ResponsibleUserId is { } id ? userNames.GetValueOrDefault(id, "") : t.ResponsibleName;
        if (name.Length == 0 || t.ResponsibleTitle.Length == 0) return name;
        var post = PostTitles.Name(t.ResponsibleTitle);
        return Lang.IsEnglish ? $"{name} ({post})" : $"{name}（{post}）";
    }

    /// <summary>The tasks' responsible users by id: the display name, typed in Chinese (局领导), or in English the account's name.</summary>
    public static async Task<Dictionary<string, string>> UserNamesAsync(CenturionDb db, IEnumerable<CampaignTask> tasks)
    {
        var ids = tasks.Select(t => t.ResponsibleUserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync();
        return users.ToDictionary(u => u.Id, u => Lang.IsEnglish || u.DisplayName.Length == 0 ? u.UserName ?? "" : u.DisplayName);
    }
}
