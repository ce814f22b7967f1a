using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>The rules a campaign's plan (phases, key tasks, leader links) keeps, without I/O; each problem is added by field.</summary>
public static class PlanRules
{
    public const int PersonLength = 100;

    public static readonly Phrase NotSaved = new("修改未保存，请按提示更正。", "The change was not saved: correct what is marked.");

    /// <summary>The plan may change until the campaign's last day; afterwards it is the record of what was planned.</summary>
    public static bool IsOpen(Campaign c, DateOnly today) => today <= c.EndDate;

    public static DomainException Closed(Campaign c) => DomainException.Conflict(new(
        $"本行动已于 {c.EndDate:yyyy-MM-dd} 结束，行动方案不能再修改。", $"The campaign ended on {c.EndDate:yyyy-MM-dd}; its plan can no longer be changed."));

    /// <summary>A phase lies within the campaign, starts no later than it ends, and overlaps none of the <paramref name="others"/>.</summary>
    public static void CheckPhase(FieldErrors e, Campaign c, NewPhase p, IEnumerable<NewPhase> others)
    {
        if (string.IsNullOrWhiteSpace(p.NameZh)) e.Add("nameZh", new("请填写阶段的中文名称。", "The phase's Chinese name is required."));
        var within = new Phrase($"须在行动期内（{c.StartDate:yyyy-MM-dd} 至 {c.EndDate:yyyy-MM-dd}）", $"must lie within the campaign ({c.StartDate:yyyy-MM-dd} to {c.EndDate:yyyy-MM-dd})");
        if (p.StartDate < c.StartDate || p.StartDate > c.EndDate)
            e.Add("startDate", new($"开始日期 {p.StartDate:yyyy-MM-dd} {within.Zh}。", $"The start date {p.StartDate:yyyy-MM-dd} {within.En}."));
        if (p.EndDate < c.StartDate || p.EndDate > c.EndDate)
            e.Add("endDate", new($"结束日期 {p.EndDate:yyyy-MM-dd} {within.Zh}。", $"The end date {p.EndDate:yyyy-MM-dd} {within.En}."));
        else if (p.EndDate < p.StartDate)
            e.Add("endDate", new("阶段的结束日期早于开始日期。", "The phase ends before it starts."));
        if (e.Has("startDate") || e.Has("endDate")) return;
        foreach (var o in others.Where(o => o.StartDate <= p.EndDate && p.StartDate <= o.EndDate))
            e.Add("startDate", new($"与阶段“{o.NameZh}”（{o.StartDate:yyyy-MM-dd} 至 {o.EndDate:yyyy-MM-dd}）重叠。",
                $"It overlaps the phase “{English(o.NameZh, o.NameEn)}” ({o.StartDate:yyyy-MM-dd} to {o.EndDate:yyyy-MM-dd})."));
    }

    /// <summary>A task has a title and a deadline no later than the campaign's end, and its person is a user or a typed name, not both.</summary>
    public static void CheckTask(FieldErrors e, Campaign c, NewTask t)
    {
        if (string.IsNullOrWhiteSpace(t.TitleZh)) e.Add("titleZh", new("请填写任务的中文名称。", "The task's Chinese title is required."));
        if (t.Deadline == default) e.Add("deadline", new("请填写完成时限。", "The deadline is required."));
        else if (t.Deadline > c.EndDate)
            e.Add("deadline", new($"完成时限 {t.Deadline:yyyy-MM-dd} 晚于行动结束日期 {c.EndDate:yyyy-MM-dd}。", $"The deadline {t.Deadline:yyyy-MM-dd} is after the campaign ends ({c.EndDate:yyyy-MM-dd})."));
        var user = !string.IsNullOrWhiteSpace(t.ResponsibleUser);
        var name = !string.IsNullOrWhiteSpace(t.ResponsibleName);
        if (user && name) e.Add("responsibleName", new("责任人请选择系统用户或填写姓名，不能两者都填。", "Choose a user or type a name for the responsible person, not both."));
        if (!user && !name && !string.IsNullOrWhiteSpace(t.ResponsibleTitle))
            e.Add("responsibleName", new("填写了职务，请同时填写责任人姓名。", "A title is given: type the responsible person's name too."));
        CheckLength(e, "responsibleName", t.ResponsibleName);
        CheckLength(e, "responsibleTitle", t.ResponsibleTitle);
    }

    public static void CheckLeaderLink(FieldErrors e, NewLeaderLink l)
    {
        if (string.IsNullOrWhiteSpace(l.LeaderName)) e.Add("leaderName", new("请填写领导姓名。", "The leader's name is required."));
        CheckLength(e, "leaderName", l.LeaderName);
        CheckLength(e, "leaderTitle", l.LeaderTitle);
    }

    private static void CheckLength(FieldErrors e, string field, string? text)
    {
        if (text?.Trim().Length > PersonLength) e.Add(field, new($"最多 {PersonLength} 个字符。", $"At most {PersonLength} characters."));
    }

    private static string English(string zh, string? en) => string.IsNullOrWhiteSpace(en) ? zh : en;
}
