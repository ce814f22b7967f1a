using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Incidents;

public static class RegisterText
{
    public static readonly Phrase Register = new("负面事件和表扬", "Incidents and commendations");
    public static readonly Phrase Entry = new("登记", "Entry");
    public static readonly Phrase Incident = new("负面事件", "Negative incident");
    public static readonly Phrase Commendation = new("表扬", "Commendation");
    public static readonly Phrase AllTypes = new("全部", "All");
    public static readonly Phrase Type = new("类型", "Type");
    public static readonly Phrase Date = new("日期", "Date");
    public static readonly Phrase Unit = new("单位", "Unit");
    public static readonly Phrase UnitCode = new("单位代码", "Unit code");
    public static readonly Phrase Kind = new("事件类别", "Kind of incident");
    public static readonly Phrase KindHint = new("如：群体性事件、涉警舆情、重大刑事案件", "e.g. mass incident, police-related public opinion, major criminal case");
    public static readonly Phrase Major = new("重大", "Major");
    public static readonly Phrase MajorLabel = new("重大负面事件（不论得分，列入黑榜）", "Major negative incident (black list whatever the score)");
    public static readonly Phrase Severity = new("严重程度", "Severity");
    public static readonly Phrase NotMajor = new("一般", "Not major");
    public static readonly Phrase Description = new("事件经过", "What happened");
    public static readonly Phrase Commended = new("受表扬的事迹", "What was commended");
    public static readonly Phrase AwardedBy = new("表扬单位", "Awarded by");
    public static readonly Phrase RecordedBy = new("登记人", "Recorded by");
    public static readonly Phrase RecordIncident = new("登记负面事件", "Record a negative incident");
    public static readonly Phrase RecordCommendation = new("登记表扬", "Record a commendation");
    public static readonly Phrase Withdraw = new("撤销登记", "Withdraw");
    public static readonly Phrase WithdrawReason = new("撤销理由", "Reason for withdrawing");
    public static readonly Phrase Withdrawn = new("已撤销", "Withdrawn");
    public static readonly Phrase Counts = new("计入考评", "Counts");
    public static readonly Phrase History = new("记录", "History");
    public static readonly Phrase Who = new("操作人", "By");
    public static readonly Phrase Step = new("事项", "Step");
    public static readonly Phrase Note = new("说明", "Note");
    public static readonly Phrase None = new("暂无登记。", "Nothing recorded.");
    public static readonly Phrase Filter = new("筛选", "Filter");
    public static readonly Phrase Total = new("共 {0} 条，其中已撤销 {1} 条", "{0} entries, {1} withdrawn");
    public static readonly Phrase OfficeOnly = new("负面事件和表扬由行动专班登记；已撤销的登记不再计入考评。",
        "The campaign office records incidents and commendations; a withdrawn entry no longer counts in the evaluation.");

    public static Phrase TypeName(RegisterType t) => t == RegisterType.Incident ? Incident : Commendation;

    public static string TypeOf(string code) => IncidentRegister.ParseType(code) is { } t ? TypeName(t) : code;

    public static string StepName(string code) => code == "recorded" ? new Phrase("登记", "Recorded") : new Phrase("撤销", "Withdrawn");

    public static string Refusal(DomainException e) =>
        e.Errors is { Count: > 0 } errors ? $"{e.Text} {string.Join(" ", errors.Select(p => $"[{Field(p.Key)}] {string.Join(" ", p.Value)}"))}" : e.Text;

    private static string Field(string key) => key switch
    {
        "unit" => Unit, "date" => Date, "kind" => Kind, "description" => new Phrase("说明", "Description"), "awardedBy" => AwardedBy,
        "reason" => WithdrawReason, _ => key,
    };
}
