namespace Centurion.Features.Demo;

/// <summary>
/// Splitting an exact whole-number total over shaped weights: how the demo hits the source's figures exactly without
/// trial and error. Every cell gets its quota (total × weight / sum of weights) rounded down or up, and the cells sum to
/// the total. Pure.
/// </summary>
public static class Apportion
{
    /// <summary>
    /// Largest-remainder (Hamilton) apportionment: each cell gets the floor of its quota, and the units left over go to the
    /// cells with the largest fractional parts, earlier cells first on ties. Best for a handful of cells, such as days.
    /// </summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<double> weights)
    {
        var (quotas, result) = Quotas(total, weights);
        if (result is not null) return result;
        result = new long[quotas.Length];
        var given = 0L;
        for (var i = 0; i < quotas.Length; i++) given += result[i] = Math.Min((long)Math.Floor(quotas[i]), total);
        var order = Enumerable.Range(0, quotas.Length)
            .Where(i => quotas[i] > 0)
            .OrderByDescending(i => quotas[i] - Math.Floor(quotas[i])).ThenBy(i => i).ToArray();
        for (var k = 0; given < total; k = (k + 1) % order.Length, given++) result[order[k]]++;
        // Rounding error in the quotas can only ever leave a cell one too many; take it back from the smallest remainders.
        for (var k = order.Length - 1; given > total; k = (k - 1 + order.Length) % order.Length)
            if (result[order[k]] > 0) { result[order[k]]--; given--; }
        return result;
    }

    /// <summary>
    /// Systematic rounding: walks the running sum of quotas and gives a cell one more each time it crosses a whole number
    /// shifted by <paramref name="offset"/> (0 ≤ offset &lt; 1). Unlike largest remainder, a cell whose quota is well below
    /// one still gets a unit now and then, in proportion to its quota: the right choice for thousands of small cells,
    /// such as one county's night operations on one day.
    /// </summary>
    public static long[] Systematic(long total, IReadOnlyList<double> weights, double offset)
    {
        if (offset is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(offset));
        var (quotas, result) = Quotas(total, weights);
        if (result is not null) return result;
        result = new long[quotas.Length];
        var last = Array.FindLastIndex(quotas, q => q > 0);
        var running = 0.0;
        var before = 0L;
        for (var i = 0; i <= last; i++)
        {
            running += quotas[i];
            var reached = i == last ? total : Math.Min(total, (long)Math.Floor(running + offset));
            result[i] = Math.Max(0, reached - before);
            before = Math.Max(before, reached);
        }
        return result;
    }

    /// <summary>
    /// Keeps a running total under a running cap (disputes resolved never exceed disputes screened since the start):
    /// what cannot be placed on a day moves to the next. The result's running total is min(running desired, running cap),
    /// so nothing is lost as long as the desired grand total is within the capped grand total.
    /// </summary>
    public static long[] UnderRunningCap(IReadOnlyList<long> desired, IReadOnlyList<long> cap)
    {
        if (desired.Count != cap.Count) throw new ArgumentException("desired and cap must have the same length");
        var result = new long[desired.Count];
        long wanted = 0, allowed = 0, placed = 0;
        for (var i = 0; i < result.Length; i++)
        {
            wanted += desired[i];
            allowed += cap[i];
            var upTo = Math.Min(wanted, allowed);
            result[i] = Math.Max(0, upTo - placed);
            placed += result[i];
        }
        return result;
    }

    private static (double[] Quotas, long[]? Done) Quotas(long total, IReadOnlyList<double> weights)
    {
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total));
        var sum = 0.0;
        foreach (var w in weights)
        {
            if (w < 0 || double.IsNaN(w)) throw new ArgumentException("Weights must be zero or positive.", nameof(weights));
            sum += w;
        }
        if (total == 0) return ([], new long[weights.Count]);
        if (sum <= 0) throw new ArgumentException($"Cannot split {total} over weights that are all zero.", nameof(weights));
        var quotas = new double[weights.Count];
        for (var i = 0; i < quotas.Length; i++) quotas[i] = total * (weights[i] / sum);
        return (quotas, null);
    }
}
