using Centurion.Features.Work;
using Centurion.Infrastructure;
using Centurion.Infrastructure.Work;

namespace Centurion.Tests.Work;

public class WorkDaysTests
{
    private static readonly WorkKind Kind = new("test", new("测试", "Test"));

    private static WorkItem Item(string key, DateOnly? due, bool overdue = false) => new(Kind, key, new(key, key), "/", due, overdue);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2022, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public void A_deadline_day_is_overdue_from_midnight_in_Shanghai_not_in_UTC()
    {
        var deadline = new DateOnly(2022, 7, 10);
        Assert.False(WorkDays.IsOverdue(deadline, Local(7, 10, 23, 59, 59)));
        Assert.True(WorkDays.IsOverdue(deadline, Local(7, 11, 0, 0, 0)));
        // 16:00 UTC on 10 July is already midnight of the 11th in the province.
        Assert.True(WorkDays.IsOverdue(deadline, new DateTimeOffset(2022, 7, 10, 16, 0, 0, TimeSpan.Zero)));
        Assert.False(WorkDays.IsOverdue(deadline, new DateTimeOffset(2022, 7, 10, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Due_soon_is_today_and_the_next_three_province_days()
    {
        var now = Local(7, 10, 23, 59, 59);
        Assert.Equal(WorkUrgency.DueSoon, WorkDays.Classify(Item("a", new(2022, 7, 10)), now));
        Assert.Equal(WorkUrgency.DueSoon, WorkDays.Classify(Item("b", new(2022, 7, 13)), now));
        Assert.Equal(WorkUrgency.Later, WorkDays.Classify(Item("c", new(2022, 7, 14)), now));
        // One second later the 14th is three days away.
        Assert.Equal(WorkUrgency.DueSoon, WorkDays.Classify(Item("c", new(2022, 7, 14)), now.AddSeconds(1)));
        Assert.Equal(WorkUrgency.Later, WorkDays.Classify(Item("d", null), now));
        Assert.Equal(WorkUrgency.Overdue, WorkDays.Classify(Item("e", new(2022, 7, 20), overdue: true), now));
    }

    [Fact]
    public void The_list_puts_overdue_first_then_due_soon_by_deadline_then_the_rest()
    {
        var now = Local(7, 10, 9);
        var ordered = WorkList.Order([
            Item("later-undated", null), Item("soon-12", new(2022, 7, 12)), Item("later-30", new(2022, 7, 30)),
            Item("overdue-8", new(2022, 7, 8), true), Item("soon-10", new(2022, 7, 10)), Item("overdue-1", new(2022, 7, 1), true),
        ], now);
        Assert.Equal(["overdue-1", "overdue-8", "soon-10", "soon-12", "later-30", "later-undated"], ordered.Select(e => e.Item.Key));
    }
}
