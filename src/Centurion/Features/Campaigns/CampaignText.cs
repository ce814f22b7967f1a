using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

public static class CampaignText
{
    public static readonly Phrase CampaignsTitle = new("专项行动", "Campaigns");
    public static readonly Phrase Incidents = new("负面事件和表扬", "Incidents and commendations");
    public static readonly Phrase DueToday = new("今日应报（{0}）", "Due today ({0})");
    public static readonly Phrase LastPeriod = new("最后一期报表（{0}）", "Last period's report ({0})");
    public static readonly Phrase FirstPeriod = new("第一期报表（{0}）", "First period's report ({0})");
    public static readonly Phrase NewCampaign = new("新建专项行动", "New campaign");
    public static readonly Phrase Dates = new("起止日期", "Dates");
    public static readonly Phrase StartDate = new("开始日期", "Start date");
    public static readonly Phrase EndDate = new("结束日期", "End date");
    public static readonly Phrase CadenceLabel = new("填报频次", "Reporting cadence");
    public static readonly Phrase Deadline = new("截止时间", "Deadline");
    public static readonly Phrase DeadlineDays = new("周期结束后第几天截止", "Days after the period");
    public static readonly Phrase DeadlineTime = new("截止时刻（北京时间）", "Time of day (province time)");
    public static readonly Phrase ReportingLevel = new("填报层级", "Reporting level");
    public static readonly Phrase Indicators = new("指标", "Indicators");
    public static readonly Phrase Phases = new("阶段", "Phases");
    public static readonly Phrase Tasks = new("重点任务", "Key tasks");
    public static readonly Phrase LeaderLinks = new("厅领导联系市（州）", "Leaders linked to prefectures");
    public static readonly Phrase ReportingUnits = new("填报单位", "Reporting units");
    public static readonly Phrase OwnerLine = new("牵头警种", "Owner line");
    public static readonly Phrase Create = new("创建", "Create");
    public static readonly Phrase None = new("暂无。", "None yet.");
    public static readonly Phrase Reported = new("单位填报", "reported");
    public static readonly Phrase Derived = new("案件统计", "from case records");
    public static readonly Phrase LinesFormat = new("每行一项，用“|”分隔", "One per line, fields separated by “|”");

    public static readonly Phrase State = new("状态", "State");

    public static Phrase CadenceName(Cadence c) => c == Cadence.Daily ? new("日报", "Daily") : new("周报", "Weekly");

    public static Phrase DeadlineRule(Campaign c) => new(
        $"每期结束后第 {c.DeadlineDaysAfter} 天 {c.DeadlineTime:HH\\:mm} 前",
        $"by {c.DeadlineTime:HH\\:mm} on day {c.DeadlineDaysAfter} after each period");

    public static string DateRange(DateOnly from, DateOnly to) =>
        Lang.IsEnglish ? $"{from:d MMM yyyy} – {to:d MMM yyyy}" : $"{from:yyyy年M月d日}至{to:yyyy年M月d日}";

    public static readonly Phrase PublishedEvaluation = new("考核结果发布", "Published evaluation");
    public static readonly Phrase EvaluationAppeals = new("考核申诉", "Evaluation appeals");
}
