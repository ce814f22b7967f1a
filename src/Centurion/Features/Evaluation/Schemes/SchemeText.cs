using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Schemes;

/// <summary>The scoring scheme page's words, and the names of a scheme's methods, kinds and events in both languages.</summary>
public static class SchemeText
{
    public static readonly Phrase Title = new("计分方案", "Scoring scheme");
    public static readonly Phrase Evaluation = new("考核评比", "Evaluation");
    public static readonly Phrase Versions = new("版本", "Versions");
    public static readonly Phrase VersionNo = new("第 {0} 版", "Version {0}");
    public static readonly Phrase FromMonth = new("适用起始月", "Applies from");
    public static readonly Phrase State = new("状态", "State");
    public static readonly Phrase PublishedBy = new("发布人", "Published by");
    public static readonly Phrase Draft = new("草稿", "Draft");
    public static readonly Phrase Published = new("已发布", "Published");
    public static readonly Phrase NoVersions = new("尚无计分方案。", "No scoring scheme yet.");
    public static readonly Phrase Base = new("基础分", "Base points");
    public static readonly Phrase AppealDays = new("申诉期限（天）", "Appeal period (days)");
    public static readonly Phrase AppealDaysValue = new("发布后 {0} 天内", "within {0} days of publication");
    public static readonly Phrase PublishRanking = new("向各单位公开排名", "Units see the peers' ranking");
    public static readonly Phrase RankingPublished = new("公开", "published");
    public static readonly Phrase RankingNotPublished = new("不公开（各单位只见本单位）", "not published (a unit sees only its own)");
    public static readonly Phrase IndicatorRules = new("指标计分", "Indicator points");
    public static readonly Phrase Indicator = new("指标", "Indicator");
    public static readonly Phrase Method = new("计分方式", "Method");
    public static readonly Phrase Weight = new("权重", "Weight");
    public static readonly Phrase Cap = new("封顶", "Cap");
    public static readonly Phrase LowerIsBetter = new("越低越好", "Lower is better");
    public static readonly Phrase Target = new("目标值", "Target");
    public static readonly Phrase LowBase = new("低基数阈值", "Low base");
    public static readonly Phrase RequireSignificance = new("须显著", "Must be significant");
    public static readonly Phrase Deductions = new("扣分项", "Deductions");
    public static readonly Phrase Bonuses = new("加分项", "Bonuses");
    public static readonly Phrase Kind = new("类别", "Kind");
    public static readonly Phrase Points = new("每次分值", "Points each");
    public static readonly Phrase MonthlyCap = new("月封顶", "Monthly cap");
    public static readonly Phrase Lists = new("红黑榜规则", "List rules");
    public static readonly Phrase RedTop = new("红榜：前 N 名", "Red list: top N");
    public static readonly Phrase BlackBottom = new("黑榜：后 N 名", "Black list: bottom N");
    public static readonly Phrase MajorIncident = new("发生重大负面事件的单位一律列入黑榜", "A unit with a major negative incident goes on the black list");
    public static readonly Phrase Precedence = new("同时符合时", "When on both");
    public static readonly Phrase TieRule = new("并列时依次按：得分、扣分较少、单位代码。", "Ties are broken by the score, then fewer deduction points, then the unit's code.");
    public static readonly Phrase Yes = new("是", "yes");
    public static readonly Phrase No = new("否", "no");
    public static readonly Phrase None = new("无", "none");
    public static readonly Phrase History = new("修改记录", "History");
    public static readonly Phrase Who = new("操作人", "By");
    public static readonly Phrase Event = new("事项", "Event");
    public static readonly Phrase EditDraft = new("编辑草稿", "Edit the draft");
    public static readonly Phrase AddRow = new("添加一行", "Add a row");
    public static readonly Phrase RemoveRow = new("删除", "Remove");
    public static readonly Phrase SaveDraft = new("保存草稿", "Save the draft");
    public static readonly Phrase DraftSaved = new("草稿已保存。", "The draft is saved.");
    public static readonly Phrase Publish = new("发布草稿", "Publish the draft");
    public static readonly Phrase PublishWarning = new("发布后该版本永不能修改，并自其适用月起用于考核。", "Once published the version never changes, and scores every month from its month on.");
    public static readonly Phrase PublishConfirm = new("我确认发布此版本", "I confirm publishing this version");
    public static readonly Phrase ConfirmFirst = new("请勾选确认后再发布。", "Tick the confirmation to publish.");
    public static readonly Phrase PublishedNow = new("已发布。", "Published.");
    public static readonly Phrase NewDraft = new("新建草稿（复制最新发布版）", "New draft (a copy of the latest published version)");
    public static readonly Phrase ExportJson = new("导出 JSON", "Export JSON");
    public static readonly Phrase Import = new("导入 JSON 到草稿", "Import JSON into the draft");
    public static readonly Phrase ImportText = new("JSON 文本", "JSON text");
    public static readonly Phrase ImportFile = new("或选择 JSON 文件", "or choose a JSON file");
    public static readonly Phrase ImportNothing = new("请粘贴 JSON 或选择文件", "paste the JSON or choose a file");
    public static readonly Phrase Imported = new("已导入草稿。", "Imported into the draft.");
    public static readonly Phrase ImportHelp = new("须为本系统导出的计分方案 JSON（格式见 README）；不认识的字段一律拒收。", "A scheme JSON as exported here (its schema is in the README); an unknown field is refused.");
    public static readonly Phrase NeedNumber = new("请填写数字", "enter a number");
    public static readonly Phrase NeedWhole = new("请填写整数", "enter a whole number");
    public static readonly Phrase BadChoice = new("请从列表中选择", "choose one from the list");
    public static readonly Phrase ReadOnlyNote = new("各单位可查看已发布的计分方案。", "Units may read the published scheme they are scored by.");

    public static Phrase MethodName(IndicatorMethod m) => m switch
    {
        IndicatorMethod.Rank => new("按排名", "by rank"),
        IndicatorMethod.Target => new("按目标完成", "by target attained"),
        _ => new("按同比改善", "by year-on-year improvement"),
    };

    public static Phrase MethodRule(IndicatorMethod m) => m switch
    {
        IndicatorMethod.Rank => new("第一名得“权重”分，依次递减至末名 0 分", "the first earns the weight, falling evenly to 0 for the last"),
        IndicatorMethod.Target => new("恰好完成目标得“权重”分，按比例增减", "the weight at exactly the target, pro rata around it"),
        _ => new("每改善 1 个百分点得“权重”分", "the weight per percentage point of improvement"),
    };

    public static Phrase KindName(FactKind k) => EvaluationText.KindName(k);

    public static Phrase PrecedenceName(ListPrecedence p) => p == ListPrecedence.BlackWins ? new("黑榜优先", "the black list wins") : new("红榜优先", "the red list wins");

    public static Phrase StateName(string state) => state == "draft" ? Draft : Published;

    public static Phrase EventName(string e) => e switch
    {
        "drafted" => new("创建草稿", "drafted"),
        "edited" => new("修改", "edited"),
        _ => new("发布", "published"),
    };
}
