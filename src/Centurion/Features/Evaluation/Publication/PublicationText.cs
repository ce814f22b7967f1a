using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Publication;

/// <summary>The words of publication, appeals and corrections, in both languages.</summary>
public static class PublicationText
{
    public static readonly Phrase PublishByOffice = new("考核结果由行动专班发布。", "Publishing the evaluation belongs to the campaign office.");
    public static readonly Phrase DecideByOffice = new("申诉由行动专班决定。", "Appeals are decided by the campaign office.");
    public static readonly Phrase OfficeOnly = new("仅行动专班可查看当前计算结果。", "Only the campaign office sees the current computation.");
    public static readonly Phrase AppealByUnit = new("申诉由被考核单位的领导或专班提出。", "An appeal is lodged by the evaluated unit's own leaders or campaign office.");
    public static readonly Phrase NoSuchPoint = new("请选择本单位已发布得分中的一项扣分。", "Choose a deduction of the unit's published score.");
    public static readonly Phrase AlreadyAppealed = new("该扣分项已有申诉（待决定或已采纳）。", "That deduction already has an appeal (open or upheld).");

    public static Phrase NotPublished(string month) => new($"{month} 的考核结果尚未发布。", $"{month}'s evaluation is not published.");
    public static Phrase AlreadyPublished(string month, int version) => new($"{month} 已按第 {version} 版评分方案发布，不能再次发布。", $"{month} is already published under scheme version {version}; it cannot be published again.");
    public static Phrase NoScheme(string month) => new($"没有适用于 {month} 的已发布评分方案，无法发布。", $"No published scoring scheme applies to {month}; there is nothing to publish.");
    public static Phrase NotOver(string month, DateOnly last) => new($"{month} 尚未结束（截至 {last:yyyy-MM-dd}），结束后才能发布。", $"{month} is not over (it runs to {last:yyyy-MM-dd}); it can be published once it is.");

    public static readonly Phrase Publication = new("考核结果发布", "Published evaluation");
    public static readonly Phrase Appeals = new("申诉", "Appeals");
    public static readonly Phrase Appeal = new("申诉", "Appeal");
    public static readonly Phrase Evaluation = new("考核", "Evaluation");
    public static readonly Phrase Month = new("月份", "Month");
    public static readonly Phrase Rank = new("名次", "Rank");
    public static readonly Phrase Unit = new("单位", "Unit");
    public static readonly Phrase Score = new("得分", "Score");
    public static readonly Phrase List = new("红黑榜", "List");
    public static readonly Phrase ListReason = new("上榜依据", "Why");
    public static readonly Phrase Corrected = new("更正后", "Corrected");
    public static readonly Phrase Window = new("考核期间", "Period");
    public static readonly Phrase SchemeVersion = new("评分方案版本", "Scheme version");
    public static readonly Phrase PublishedBy = new("发布人", "Published by");
    public static readonly Phrase PublishedAt = new("发布时间", "Published at");
    public static readonly Phrase AsOf = new("数据截至", "Figures as of");
    public static readonly Phrase AppealUntil = new("申诉截止", "Appeals until");
    public static readonly Phrase Sha = new("快照 SHA-256", "Snapshot SHA-256");
    public static readonly Phrase Frozen = new("发布结果已冻结：之后的数据更正只显示为差异，不改动发布结果。", "The publication is frozen: a later correction of a figure shows as a difference, never as a change to it.");
    public static readonly Phrase Differences = new("与当前计算的差异", "Differences against now");
    public static readonly Phrase NoDifferences = new("按当前数据重新计算，结果与发布时相同。", "Computed again from today's figures, the month is as published.");
    public static readonly Message DifferenceCount = new("按当前数据重新计算，{0} 个单位与发布时不同：", "Computed again from today's figures, {0} units differ from the publication:");
    public static readonly Phrase PublishedScore = new("发布得分", "Published");
    public static readonly Phrase NowScore = new("现在计算", "Would now be");
    public static readonly Phrase PublishedRank = new("发布名次", "Published rank");
    public static readonly Phrase NowRank = new("现在名次", "Rank now");
    public static readonly Phrase Corrections = new("更正记录", "Corrections");
    public static readonly Phrase NoCorrections = new("暂无更正。", "No corrections.");
    public static readonly Phrase PointsRestored = new("恢复分值", "Points restored");
    public static readonly Phrase CorrectedScore = new("更正后得分", "Corrected score");
    public static readonly Phrase Reason = new("理由", "Reason");
    public static readonly Phrase When = new("日期", "Date");
    public static readonly Phrase Who = new("经办人", "By");
    public static readonly Phrase NotYetShort = new("未发布", "Not published");
    public static readonly Phrase NotYet = new("本月考核结果尚未发布。", "This month's evaluation is not published yet.");
    public static readonly Phrase Publish = new("发布本月考核结果", "Publish this month");
    public static readonly Phrase WillPublish = new("将发布当前计算结果（按现在的数据），发布后即冻结：", "Publishing stores the current computation (today's figures) and freezes it:");
    public static readonly Phrase Top = new("前列", "Top");
    public static readonly Phrase Bottom = new("末位", "Bottom");
    public static readonly Phrase Live = new("实时考核", "Live evaluation");
    public static readonly Phrase Explanation = new("得分明细（发布时）", "Explanation as published");
    public static readonly Phrase Rule = new("规则", "Rule");
    public static readonly Phrase Source = new("来源", "Source");
    public static readonly Phrase Value = new("取值", "Value");
    public static readonly Phrase Points = new("分值", "Points");
    public static readonly Phrase AppealThis = new("申诉", "Appeal");
    public static readonly Phrase AppealFor = new("对以下扣分提出申诉", "Appeal against this deduction");
    public static readonly Phrase AppealReason = new("申诉理由", "Reason for the appeal");
    public static readonly Phrase Send = new("提交申诉", "Lodge the appeal");
    public static readonly Message AppealOpenUntil = new("申诉期至 {0}（含）。", "Appeals are open until {0} (inclusive).");
    public static readonly Message AppealClosed = new("申诉期已于 {0} 结束。", "The appeal period ended on {0}.");
    public static readonly Phrase AllStates = new("全部", "All");
    public static readonly Phrase State = new("状态", "State");
    public static readonly Phrase Filter = new("筛选", "Filter");
    public static readonly Phrase NoAppeals = new("没有申诉。", "No appeals.");
    public static readonly Phrase LodgedBy = new("申诉人", "Lodged by");
    public static readonly Phrase Lodged = new("提出时间", "Lodged");
    public static readonly Phrase Decided = new("决定时间", "Decided");
    public static readonly Phrase Decision = new("决定理由", "Decision");
    public static readonly Phrase History = new("经过", "History");
    public static readonly Phrase Event = new("事项", "Event");
    public static readonly Phrase Evidence = new("证据", "Evidence");
    public static readonly Phrase Uphold = new("采纳", "Uphold");
    public static readonly Phrase Dismiss = new("驳回", "Dismiss");
    public static readonly Phrase DecisionReason = new("决定理由", "Reason for the decision");
    public static readonly Phrase Correction = new("更正", "Correction");
    public static readonly Phrase Deduction = new("扣分项", "Deduction");
    public static readonly Phrase NoneShown = new("无", "None");

    /// <summary>A stored list name (red, black, none) as the live ranking names it.</summary>
    public static Phrase ListName(string list) => EvaluationText.ListName(Enum.TryParse<Scoring.ListName>(list, ignoreCase: true, out var l) ? l : Scoring.ListName.None);

    public static Phrase StateName(string state) => state switch
    {
        "open" => new("待决定", "Open"),
        "upheld" => new("已采纳", "Upheld"),
        _ => new("已驳回", "Dismissed"),
    };

    public static Phrase EventName(string e) => e switch
    {
        "lodged" => new("提出申诉", "Lodged"),
        "upheld" => new("采纳", "Upheld"),
        _ => new("驳回", "Dismissed"),
    };

    public sealed record Message(string Zh, string En)
    {
        public Phrase Phrase(params object[] args) => new(string.Format(Zh, args), string.Format(System.Globalization.CultureInfo.InvariantCulture, En, args));
    }
}
