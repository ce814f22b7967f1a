using Centurion.Features.Demo;

namespace Centurion.Tests.Demo;

public class DemoRandomTests
{
    [Fact]
    public void It_is_SplitMix64_so_its_numbers_are_fixed_by_the_seed_on_any_runtime()
    {
        // The reference implementation's first outputs for seed 0 (Vigna, splitmix64.c).
        var rng = new DemoRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, rng.NextUInt64());
    }

    [Fact]
    public void Streams_by_label_and_key_repeat_exactly_and_differ_from_each_other()
    {
        static ulong[] Draw(DemoRandom r) => [.. Enumerable.Range(0, 8).Select(_ => r.NextUInt64())];

        Assert.Equal(Draw(DemoRandom.For(1, "report", 510104, 7)), Draw(DemoRandom.For(1, "report", 510104, 7)));
        Assert.NotEqual(Draw(DemoRandom.For(1, "report", 510104, 7)), Draw(DemoRandom.For(1, "report", 510104, 8)));
        Assert.NotEqual(Draw(DemoRandom.For(1, "report", 510104, 7)), Draw(DemoRandom.For(1, "record", 510104, 7)));
        Assert.NotEqual(Draw(DemoRandom.For(1, "report", 510104, 7)), Draw(DemoRandom.For(2, "report", 510104, 7)));
    }

    [Fact]
    public void Draws_stay_in_their_ranges_and_are_spread_evenly()
    {
        var rng = new DemoRandom(42);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            var d = rng.NextDouble();
            Assert.InRange(d, 0, 0.9999999999999999);
            counts[rng.Next(10)]++;
            Assert.InRange(rng.Between(3, 5), 3, 5);
        }
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        var picks = new int[3];
        var cumulative = DemoRandom.Cumulative([1, 0, 3]);
        for (var i = 0; i < 40_000; i++) picks[rng.Pick(cumulative)]++;
        Assert.Equal(0, picks[1]);
        Assert.InRange(picks[2] / (double)picks[0], 2.8, 3.2);
    }
}
