using Centurion.Data;
using Centurion.Features.Units;
using Centurion.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Centurion.Features.Ledgers;

public static class LedgerList
{
    /// <summary>The filter as a query string for links (paging, export), without the page unless asked.</summary>
    public static string Query(this LedgerFilter f, int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("unit", f.Unit); Add("state", f.State); Add("type", f.Type);
        Add("from", f.From?.ToString("yyyy-MM-dd")); Add("to", f.To?.ToString("yyyy-MM-dd"));
        if (f.Overdue) Add("overdue", "true");
        if (page is > 1) Add("page", page.ToString());
        return string.Join("&", parts);
    }

    public static async Task<Paged<T>> PageAsync<TRow, T>(IQueryable<TRow> rows, LedgerFilter f, Func<TRow, T> map, CancellationToken ct) =>
        new([.. (await rows.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct)).Select(map)], await rows.CountAsync(ct), f.Page, f.PageSize);

    /// <summary>Parses an enum from its kebab-case code (e.g. "walk-in"), or null when it is none of them.</summary>
    public static TEnum? Parse<TEnum>(string? code) where TEnum : struct, Enum =>
        code is null ? null : Enum.GetValues<TEnum>().Cast<TEnum?>()
            .FirstOrDefault(v => Code(v!.Value) == code.Trim().ToLowerInvariant() || v.Value.ToString().Equals(code.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Code<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static DomainException Unknown<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        var codes = string.Join(", ", Enum.GetValues<TEnum>().Select(Code));
        return DomainException.Invalid(new($"{field}：没有 {value}；可选：{codes}。", $"{field}: there is no {value}; choose one of {codes}."),
            new Dictionary<string, string[]> { [field] = [new Phrase($"可选：{codes}", $"one of {codes}")] });
    }

    public static string Required(string? value, string field, Phrase label, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw DomainException.Invalid(new($"请填写{label.Zh}。", $"{label.En} is required."), new Dictionary<string, string[]> { [field] = [new Phrase($"请填写{label.Zh}。", $"{label.En} is required.")] });
        return Limit(value, field, label, max)!;
    }

    public static string? Limit(string? value, string field, Phrase label, int max = 500)
    {
        var v = value?.Trim();
        if (v is { Length: > 0 } && v.Length > max)
            throw DomainException.Invalid(new($"{label.Zh}最多 {max} 个字。", $"{label.En} is at most {max} characters."), new Dictionary<string, string[]> { [field] = [$"≤ {max}"] });
        return string.IsNullOrEmpty(v) ? null : v;
    }
}

/// <summary>One change of a ledger entry's state, or a note on it: who, when, from which state to which, and why.</summary>
public abstract class LedgerChange : IUnitOwned
{
    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? From { get; private set; }
    public string To { get; private set; } = "";
    public string? Reason { get; private set; }

    protected void Set(int unitId, string by, DateTime at, string? from, string to, string? reason) =>
        (UnitId, By, AtUtc, From, To, Reason) = (unitId, by, at, from, to, reason);
}
