using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.TroubleSpots;

public static class TroubleSpotText
{
    public static readonly Phrase Title = new("治安乱点", "Trouble spots");
    public static readonly Phrase New = new("挂牌乱点", "List a trouble spot");
    public static readonly Phrase EditTitle = new("修改乱点登记", "Edit trouble spot");
    public static readonly Phrase Spot = new("乱点", "Trouble spot");
    public static readonly Phrase Name = new("乱点名称（地点）", "Name (place)");
    public static readonly Phrase Reason = new("挂牌原因", "Why listed");
    public static readonly Phrase Leader = new("责任领导", "Responsible leader");
    public static readonly Phrase Unit = new("责任单位", "Responsible unit");
    public static readonly Phrase ListedBy = new("挂牌人", "Listed by");
    public static readonly Phrase ListedOn = new("挂牌日期", "Listed on");
    public static readonly Phrase Deadline = new("整治期限", "Deadline");
    public static readonly Phrase Evidence = new("整治证据", "Evidence");
    public static readonly Phrase RecheckDue = new("复查日期", "Re-check due");
    public static readonly Phrase Recurrences = new("反弹次数", "Recurrences");
    public static readonly Phrase DaysOpen = new("挂牌天数", "Days open");
    public static readonly Phrase Longitude = new("经度", "Longitude");
    public static readonly Phrase Latitude = new("纬度", "Latitude");
    public static readonly Phrase StartRectifying = new("开始整治", "Start rectifying");
    public static readonly Phrase Clear = new("整治完成", "Cleared");
    public static readonly Phrase RecheckClear = new("复查：已巩固，销号", "Re-check: still clear, close");
    public static readonly Phrase RecheckBack = new("复查：反弹，重新整治", "Re-check: found back, reopen");
    public static readonly Phrase NewDeadline = new("新的整治期限", "New deadline");
    public static readonly Phrase Note = new("情况说明", "Note");
    public static readonly Phrase MostRecurring = new("乱点反弹最多的单位", "Units with the most recurring spots");
    public static readonly Phrase OpenAndOverdue = new("未销号与逾期乱点", "Open and overdue spots by unit");
    public static readonly Phrase Open = new("整治中", "Open");
    public static readonly Phrase Overdue = new("逾期", "Overdue");
    public static readonly Phrase Reopened = new("反弹乱点", "Reopened spots");
    public static readonly Phrase RecheckInterval = new("整治完成后 {0} 天复查（行动设定）。", "Re-checked {0} days after clearing (set by the campaign).");

    public static readonly Phrase IntervalTitle = new("复查间隔", "Re-check interval");
    public static readonly Phrase IntervalDays = new("整治完成后几天复查（1 至 180）", "Days from clearing to the re-check (1 to 180)");
    public static readonly Phrase IntervalSaved = new("已保存：{0} 整治完成后 {1} 天复查。", "Saved: {0} re-checks {1} days after clearing.");
    public static Phrase IntervalNotNumber(string typed) => new($"复查间隔“{typed}”应为 1 至 180 的整数天数。", $"The re-check interval “{typed}” should be a whole number of days, 1 to 180.");
    public static readonly Phrase Days = new("{0} 天", "{0} days");

    public static Phrase Status(TroubleSpotStatus s) => s switch
    {
        TroubleSpotStatus.Listed => new("已挂牌", "Listed"),
        TroubleSpotStatus.Rectifying => new("整治中", "Rectifying"),
        TroubleSpotStatus.Cleared => new("待复查", "Cleared"),
        _ => new("已销号", "Closed"),
    };
}
