using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.Disputes;

public static class DisputeText
{
    public static readonly Phrase Title = new("矛盾纠纷台账", "Disputes ledger");
    public static readonly Phrase New = new("登记纠纷", "Record a dispute");
    public static readonly Phrase EditTitle = new("修改纠纷登记", "Edit dispute");
    public static readonly Phrase Dispute = new("纠纷", "Dispute");
    public static readonly Phrase Parties = new("当事人", "Parties");
    public static readonly Phrase PartiesHint = new("只写姓名或描述（如“王某与李某”），不写身份证号和电话。", "Names or descriptions only (e.g. “Mr Wang and Ms Li”), never ID or phone numbers.");
    public static readonly Phrase Type = new("类型", "Type");
    public static readonly Phrase Risk = new("风险等级", "Risk level");
    public static readonly Phrase Place = new("发生地点", "Where");
    public static readonly Phrase FoundOn = new("发现日期", "Found on");
    public static readonly Phrase Source = new("发现途径", "Found by");
    public static readonly Phrase Summary = new("简要情况", "Summary");
    public static readonly Phrase StatusLabel = new("状态", "Status");
    public static readonly Phrase Note = new("情况说明", "Note");
    public static readonly Phrase EscalatedTo = new("移交对象", "Escalated to");
    public static readonly Phrase History = new("变更记录", "History of changes");
    public static readonly Phrase FollowUp = new("回访", "Follow-up visit");
    public static readonly Phrase AddFollowUp = new("记录回访", "Record a follow-up visit");
    public static readonly Phrase StartMediation = new("开始调解", "Start mediation");
    public static readonly Phrase Resolve = new("化解成功", "Resolved");
    public static readonly Phrase Escalate = new("移交", "Escalate");
    public static readonly Phrase Fail = new("化解失败", "Failed");
    public static readonly Phrase Round = new("排查轮次", "Screening round");

    public static Phrase Status(DisputeStatus s) => s switch
    {
        DisputeStatus.Found => new("已发现", "Found"),
        DisputeStatus.Mediating => new("调解中", "Mediating"),
        DisputeStatus.Resolved => new("已化解", "Resolved"),
        DisputeStatus.Escalated => new("已移交", "Escalated"),
        _ => new("化解失败", "Failed"),
    };

    public static Phrase TypeName(DisputeType t) => t switch
    {
        DisputeType.Neighbour => new("邻里纠纷", "Neighbour"),
        DisputeType.Family => new("婚姻家庭", "Family"),
        DisputeType.Labour => new("劳资纠纷", "Labour"),
        DisputeType.Land => new("土地纠纷", "Land"),
        DisputeType.Commercial => new("经济纠纷", "Commercial"),
        _ => new("其他", "Other"),
    };

    public static Phrase SourceName(DisputeSource s) => s switch
    {
        DisputeSource.Screening => new("排查发现", "Screening round"),
        DisputeSource.Call => new("群众来电", "Call"),
        _ => new("来访", "Walk-in"),
    };

    public static Phrase RiskName(RiskLevel r) => r switch
    {
        RiskLevel.Low => new("低", "Low"),
        RiskLevel.Medium => new("中", "Medium"),
        _ => new("高", "High"),
    };

    public static Phrase TargetName(EscalationTarget t) => t == EscalationTarget.HigherUnit ? new("上级单位", "A higher unit") : new("其他部门", "Another agency");
}
