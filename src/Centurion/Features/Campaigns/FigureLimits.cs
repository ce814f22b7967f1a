using System.Globalization;
using Centurion.Infrastructure;

namespace Centurion.Features.Campaigns;

/// <summary>
/// The largest figure accepted for one unit and one period (a report's value), one ledger entry or one case record, by measure:
/// 10,000,000 person-times, 1,000,000 of anything else. No real county comes near them in a day or a week, and they keep every
/// sum in range: a million units each at the maximum every day of the longest window a statistic covers (3,660 days) add up to
/// under 3.7 × 10^16, while a 64-bit integer holds 9.2 × 10^18. Reads sum safely besides (<see cref="Saturating"/>).
/// </summary>
public static class FigureLimits
{
    public const long PersonTimes = 10_000_000;
    public const long Other = 1_000_000;

    /// <summary>The largest of them: no stored figure is ever above it.</summary>
    public const long Ceiling = PersonTimes;

    public static long Max(Measure measure) => measure == Measure.PersonTimes ? PersonTimes : Other;

    /// <summary>Out of range either way: above the maximum, or so negative that it could not be a mistyped figure.</summary>
    public static bool Refuses(Measure measure, long value) => value > Max(measure) || value < -Max(measure);

    public static readonly Phrase PerReport = new("每个单位每期", "per unit and period");
    public static readonly Phrase PerEntry = new("每条记录", "per entry");
    public static readonly Phrase PerCase = new("每起案件", "per case");

    public static Phrase TooLarge(string nameZh, string nameEn, long max, Phrase? per = null)
    {
        per ??= PerReport;
        var n = max.ToString("N0", CultureInfo.InvariantCulture);
        return new($"“{nameZh}”超出范围：{per.Zh}最多 {n}（没有单位会达到这一上限；有了上限，全省和整个行动的合计才不会溢出）。",
            $"“{nameEn}” is out of range: at most {n} {per.En} (no unit comes near it; the bound keeps the province's and the campaign's totals in range).");
    }
}
