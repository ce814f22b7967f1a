using System.Globalization;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers;

/// <summary>A list page's query string, read as text so that a malformed date becomes a message on the page, not an error page.</summary>
public static class LedgerQuery
{
    /// <summary>The filter from a list page's query string; a malformed date or page number, or a reversed window, is a 400 naming it (<see cref="PageQuery"/>).</summary>
    public static LedgerFilter Parse(string? unit, string? state, string? type, string? from, string? to, string? overdue, string? page)
    {
        var (start, end) = PageQuery.Window(from, Ui.From, to, Ui.To);
        return new LedgerFilter(Blank(unit), Blank(state), Blank(type), start, end,
            Page: LedgerPages.PageNumber(page), Overdue: overdue is "true" or "on" or "1");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static DateTime? LocalDateTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
