using System.Globalization;
using Centurion.Infrastructure;

namespace Centurion.Features.Ledgers;

/// <summary>What the ledger pages share: reading the query string without a 500 on bad input, and building it back for links.</summary>
public static class LedgerPages
{
    /// <summary>A yyyy-MM-dd date typed in a form; a malformed one is an error message, not an exception.</summary>
    public static DateOnly? Date(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new Phrase($"日期 {field}={text} 无法识别，请使用 YYYY-MM-DD。", $"The date {field}={text} is not valid: use YYYY-MM-DD."));
        return null;
    }

    /// <summary>The page number from the query string (1 when absent); not a number is a 400, not a 500.</summary>
    public static int PageNumber(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 1
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw DomainException.BadRequest(new($"页码“{text}”应为整数。", $"The page “{text}” should be a whole number."));

    public static string Query(params (string Key, string? Value)[] parts) =>
        string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>Field errors of a refused save, flattened for the page, keyed by field.</summary>
    public static Dictionary<string, string> FieldErrors(DomainException e) =>
        e.Errors?.ToDictionary(p => p.Key, p => string.Join(" ", p.Value)) ?? [];

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
