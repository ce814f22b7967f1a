namespace Centurion.Features.Demo;

/// <summary>
/// SplitMix64: a tiny, fast, well-mixed generator whose output is fixed by its seed on every runtime and platform
/// (System.Random's algorithm may change between .NET versions, and the demo's figures must not). Callers derive
/// independent streams by label (<see cref="For"/>), so what one part of the generator draws never shifts another.
/// Only + − × ÷ are used on doubles here, never Math.Log or Math.Cos, whose last bit may differ between platforms.
/// </summary>
public sealed class DemoRandom(ulong seed)
{
    public const ulong DefaultSeed = 20220625;

    private ulong _state = seed;

    /// <summary>A stream of its own for one purpose and key, e.g. ("report", countyCode, day).</summary>
    public static DemoRandom For(ulong seed, string label, long a = 0, long b = 0)
    {
        var h = Mix(seed ^ 0x5EED5EED5EED5EEDUL);
        foreach (var c in label) h = Mix(h ^ c);
        return new DemoRandom(Mix(Mix(h ^ (ulong)a) ^ (ulong)b));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => max <= 0 ? throw new ArgumentOutOfRangeException(nameof(max)) : (int)((NextUInt64() >> 32) * (ulong)max >> 32);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Approximately normal with mean 0 and standard deviation 1 (sum of four uniforms, rescaled): no transcendental functions.</summary>
    public double Normalish() => (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) * 1.7320508075688772;

    /// <summary>A multiplicative jitter around 1 with the given relative spread, never below 0.1.</summary>
    public double Jitter(double spread) => Math.Max(0.1, 1.0 + spread * Normalish());

    /// <summary>An index drawn with probability proportional to its weight, given the running sums of the weights.</summary>
    public int Pick(double[] cumulativeWeights)
    {
        var x = NextDouble() * cumulativeWeights[^1];
        var i = Array.BinarySearch(cumulativeWeights, x);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, cumulativeWeights.Length - 1);
    }

    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var sums = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < sums.Length; i++) sums[i] = total += weights[i];
        return sums;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
