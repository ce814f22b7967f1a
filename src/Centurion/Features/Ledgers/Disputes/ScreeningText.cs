using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers.Disputes;

public static class ScreeningText
{
    public static readonly Phrase Title = new("矛盾纠纷滚动排查", "Dispute screening rounds");
    public static readonly Phrase Round = new("轮次", "Round");
    public static readonly Phrase Dates = new("起止日期", "Dates");
    public static readonly Phrase Open = new("进行中", "Open");
    public static readonly Phrase Ended = new("已结束", "Ended");
    public static readonly Phrase Upcoming = new("未开始", "Upcoming");
    public static readonly Phrase Screened = new("已排查单位", "Units screened");
    public static readonly Phrase Missing = new("未排查单位", "Units that have not screened");
    public static readonly Phrase AddRounds = new("设置排查轮次", "Set screening rounds");
    public static readonly Phrase StartsOn = new("首轮开始日期", "First round starts on");
    public static readonly Phrase Days = new("每轮天数", "Days per round");
    public static readonly Phrase Count = new("轮数", "Rounds");
    public static readonly Phrase Record = new("登记本单位排查", "Record a screening");
    public static readonly Phrase ScreenedOn = new("排查日期", "Screened on");
    public static readonly Phrase Places = new("排查场所数", "Places covered");
    public static readonly Phrase Households = new("排查户数", "Households covered");
    public static readonly Phrase Found = new("发现纠纷数", "Disputes found");
    public static readonly Phrase Screenings = new("排查登记", "Screenings recorded");
    public static readonly Phrase Campaign = new("专项行动", "Campaign");
    public static readonly Phrase None = new("全部已排查", "All have screened");
}
