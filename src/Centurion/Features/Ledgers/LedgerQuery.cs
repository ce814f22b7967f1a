using System.Globalization;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers;

/// <summary>A list page's query string, read as text so that a malformed date becomes a message on the page, not an error page.</summary>
public static class LedgerQuery
{
    public static (LedgerFilter Filter, Phrase? Error) Parse(string? unit, string? state, string? type, string? from, string? to, string? overdue, string? page)
    {
        Phrase? error = null;
        DateOnly? Date(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            error ??= new($"日期“{text}”（{name}）无效，请用 YYYY-MM-DD。", $"The date “{text}” ({name}) is not valid: use YYYY-MM-DD.");
            return null;
        }
        var f = new LedgerFilter(Blank(unit), Blank(state), Blank(type), Date(from, "from"), Date(to, "to"),
            Page: int.TryParse(page, out var p) && p > 0 ? p : 1, Overdue: overdue is "true" or "on" or "1");
        if (error is null && f.From is { } a && f.To is { } b && b < a) error = new("结束日期早于开始日期。", "The end date is before the start date.");
        return (error is null ? f : f with { From = null, To = null }, error);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static DateTime? LocalDateTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static double? Number(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
