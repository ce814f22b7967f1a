using Centurion.Infrastructure;

namespace Centurion.Features.Supervision.Lists;

/// <summary>The three lists' words, and their rows as spreadsheet rows with headers and values in the caller's language.</summary>
public static class ListText
{
    public static readonly Phrase Problems = new("问题清单", "Problem list");
    public static readonly Phrase Rectifications = new("整改清单", "Rectification list");
    public static readonly Phrase Responsibilities = new("责任清单", "Responsibility list");
    public static readonly Phrase ProblemsIntro = new("督导检查发现的问题，及其整改进展。逾期的在前，其次是尚未交办整改的。",
        "The problems supervision found, and how far their rectification has come. Overdue ones first, then those not yet assigned to anyone.");
    public static readonly Phrase RectificationsIntro = new("每个问题交办的整改事项：措施、期限和状态。逾期的在前。",
        "The rectification items assigned from each problem: measure, deadline and state. Overdue ones first.");
    public static readonly Phrase ResponsibilitiesIntro = new("每项整改由谁负责：责任单位和责任人，督导组及其带队领导，所属警种。逾期的在前，再按责任单位排列。",
        "Who answers for each item: the responsible unit and person, the supervision team and its leader, the line. Overdue ones first, then by responsible unit.");
    public static readonly Phrase ByPrefecture = new("按市（州）统计", "By prefecture");
    public static readonly Phrase Prefecture = new("市（州）", "Prefecture");
    public static readonly Phrase AllPrefectures = new("合计", "Total");
    public static readonly Phrase Total = new("合计", "Total");
    public static readonly Phrase Month = new("发现月份", "Month found");
    public static readonly Phrase MonthHint = new("问题发现（检查实施）的月份", "the month the problem was found (the inspection's day)");
    public static readonly Phrase FoundOn = new("发现日期", "Found on");
    public static readonly Phrase InspectedUnit = new("被检查单位", "Inspected unit");
    public static readonly Phrase Problem = new("问题", "Problem");
    public static readonly Phrase ItemCount = new("整改事项", "Items");
    public static readonly Phrase OpenItems = new("未销号", "Open");
    public static readonly Phrase TeamLeader = new("带队领导", "Team leader");
    public static readonly Phrase Number = new("编号", "No.");
    public static readonly Phrase FindingNumber = new("问题编号", "Finding no.");

    public static Phrase Status(FindingStatus s) => s switch
    {
        FindingStatus.Unassigned => new("待交办", "Not yet assigned"),
        FindingStatus.Rectifying => new("整改中", "Being rectified"),
        _ => new("已销号", "Closed out"),
    };

    public static string ProblemState(string code) => SupervisionDesk.FromCode<FindingStatus>(code) is { } f ? Status(f) : code;

    private static string Yes(bool b) => b ? new Phrase("是", "yes") : "";

    private static string Leader(string name, string title) => title.Length > 0 ? $"{name}（{title}）" : name;

    public static IDictionary<string, object?> Export(ProblemRow p) => new Dictionary<string, object?>
    {
        [Number] = p.Id, [FoundOn] = p.FoundOn.ToString("yyyy-MM-dd"), [Prefecture] = p.PrefectureName, [InspectedUnit] = $"{p.UnitName} {p.Unit}",
        [SupervisionText.What] = p.What, [SupervisionText.Where] = p.Where, [SupervisionText.Severity] = SupervisionNames.Severity(p.Severity),
        [SupervisionText.Category] = SupervisionNames.Category(p.Category), [SupervisionText.Line] = p.LineName, [SupervisionText.Team] = p.TeamName,
        [TeamLeader] = Leader(p.Leader, p.LeaderTitle), [ItemCount] = p.Items, [OpenItems] = p.OpenItems, [SupervisionText.State] = ProblemState(p.State),
        [SupervisionText.Overdue] = Yes(p.Overdue),
    };

    public static IDictionary<string, object?> Rectification(ItemListRow i) => new Dictionary<string, object?>
    {
        [Number] = i.Id, [FindingNumber] = i.Finding, [FoundOn] = i.FoundOn.ToString("yyyy-MM-dd"), [Prefecture] = i.PrefectureName,
        [SupervisionText.ResponsibleUnitTitle] = $"{i.UnitName} {i.Unit}", [SupervisionText.ResponsiblePerson] = i.ResponsiblePerson, [Problem] = i.Problem,
        [SupervisionText.Measure] = i.Measure, [SupervisionText.Deadline] = i.Deadline.ToString("yyyy-MM-dd"), [SupervisionText.State] = SupervisionNames.Item(i.State),
        [SupervisionText.Overdue] = Yes(i.Overdue), [SupervisionText.Returns] = i.Returns, [SupervisionText.Recurrences] = i.Recurrences, [SupervisionText.Team] = i.TeamName,
    };

    public static IDictionary<string, object?> Responsibility(ItemListRow i) => new Dictionary<string, object?>
    {
        [Number] = i.Id, [Prefecture] = i.PrefectureName, [SupervisionText.ResponsibleUnitTitle] = $"{i.UnitName} {i.Unit}",
        [SupervisionText.ResponsiblePerson] = i.ResponsiblePerson, [Problem] = i.Problem, [SupervisionText.Line] = i.LineName, [SupervisionText.Team] = i.TeamName,
        [TeamLeader] = Leader(i.Leader, i.LeaderTitle), [SupervisionText.Deadline] = i.Deadline.ToString("yyyy-MM-dd"), [SupervisionText.State] = SupervisionNames.Item(i.State),
        [SupervisionText.Overdue] = Yes(i.Overdue),
    };
}
