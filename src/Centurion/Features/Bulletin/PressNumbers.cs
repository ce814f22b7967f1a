using System.Globalization;

namespace Centurion.Features.Bulletin;

/// <summary>Numbers as each language's press writes them: 16.8万 and 1755 in Chinese, 168,000 and 1,755 in English.</summary>
public static class PressNumbers
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Chinese: from 10,000 up in 万 with at most one decimal (16.8万, 46万, 1.8万); below that, plain digits (GB/T 15835).</summary>
    public static string Chinese(long value)
    {
        if (value is > -10_000 and < 10_000) return value.ToString(CultureInfo.InvariantCulture);
        if (value is >= 100_000_000 or <= -100_000_000) return (Math.Round(value / 10_000_000d) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "亿";
        return (Math.Round(value / 1_000d) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "万";
    }

    public static string InEnglish(long value) => value.ToString("N0", English);

    /// <summary>A change as a whole percent without sign: 0.1389 → "14%".</summary>
    public static string Percent(double change) => Math.Abs(Math.Round(change * 100, MidpointRounding.AwayFromZero)).ToString("0", CultureInfo.InvariantCulture) + "%";
}
