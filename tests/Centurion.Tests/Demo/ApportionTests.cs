using Centurion.Features.Demo;

namespace Centurion.Tests.Demo;

public class ApportionTests
{
    [Fact]
    public void Largest_remainder_gives_each_cell_its_quota_rounded_down_and_the_rest_to_the_largest_fractions()
    {
        // Quotas 4.2857, 2.8571, 2.8571: floors 4, 2, 2; two left over go to the two largest fractions (0.857 each).
        Assert.Equal([4L, 3, 3], Apportion.LargestRemainder(10, [3, 2, 2]));
        // Equal fractions: earlier cells first.
        Assert.Equal([4L, 3, 3], Apportion.LargestRemainder(10, [1, 1, 1]));
        Assert.Equal([0L, 5, 0, 5], Apportion.LargestRemainder(10, [0, 1, 0, 1]));
        Assert.Equal([0L, 0], Apportion.LargestRemainder(0, [0, 0]));
        Assert.Throws<ArgumentException>(() => Apportion.LargestRemainder(1, [0, 0]));
        Assert.Throws<ArgumentException>(() => Apportion.LargestRemainder(1, [1, -1]));
    }

    [Fact]
    public void Both_ways_hit_the_total_exactly_and_round_every_quota_only_down_or_up()
    {
        var rng = new DemoRandom(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var weights = Enumerable.Range(0, 1 + rng.Next(300)).Select(_ => rng.Chance(0.2) ? 0 : rng.NextDouble() * 100).ToArray();
            if (weights.Sum() == 0) weights[0] = 1;
            var total = (long)rng.Next(100_000);
            foreach (var split in new[] { Apportion.LargestRemainder(total, weights), Apportion.Systematic(total, weights, rng.NextDouble()) })
            {
                Assert.Equal(total, split.Sum());
                for (var i = 0; i < weights.Length; i++)
                {
                    var quota = total * weights[i] / weights.Sum();
                    Assert.InRange(split[i], (long)Math.Floor(quota - 1e-6), (long)Math.Ceiling(quota + 1e-6));
                }
            }
        }
    }

    [Fact]
    public void Systematic_rounding_gives_small_cells_units_in_proportion_where_largest_remainder_gives_them_all_to_the_biggest()
    {
        // 1,000 counties of growing size share 100 night operations: every quota is below 0.2.
        var weights = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        var largest = Apportion.LargestRemainder(100, weights);
        var systematic = Apportion.Systematic(100, weights, 0.5);

        Assert.Equal(0, largest.Take(900).Sum());
        Assert.All(largest.Skip(900), n => Assert.Equal(1, n));
        // The smaller half holds a quarter of the weight, so about a quarter of the operations.
        Assert.InRange(systematic.Take(500).Sum(), 24, 26);
        Assert.Throws<ArgumentOutOfRangeException>(() => Apportion.Systematic(1, [1], 1.0));
    }

    [Fact]
    public void Under_a_running_cap_the_running_total_is_the_smaller_of_the_wanted_and_the_allowed()
    {
        long[] screened = [5, 0, 2, 10, 0];
        long[] wanted = [7, 1, 0, 3, 2];

        var resolved = Apportion.UnderRunningCap(wanted, screened);

        Assert.Equal([5L, 0, 2, 4, 2], resolved);
        Assert.Equal(wanted.Sum(), resolved.Sum());
        Assert.Equal([1L, 1, 1], Apportion.UnderRunningCap([1, 1, 1], [3, 0, 0]));
        // What cannot fit under the cap by the end is left out.
        Assert.Equal([1L, 1], Apportion.UnderRunningCap([1, 5], [2, 0]));
    }
}
