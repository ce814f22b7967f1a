using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;

namespace Centurion.Features.Work;

public static class WorkText
{
    public static readonly Phrase Title = new("我的待办", "My work");
    public static readonly Phrase Nav = new("待办", "Work");
    public static readonly Phrase Nothing = new("目前没有等待您处理的事项。", "Nothing is waiting for you.");
    public static readonly Phrase Kind = new("类别", "Kind");
    public static readonly Phrase Item = new("事项", "Item");
    public static readonly Phrase Deadline = new("期限", "Deadline");
    public static readonly Phrase Reminders = new("提醒", "Reminders");
    public static readonly Phrase NoReminders = new("还没有提醒。", "No reminders yet.");
    public static readonly Phrase Day = new("日期", "Day");
    public static readonly Phrase Intro = new("汇总各项工作中等待您处理的事项：报表、审批、隐患、乱点、排查等。按省内时间（北京时间）计算期限。",
        "What waits for you across the system: reports, approvals, hazards, trouble spots, screenings. Deadlines are in province time (Beijing time).");

    public static Phrase Group(WorkUrgency u) => u switch
    {
        WorkUrgency.Overdue => new("已逾期", "Overdue"),
        WorkUrgency.DueSoon => new("三日内到期", "Due within three days"),
        _ => new("其他待办", "The rest"),
    };

    /// <summary>"3 days overdue", "due today", "due in 2 days": counted in province days.</summary>
    public static Phrase When(DateOnly? due, DateOnly today)
    {
        if (due is not { } d) return new("", "");
        var days = d.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => new($"逾期 {-days} 天", -days == 1 ? "1 day overdue" : $"{-days} days overdue"),
            0 => new("今天到期", "due today"),
            1 => new("明天到期", "due tomorrow"),
            _ => new($"{days} 天后到期", $"due in {days} days"),
        };
    }

    /// <summary>The header's link: how many things wait, and how many of them are overdue.</summary>
    public static Phrase Overdue(int n) => new($"逾期 {n}", $"{n} overdue");

    public static Phrase Summary(int total, int overdue) => new($"共 {total} 项待办，其中 {overdue} 项已逾期。", $"{total} waiting, {overdue} of them overdue.");
}
