using Centurion.Features.Campaigns;
using Centurion.Infrastructure;

namespace Centurion.Features.Reporting;

/// <summary>What a submission must satisfy, and what only needs the submitter's confirmation. Pure.</summary>
public static class ReportRules
{
    public sealed record Problem(string Indicator, Phrase Message);

    public sealed record Check(IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Unusual)
    {
        public bool Refused => Errors.Count > 0;
    }

    /// <summary>Figures out of range (<see cref="FigureLimits"/>), refused whenever they are saved, submitted or imported.</summary>
    public static IReadOnlyList<Problem> OutOfRange(IReadOnlyList<Indicator> indicators, IReadOnlyDictionary<string, long?> values) =>
        [.. indicators.Where(i => values.GetValueOrDefault(i.Code) is { } v && FigureLimits.Refuses(i.Measure, v))
            .Select(i => new Problem(i.Code, FigureLimits.TooLarge(i.NameZh, i.NameEn, FigureLimits.Max(i.Measure))))];

    /// <param name="indicators">The campaign's reported indicators.</param>
    /// <param name="values">This report's values by indicator code; a missing one is blank.</param>
    /// <param name="totalsBefore">The unit's running totals from the campaign's start up to this period, by code.</param>
    /// <param name="history">The unit's recent values of each indicator, by code, for spotting outliers.</param>
    public static Check OnSubmit(IReadOnlyList<Indicator> indicators, IReadOnlyDictionary<string, long?> values,
        IReadOnlyDictionary<string, long> totalsBefore, IReadOnlyDictionary<string, IReadOnlyList<long>> history)
    {
        var errors = new List<Problem>();
        var unusual = new List<Problem>();
        var outOfRange = OutOfRange(indicators, values);
        errors.AddRange(outOfRange);
        foreach (var i in indicators.Where(i => outOfRange.All(p => p.Indicator != i.Code)))
        {
            var value = values.GetValueOrDefault(i.Code);
            if (value is null)
                errors.Add(new(i.Code, new($"“{i.NameZh}”未填写；没有数据请填 0 或报零报告。", $"“{i.NameEn}” is blank; enter 0 or file a nil return.")));
            else if (value < 0)
                errors.Add(new(i.Code, new($"“{i.NameZh}”不能为负数。", $"“{i.NameEn}” cannot be negative.")));
            else if (Outlier(value.Value, history.GetValueOrDefault(i.Code, [])) is { } typical)
                unusual.Add(new(i.Code, new($"“{i.NameZh}”为 {value}，远离本单位近期通常水平（约 {typical}），请核实后确认。",
                    $"“{i.NameEn}” is {value}, far from this unit's usual level (about {typical}); check it and confirm.")));
        }
        foreach (var i in indicators.Where(i => i.AtMostCode is not null))
        {
            var cap = indicators.FirstOrDefault(x => x.Code == i.AtMostCode);
            if (cap is null || values.GetValueOrDefault(i.Code) is not { } v || values.GetValueOrDefault(cap.Code) is not { } c) continue;
            // Wider than the figures, so that no stored total can wrap the comparison round.
            var total = (Int128)totalsBefore.GetValueOrDefault(i.Code) + v;
            var capTotal = (Int128)totalsBefore.GetValueOrDefault(cap.Code) + c;
            if (total > capTotal)
                errors.Add(new(i.Code, new($"累计“{i.NameZh}”（{total}）不能多于累计“{cap.NameZh}”（{capTotal}）。",
                    $"Total “{i.NameEn}” ({total}) cannot exceed total “{cap.NameEn}” ({capTotal}).")));
        }
        return new(errors, unusual);
    }

    /// <summary>
    /// A value is unusual when the unit has at least 7 recent values and it is more than four times their median
    /// (and at least 10), or under a quarter of a median of 20 or more. Returns the median then, otherwise null.
    /// </summary>
    public static long? Outlier(long value, IReadOnlyList<long> history)
    {
        if (history.Count < 7) return null;
        var sorted = history.Order().ToArray();
        var mid = sorted.Length / 2;
        // Twice the median, so that the median of an even count (4.5 of 1..8) is compared exactly rather than rounded down;
        // in a wider type, so that no stored value can wrap the arithmetic.
        var twiceMedian = sorted.Length % 2 == 1 ? 2 * (Int128)sorted[mid] : (Int128)sorted[mid - 1] + sorted[mid];
        var high = value >= 10 && value > 2 * twiceMedian;
        var low = twiceMedian >= 40 && (Int128)value * 8 < twiceMedian;
        return high || low ? Saturating.ToLong(twiceMedian / 2) : null;
    }
}
