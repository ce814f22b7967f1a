using Centurion.Infrastructure;

namespace Centurion.Features.Supervision.Listing;

public static class ListingText
{
    public static readonly Phrase Listings = new("挂牌督办", "Listed supervision");
    public static readonly Phrase Listing = new("挂牌督办事项", "Listing");
    public static readonly Phrase NewListing = new("挂牌督办", "List for supervision");
    public static readonly Phrase NewSpot = new("治安乱点挂牌督办", "List a trouble spot");
    public static readonly Phrase Kind = new("类型", "Kind");
    public static readonly Phrase Subject = new("督办事项", "What is listed");
    public static readonly Phrase Place = new("乱点地点", "Place");
    public static readonly Phrase Problem = new("突出问题", "Problem");
    public static readonly Phrase Reason = new("挂牌理由", "Reason for listing");
    public static readonly Phrase Interval = new("进展报送间隔（天，1–90）", "Progress report every (days, 1–90)");
    public static readonly Phrase IntervalTitle = new("报送间隔", "Report interval");
    public static readonly Phrase Days = new("{0} 天", "{0} days");
    public static readonly Phrase TargetDate = new("目标完成日期（可不填）", "Target date (optional)");
    public static readonly Phrase TargetTitle = new("目标完成日期", "Target date");
    public static readonly Phrase NextDue = new("下次进展报送截止", "Next progress report due");
    public static readonly Phrase Reports = new("已报进展", "Progress reports");
    public static readonly Phrase LateReports = new("逾期报送", "Late reports");
    public static readonly Phrase ReportText = new("整改进展", "Progress");
    public static readonly Phrase SendReport = new("报送进展", "File the progress report");
    public static readonly Phrase Conclusion = new("督办结论", "Conclusion");
    public static readonly Phrase Delist = new("撤牌", "Delist");
    public static readonly Phrase ListedBy = new("挂牌人", "Listed by");
    public static readonly Phrase Event = new("事项", "Step");
    public static readonly Phrase Late = new("逾期", "late");
    public static readonly Phrase AllStates = new("全部状态", "All states");
    public static readonly Phrase OnlyOverdue = new("只看逾期未报", "Overdue only");
    public static readonly Phrase TextOnly = new("进展以文字报送；证据文件请附在整改事项上。", "Progress is reported as text; attach evidence files to the rectification item.");
    public static readonly Phrase ItemRequiredForDelist = new("整改事项销号后方可撤牌。", "The listing can be delisted once the item is closed out.");

    public static Phrase KindName(ListingKind k) => k == ListingKind.Item ? new("整改事项", "Rectification item") : new("治安乱点", "Trouble spot");

    public static Phrase StateName(ListingState s) => s == ListingState.Listed ? new("督办中", "Listed") : new("已撤牌", "Delisted");

    public static Phrase EventName(ListingEvent e) => e switch
    {
        ListingEvent.Listed => new("挂牌", "Listed"),
        ListingEvent.Reported => new("报送进展", "Progress report"),
        _ => new("撤牌", "Delisted"),
    };

    public static string KindOf(string code) => SupervisionDesk.FromCode<ListingKind>(code) is { } k ? KindName(k) : code;
    public static string State(string code) => SupervisionDesk.FromCode<ListingState>(code) is { } s ? StateName(s) : code;
    public static string Step(string code) => SupervisionDesk.FromCode<ListingEvent>(code) is { } e ? EventName(e) : code;
}
