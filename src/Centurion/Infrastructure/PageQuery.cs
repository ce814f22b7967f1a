using System.Globalization;

namespace Centurion.Infrastructure;

/// <summary>
/// A page's query-string values, read one way. Pages take them as text and parse them here: the framework's binder throws on a
/// value that does not parse (a 500), where a bad value is the user's mistake, refused with a 400 that names the field and the value.
/// </summary>
public static class PageQuery
{
    public static readonly Phrase Reversed = new("开始日期晚于结束日期。", "The start date is after the end date.");

    /// <summary>A date as YYYY-MM-DD; nothing when empty.</summary>
    public static DateOnly? Date(string? text, Phrase field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw DomainException.BadRequest(new($"{field.Zh}：日期“{text}”应为 YYYY-MM-DD。", $"{field.En}: the date “{text}” should be YYYY-MM-DD."));
    }

    /// <summary>A window from one date to another, either end optional; one that ends before it starts is refused, not shortened.</summary>
    public static (DateOnly? From, DateOnly? To) Window(string? from, Phrase fromField, string? to, Phrase toField)
    {
        var (start, end) = (Date(from, fromField), Date(to, toField));
        if (start > end) throw DomainException.BadRequest(Reversed);
        return (start, end);
    }
}
