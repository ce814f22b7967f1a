using Centurion.Features.Ledgers.KeyPlaces;
using Centurion.Features.Ledgers.Reconciliation;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers;

/// <summary>Words the ledgers share.</summary>
public static class LedgerText
{
    public static readonly Phrase Ledgers = new("台账", "Ledgers");
    public static readonly Phrase HubIntro = new("各单位的基础工作台账：逐单位登记，可与上报数据核对。", "Each unit's field ledgers, entered unit by unit and checked against the reported figures.");
    public static readonly Phrase NotSaved = new("未保存：请改正标出的错误。", "Not saved: correct the errors marked.");
    public static readonly Phrase Registered = new("登记", "Registered");
    public static readonly Phrase KeyPlaces = new("重点场所", "Key places");
    public static readonly Phrase KeyPlace = new("重点场所", "Key place");
    public static readonly Phrase Visits = new("巡查检查", "Patrol and check visits");
    public static readonly Phrase NightOperations = new("夜查行动", "Night sweep-and-rectify operations");
    public static readonly Phrase Reconciliation = new("台账与上报数据核对", "Ledgers against reported figures");
    public static readonly Phrase Map = new("重点场所与治安乱点地图", "Map of key places and trouble spots");
    public static readonly Phrase New = new("新增", "New");
    public static readonly Phrase Edit = new("修改", "Edit");
    public static readonly Phrase Export = new("导出 XLSX", "Export XLSX");
    public static readonly Phrase Import = new("导入", "Import");
    public static readonly Phrase ImportEntries = new("导入台账（CSV/XLSX）", "Import ledger entries (CSV/XLSX)");
    public static readonly Phrase History = new("变更记录", "History of changes");
    public static readonly Phrase Unit = new("单位", "Unit");
    public static readonly Phrase Type = new("类型", "Type");
    public static readonly Phrase State = new("状态", "State");
    public static readonly Phrase AllTypes = new("全部类型", "All types");
    public static readonly Phrase AllStates = new("全部状态", "All states");
    public static readonly Phrase Address = new("地址", "Address");
    public static readonly Phrase Longitude = new("经度", "Longitude");
    public static readonly Phrase Latitude = new("纬度", "Latitude");
    public static readonly Phrase Risk = new("风险等级", "Risk level");
    public static readonly Phrase OpeningHours = new("营业时间", "Opening hours");
    public static readonly Phrase Reason = new("理由", "Reason");
    public static readonly Phrase Close = new("停业关闭", "Close");
    public static readonly Phrase Reopen = new("恢复营业", "Reopen");
    public static readonly Phrase VisitedAt = new("巡查时间", "When");
    public static readonly Phrase PlaceOrArea = new("场所或区域", "Place or area");
    public static readonly Phrase Area = new("巡查区域（不选场所时填写）", "Area (when no place is chosen)");
    public static readonly Phrase NoPlace = new("（不针对具体场所）", "(no particular place)");
    public static readonly Phrase Police = new("警力人次", "Police person-times");
    public static readonly Phrase SocialForces = new("群防群治力量人次", "Social-force person-times");
    public static readonly Phrase Findings = new("发现情况", "What was found");
    public static readonly Phrase Date = new("日期", "Date");
    public static readonly Phrase PlacesCovered = new("清查场所数", "Places covered");
    public static readonly Phrase PoliceDeployed = new("出动警力", "Police deployed");
    public static readonly Phrase PeopleChecked = new("盘查人员", "People checked");
    public static readonly Phrase SuspectsCaught = new("查获嫌疑人", "Suspects caught");
    public static readonly Phrase CasesOpened = new("立案", "Cases opened");
    public static readonly Phrase Notes = new("备注", "Notes");
    public static readonly Phrase RecordedBy = new("登记人", "Recorded by");
    public static readonly Phrase Total = new("共 {0} 条", "{0} in all");
    public static readonly Phrase Previous = new("上一页", "Previous");
    public static readonly Phrase Next = new("下一页", "Next");
    public static readonly Phrase PageOf = new("第 {0} / {1} 页", "Page {0} of {1}");
    public static readonly Phrase Visit = new("巡查检查", "Visit");
    public static readonly Phrase NightOperation = new("夜查行动", "Night operation");
    public static readonly Phrase Record = new("登记", "Record");
    public static readonly Phrase Campaign = new("专项行动", "Campaign");
    public static readonly Phrase Ledger = new("台账", "Ledger");
    public static readonly Phrase Reported = new("上报", "Reported");
    public static readonly Phrase Agree = new("一致", "Agree");
    public static readonly Phrase LedgerHigher = new("台账偏高", "Ledger higher");
    public static readonly Phrase LedgerLower = new("台账偏低", "Ledger lower");
    public static readonly Phrase NotReported = new("未上报此项", "Not reported");
    public static readonly Phrase Disagreeing = new("台账与上报不一致的填报单位（{0}）", "Reporting units where the ledgers and the reports disagree ({0})");
    public static readonly Phrase AllAgree = new("所有填报单位的台账与上报数据一致。", "Every reporting unit's ledgers agree with its reports.");
    public static readonly Phrase ByChildUnit = new("按下级单位", "By unit below");
    public static readonly Phrase Open = new("打开", "Open");

    public static Phrase TypeName(string type) => type switch
    {
        "bbq-stall" => new("烧烤摊", "Barbecue stall"),
        "night-food-stall" => new("夜宵摊", "Late-night food stall"),
        "bar" => new("酒吧", "Bar"),
        "ktv" => new("KTV", "KTV"),
        "internet-cafe" => new("网吧", "Internet café"),
        "hotel" => new("旅馆", "Hotel"),
        "school-gate" => new("校园周边", "School gate"),
        _ => new("其他", "Other"),
    };

    public static Phrase StateName(KeyPlaceState? state) => state switch
    {
        KeyPlaceState.Active => new("营业", "Active"),
        KeyPlaceState.Closed => new("停业关闭", "Closed"),
        _ => new("—", "—"),
    };

    public static Phrase RiskName(RiskLevel risk) => risk switch
    {
        RiskLevel.High => new("高", "High"),
        RiskLevel.Medium => new("中", "Medium"),
        _ => new("低", "Low"),
    };

    public static Phrase VerdictName(Verdict v) => v switch
    {
        Verdict.Agree => Agree,
        Verdict.LedgerHigher => LedgerHigher,
        Verdict.LedgerLower => LedgerLower,
        _ => NotReported,
    };
}
