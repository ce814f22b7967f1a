using System.Globalization;
using Centurion.Infrastructure;

namespace Centurion.Features.Supervision.Lists;

/// <summary>
/// The filters of the leaders' three lists, the same for the pages, the API and the exports. <see cref="Month"/> is the month
/// the problem was found (its inspection's day, province time) in all three, so that a month's problem, rectification and
/// responsibility lists tell of the same problems; the state is the list's own (a finding's or an item's).
/// </summary>
public sealed record ListQuery(string? Unit = null, string? Line = null, int? Team = null, string? State = null, bool Overdue = false,
    DateOnly? Month = null, int Page = 1, int PageSize = ListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50, MaxPageSize = 500;

    /// <summary>Reads the query string as text, so that anything malformed is one 400 naming each problem, never a binding failure.</summary>
    public static ListQuery Parse(string? unit, string? line, string? team, string? state, string? overdue, string? month, string? page = null, string? pageSize = null)
    {
        var problems = new List<Phrase>();
        int? teamId = null;
        if (!string.IsNullOrWhiteSpace(team))
        {
            if (int.TryParse(team.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t)) teamId = t;
            else problems.Add(new($"督导组 team={team} 应为督导组编号（整数）。", $"team={team} should be a team's number."));
        }
        var late = false;
        if (!string.IsNullOrWhiteSpace(overdue))
        {
            switch (overdue.Trim().ToLowerInvariant())
            {
                case "true" or "on" or "1": late = true; break;
                case "false" or "off" or "0": break;
                default: problems.Add(new($"逾期 overdue={overdue} 应为 true 或 false。", $"overdue={overdue} should be true or false.")); break;
            }
        }
        DateOnly? first = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)) first = m;
            else problems.Add(new($"月份 month={month} 应为 YYYY-MM。", $"month={month} should be YYYY-MM."));
        }
        var number = Whole(page, 1, int.MaxValue, "page", new("页码", "the page"), problems) ?? 1;
        var size = Whole(pageSize, 1, MaxPageSize, "pageSize", new("每页条数", "the page size"), problems) ?? DefaultPageSize;
        if (problems.Count > 0)
            throw DomainException.BadRequest(new("筛选条件有误：" + string.Concat(problems.Select(p => p.Zh)), "The filters are not valid: " + string.Join(" ", problems.Select(p => p.En))));
        return new(Blank(unit), Blank(line), teamId, Blank(state), late, first, number, size);
    }

    private static int? Whole(string? text, int min, int max, string key, Phrase field, List<Phrase> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        problems.Add(new($"{field.Zh} {key}={text} 应为 {min} 至 {max} 的整数。", $"{field.En}, {key}={text}, should be a whole number from {min} to {max}."));
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The filter as a query string for links (paging, export, the prefecture table), without the page unless asked.</summary>
    public string ToQuery(int? page = null, string? unit = null, bool? overdue = null) => Ledgers.LedgerPages.Query(
        ("unit", unit ?? Unit), ("line", Line), ("team", Team?.ToString(CultureInfo.InvariantCulture)), ("state", State),
        ("overdue", overdue ?? Overdue ? "true" : null), ("month", Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        ("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null));

    /// <summary>The month as a window of UTC instants: from its first province midnight to the next month's.</summary>
    public (DateTime From, DateTime To)? MonthUtc => Month is { } m ? (ProvinceTime.StartUtc(m), ProvinceTime.StartUtc(m.AddMonths(1))) : null;
}
