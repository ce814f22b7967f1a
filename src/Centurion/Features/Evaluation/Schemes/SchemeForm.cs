using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centurion.Features.Evaluation.Scoring;
using Centurion.Infrastructure;

namespace Centurion.Features.Evaluation.Schemes;

/// <summary>
/// The draft as the page's form holds it: every value as typed, each input named by the scheme JSON's field path
/// (<c>indicators[1].weight</c>, <c>lists.redTop</c>), so the errors of <see cref="Scheme.Problems"/> and of the editor land
/// beside their inputs, and a refused save shows the form again exactly as it was posted.
/// </summary>
public sealed partial class SchemeForm
{
    public sealed class IndicatorRow
    {
        public string Indicator { get; set; } = "";
        public string Method { get; set; } = "rank";
        public string Weight { get; set; } = "";
        public string Cap { get; set; } = "";
        public bool LowerIsBetter { get; set; }
        public string Target { get; set; } = "";
        public string LowBase { get; set; } = "";
        public bool RequireSignificance { get; set; }
    }

    public sealed class PointsRow
    {
        public string Kind { get; set; } = "";
        public string Points { get; set; } = "";
        public string MonthlyCap { get; set; } = "";
    }

    public string FromMonth { get; set; } = "";
    public string Base { get; set; } = "100";
    public string AppealDays { get; set; } = "5";
    public bool PublishRanking { get; set; } = true;
    public string RedTop { get; set; } = "5";
    public string BlackBottom { get; set; } = "3";
    public bool MajorIncidentBlacklists { get; set; } = true;
    public string Precedence { get; set; } = "black-wins";
    public List<IndicatorRow> Indicators { get; } = [];
    public List<PointsRow> Deductions { get; } = [];
    public List<PointsRow> Bonuses { get; } = [];

    /// <summary>The JSON name of an enum value (<c>overdue-item</c>, <c>black-wins</c>), as the scheme JSON writes it.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => Name(v!.Value) == name?.Trim());

    public static SchemeForm From(Scheme s, DateOnly fromMonth)
    {
        var f = new SchemeForm
        {
            FromMonth = SchemeEditor.Month(fromMonth), Base = N(s.Base), AppealDays = s.AppealDays.ToString(CultureInfo.InvariantCulture),
            PublishRanking = s.PublishRanking, RedTop = s.Lists.RedTop.ToString(CultureInfo.InvariantCulture),
            BlackBottom = s.Lists.BlackBottom.ToString(CultureInfo.InvariantCulture), MajorIncidentBlacklists = s.Lists.MajorIncidentBlacklists,
            Precedence = Name(s.Lists.Precedence),
        };
        f.Indicators.AddRange(s.Indicators.Select(r => new IndicatorRow
        {
            Indicator = r.Indicator, Method = Name(r.Method), Weight = N(r.Weight), Cap = N(r.Cap), LowerIsBetter = r.LowerIsBetter,
            Target = r.Target is { } t ? N(t) : "", LowBase = r.LowBase?.ToString(CultureInfo.InvariantCulture) ?? "", RequireSignificance = r.RequireSignificance,
        }));
        f.Deductions.AddRange(s.Deductions.Select(Row));
        f.Bonuses.AddRange(s.Bonuses.Select(Row));
        return f;

        static PointsRow Row(PointsRule r) => new() { Kind = Name(r.Kind), Points = N(r.Points), MonthlyCap = N(r.MonthlyCap) };
    }

    /// <summary>The form as posted: the rows are those whose key field (indicator, kind) was posted, in index order.</summary>
    public static SchemeForm From(IEnumerable<KeyValuePair<string, string>> posted)
    {
        var values = posted.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        string V(string key) => values.TryGetValue(key, out var v) ? v : "";
        bool B(string key) => values.TryGetValue(key, out var v) && v is "true" or "on";
        var f = new SchemeForm
        {
            FromMonth = V("fromMonth"), Base = V("base"), AppealDays = V("appealDays"), PublishRanking = B("publishRanking"),
            RedTop = V("lists.redTop"), BlackBottom = V("lists.blackBottom"), MajorIncidentBlacklists = B("lists.majorIncidentBlacklists"),
            Precedence = V("lists.precedence"),
        };
        foreach (var i in Indexes(values.Keys, "indicators", "indicator"))
        {
            var at = $"indicators[{i}]";
            f.Indicators.Add(new()
            {
                Indicator = V($"{at}.indicator"), Method = V($"{at}.method"), Weight = V($"{at}.weight"), Cap = V($"{at}.cap"),
                LowerIsBetter = B($"{at}.lowerIsBetter"), Target = V($"{at}.target"), LowBase = V($"{at}.lowBase"), RequireSignificance = B($"{at}.requireSignificance"),
            });
        }
        foreach (var i in Indexes(values.Keys, "deductions", "kind"))
            f.Deductions.Add(new() { Kind = V($"deductions[{i}].kind"), Points = V($"deductions[{i}].points"), MonthlyCap = V($"deductions[{i}].monthlyCap") });
        foreach (var i in Indexes(values.Keys, "bonuses", "kind"))
            f.Bonuses.Add(new() { Kind = V($"bonuses[{i}].kind"), Points = V($"bonuses[{i}].points"), MonthlyCap = V($"bonuses[{i}].monthlyCap") });
        return f;
    }

    /// <summary>The form's fields as a browser posts them (a checkbox only when ticked), by the names the page gives its inputs.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToFields()
    {
        IEnumerable<(string, string)> All()
        {
            yield return ("fromMonth", FromMonth);
            yield return ("base", Base);
            yield return ("appealDays", AppealDays);
            if (PublishRanking) yield return ("publishRanking", "true");
            for (var i = 0; i < Indicators.Count; i++)
            {
                var (r, at) = (Indicators[i], $"indicators[{i}]");
                yield return ($"{at}.indicator", r.Indicator);
                yield return ($"{at}.method", r.Method);
                yield return ($"{at}.weight", r.Weight);
                yield return ($"{at}.cap", r.Cap);
                if (r.LowerIsBetter) yield return ($"{at}.lowerIsBetter", "true");
                yield return ($"{at}.target", r.Target);
                yield return ($"{at}.lowBase", r.LowBase);
                if (r.RequireSignificance) yield return ($"{at}.requireSignificance", "true");
            }
            foreach (var (name, rows) in new[] { ("deductions", Deductions), ("bonuses", Bonuses) })
                for (var i = 0; i < rows.Count; i++)
                {
                    yield return ($"{name}[{i}].kind", rows[i].Kind);
                    yield return ($"{name}[{i}].points", rows[i].Points);
                    yield return ($"{name}[{i}].monthlyCap", rows[i].MonthlyCap);
                }
            yield return ("lists.redTop", RedTop);
            yield return ("lists.blackBottom", BlackBottom);
            if (MajorIncidentBlacklists) yield return ("lists.majorIncidentBlacklists", "true");
            yield return ("lists.precedence", Precedence);
        }
        return All().Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));
    }

    /// <summary>
    /// The scheme the form describes, with every value that is not a number (or not one of the allowed names) an error on its
    /// field; null when there is any. The scheme's own rules are checked by the editor on save.
    /// </summary>
    public Scheme? ToScheme(FieldErrors errors)
    {
        var indicators = Indicators.Select((r, i) =>
        {
            var at = $"indicators[{i}]";
            var method = Parse<IndicatorMethod>(r.Method);
            if (method is null) errors.Add($"{at}.method", SchemeText.BadChoice);
            return new IndicatorRule(r.Indicator.Trim(), method ?? IndicatorMethod.Rank, Dec(r.Weight, $"{at}.weight", errors) ?? 0, Dec(r.Cap, $"{at}.cap", errors) ?? 0,
                r.LowerIsBetter, Dec(r.Target, $"{at}.target", errors, optional: true), Long(r.LowBase, $"{at}.lowBase", errors), r.RequireSignificance);
        }).ToList();
        var deductions = Rules(Deductions, "deductions", errors);
        var bonuses = Rules(Bonuses, "bonuses", errors);
        var precedence = Parse<ListPrecedence>(Precedence);
        if (precedence is null) errors.Add("lists.precedence", SchemeText.BadChoice);
        var scheme = new Scheme(Dec(Base, "base", errors) ?? 0, indicators, deductions, bonuses,
            new ListRules(Int(RedTop, "lists.redTop", errors) ?? 0, Int(BlackBottom, "lists.blackBottom", errors) ?? 0, MajorIncidentBlacklists, precedence ?? ListPrecedence.BlackWins),
            PublishRanking, Int(AppealDays, "appealDays", errors) ?? 0);
        return errors.Any ? null : scheme;
    }

    private static List<PointsRule> Rules(List<PointsRow> rows, string name, FieldErrors errors) =>
        [.. rows.Select((r, i) =>
        {
            var at = $"{name}[{i}]";
            var kind = Parse<FactKind>(r.Kind);
            if (kind is null) errors.Add($"{at}.kind", SchemeText.BadChoice);
            return new PointsRule(kind ?? FactKind.LateReport, Dec(r.Points, $"{at}.points", errors) ?? 0, Dec(r.MonthlyCap, $"{at}.monthlyCap", errors) ?? 0);
        })];

    private static IEnumerable<int> Indexes(IEnumerable<string> keys, string list, string field) =>
        keys.Select(k => Row().Match(k)).Where(m => m.Success && m.Groups[1].Value == list && m.Groups[3].Value == field)
            .Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).Distinct().Order();

    [GeneratedRegex(@"^(\w+)\[(\d{1,3})\]\.(\w+)$")]
    private static partial Regex Row();

    private static decimal? Dec(string text, string field, FieldErrors errors, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!optional) errors.Add(field, SchemeText.NeedNumber);
            return null;
        }
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
        errors.Add(field, SchemeText.NeedNumber);
        return null;
    }

    private static long? Long(string text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, SchemeText.NeedWhole);
        return null;
    }

    private static int? Int(string text, string field, FieldErrors errors)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, SchemeText.NeedWhole);
        return null;
    }

    private static string N(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);
}
