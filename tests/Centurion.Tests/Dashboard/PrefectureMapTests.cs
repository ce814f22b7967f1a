using Centurion.Features.Dashboard;

namespace Centurion.Tests.Dashboard;

public class PrefectureMapTests
{
    [Fact]
    public void Douglas_Peucker_drops_points_within_the_tolerance_and_keeps_the_corners()
    {
        // A square's edges with small wobbles (0.001) between the corners.
        List<(double, double)> ring = [(0, 0), (0.5, 0.001), (1, 0), (1.001, 0.5), (1, 1), (0.5, 0.999), (0, 1), (0.001, 0.5), (0, 0)];
        Assert.Equal([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)], PrefectureMap.Simplify(ring, 0.01));
        Assert.Equal(ring, PrefectureMap.Simplify(ring, 0.0001));
    }

    [Fact]
    public void All_21_prefectures_become_paths_with_far_fewer_vertices()
    {
        var shapes = PrefectureMap.Shapes;
        Assert.Equal(21, shapes.Count);
        Assert.Contains(shapes, s => s.Code == "510100" && s.NameZh == "成都市");
        Assert.InRange(PrefectureMap.VertexCount, 1_000, 8_000); // from about 38,700
        Assert.All(shapes, s => Assert.InRange(s.LabelX, 0, PrefectureMap.Width));
        Assert.All(shapes, s => Assert.InRange(s.LabelY, 0, PrefectureMap.Height));
        // Chengdu lies east of Ganzi (513300) on any map of Sichuan.
        Assert.True(shapes.Single(s => s.Code == "510100").LabelX > shapes.Single(s => s.Code == "513300").LabelX);
    }
}

public class TrendChartTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 10)]
    [InlineData(168, 200)]
    [InlineData(2_100, 2_500)]
    [InlineData(4_900, 5_000)]
    [InlineData(10_000, 10_000)]
    public void The_axis_tops_out_at_a_round_number(long value, long ceiling) => Assert.Equal(ceiling, TrendChart.NiceCeiling(value));

    [Fact]
    public void The_chart_draws_both_years_and_escapes_its_labels()
    {
        var days = Enumerable.Range(0, 3).Select(i => new DateOnly(2022, 6, 25).AddDays(i)).ToList();
        var svg = TrendChart.Svg(days, [10, 20, 30], [5, 5, 5], "2022", "2021 <last>", "trend");
        Assert.Contains("class=\"current\" fill=\"none\" points=\"56,", svg);
        Assert.Contains("class=\"last-year\"", svg);
        Assert.Contains("2021 &lt;last&gt;", svg);
        Assert.Contains(">6-25<", svg);
    }
}
