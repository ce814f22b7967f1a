namespace Centurion.Features.Statistics;

/// <summary>A figure against its base: the change as a fraction, and for counts how far it is from chance.</summary>
/// <param name="Change">(current − base) / base, e.g. −0.4; null when the base is 0.</param>
/// <param name="Z">For counts, 2(√current − √base); null for figures that are not counts of events.</param>
/// <param name="Significant">|z| ≥ 2: a change worth attention rather than noise.</param>
/// <param name="LowBase">The base is under the threshold, so the percentage says little.</param>
public sealed record Comparison(long Current, long Base, double? Change, double? Z, bool Significant, bool LowBase);

/// <summary>Change and significance of counts. Pure.</summary>
public static class Change
{
    public const int DefaultLowBase = 20;

    /// <summary>|z| at or above this is significant: about the 5% level for a Poisson count.</summary>
    public const double SignificantZ = 2.0;

    /// <summary>(current − base) / base; null when the base is 0, where no percentage exists.</summary>
    public static double? Of(long current, long @base) => @base == 0 ? null : ((double)current - @base) / @base;

    /// <summary>
    /// For Poisson counts the square root is variance-stabilising (√X has variance about 1/4), so 2(√c − √b) is roughly
    /// standard normal when both counts come from the same rate: 3 against 5 gives −1.01, noise; 300 against 500, −10.1.
    /// </summary>
    public static double Z(long current, long @base) => 2 * (Math.Sqrt(current) - Math.Sqrt(@base));

    public static Comparison Compare(long current, long @base, bool isCount, int lowBase = DefaultLowBase)
    {
        double? z = isCount && current >= 0 && @base >= 0 ? Z(current, @base) : null;
        return new(current, @base, Of(current, @base), z, z is { } v && Math.Abs(v) >= SignificantZ, @base < lowBase);
    }
}
