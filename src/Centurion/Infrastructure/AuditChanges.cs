using System.Globalization;
using System.Text.Json;

namespace Centurion.Infrastructure;

/// <summary>One field of an audited row: its value before and after the change (null where the row did not exist).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One audit row as people read it: when, who, what was done, and the fields it changed.</summary>
public sealed record AuditChange(DateTime AtUtc, string Actor, string Action, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// The one reader of audit rows (the context writes them): their before and after JSON as a table of fields, for the audit
/// page and for every page that shows one row's history. Pure.
/// </summary>
public static class AuditChanges
{
    public static AuditChange Of(AuditEntry row) =>
        new(DateTime.SpecifyKind(row.AtUtc, DateTimeKind.Utc), row.Actor, row.Action, Fields(row.Before, row.After));

    /// <summary>
    /// Every field of an added or deleted row; for an update only the fields whose value changed (the audit also stores
    /// the key of an updated row, which is not a change).
    /// </summary>
    public static IReadOnlyList<FieldChange> Fields(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        var names = b.Keys.Concat(a.Keys.Where(k => !b.ContainsKey(k)));
        var fields = names.Select(n => new FieldChange(n, b.TryGetValue(n, out var x) ? x : null, a.TryGetValue(n, out var y) ? y : null));
        return before is null || after is null ? [.. fields] : [.. fields.Where(f => f.Before != f.After)];
    }

    /// <summary>The top-level values of a JSON object as display text: strings as they are, null as null.</summary>
    public static Dictionary<string, string?> Parse(string? json)
    {
        var values = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(json)) return values;
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => p.Value.GetRawText(),
            };
        return values;
    }

    /// <summary>A whole-number field of the row (after the change, or before it for a deletion), if it has one.</summary>
    public static long? Number(IReadOnlyDictionary<string, string?> values, string field) =>
        values.TryGetValue(field, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
