namespace Centurion.Infrastructure;

/// <summary>
/// Sums that cannot fail. Figures are bounded when they enter (FigureLimits), but data stored before the bound, or by hand, must
/// not make a read fail: totals are added in a wider type, and one beyond a 64-bit integer is shown as the largest there is.
/// </summary>
public static class Saturating
{
    public static long ToLong(Int128 value) => value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;

    /// <summary>A sum computed in floating point (exact under 2^53) as a whole number, the largest there is beyond.</summary>
    public static long ToLong(double value) => value >= 9.2233720368547758E18 ? long.MaxValue : value <= -9.2233720368547758E18 ? long.MinValue : (long)Math.Round(value);

    public static long ToLong(decimal value) => value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;

    public static long Add(long a, long b) => ToLong((Int128)a + b);

    public static long Sum(IEnumerable<long> values)
    {
        Int128 total = 0;
        foreach (var v in values) total += v;
        return ToLong(total);
    }
}
