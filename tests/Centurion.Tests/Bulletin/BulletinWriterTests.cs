using Centurion.Features.Bulletin;
using Centurion.Features.Campaigns;

namespace Centurion.Tests.Bulletin;

public class BulletinWriterTests
{
    [Theory]
    [InlineData(168_000, "16.8万", "168,000")]
    [InlineData(460_000, "46万", "460,000")]
    [InlineData(18_000, "1.8万", "18,000")]
    [InlineData(1_755, "1755", "1,755")]
    [InlineData(52, "52", "52")]
    [InlineData(10_000, "1万", "10,000")]
    [InlineData(9_999, "9999", "9,999")]
    [InlineData(123_456, "12.3万", "123,456")]
    public void Numbers_are_written_as_each_press_writes_them(long value, string chinese, string english)
    {
        Assert.Equal(chinese, PressNumbers.Chinese(value));
        Assert.Equal(english, PressNumbers.InEnglish(value));
    }

    private static readonly Headline[] Totals =
    [
        new("police-deployments", "出动警力", "Police person-deployments", Measure.PersonTimes, 168_000),
        new("offence-suspects", "查获违法犯罪嫌疑人", "Offence suspects caught", Measure.Persons, 1_755),
    ];

    [Fact]
    public void A_significant_change_is_stated_as_a_fall_or_rise()
    {
        // 4,300 against 5,000: change −0.14, z = 2(√4300 − √5000) ≈ 2(65.57 − 70.71) ≈ −10.3: significant.
        var changes = new[] { new Headline("criminal-cases-filed", "刑事案件立案数", "Criminal cases filed", Measure.Cases, 4_300, -0.14, -10.3) };

        var zh = BulletinWriter.Write("zh", ("全省", "across the province"), "百日行动", "100-day operation", new(2022, 6, 25), new(2022, 7, 20), Totals, changes);
        var en = BulletinWriter.Write("en", ("全省", "across the province"), "百日行动", "100-day operation", new(2022, 6, 25), new(2022, 7, 20), Totals, changes);

        Assert.Contains("共出动警力16.8万人次", zh);
        Assert.Contains("查获违法犯罪嫌疑人1755名", zh);
        Assert.Contains("刑事案件立案数同比下降14%", zh);
        Assert.Contains("“百日行动”自6月25日开展以来", zh);
        Assert.Contains("made 168,000 police person-deployments", en);
        Assert.Contains("caught 1,755 offence suspects", en);
        Assert.Contains("Criminal cases filed fell 14% year-on-year", en);
    }

    [Fact]
    public void A_change_that_is_noise_or_on_a_small_base_is_not_claimed()
    {
        // 3 against 5 is −40% but z = 2(√3 − √5) ≈ −1.01 and the base is under 20.
        var small = new Headline("vulnerable-victim-cases", "侵害弱势群体案件", "Crimes against vulnerable groups", Measure.Cases, 3, -0.4, -1.01, LowBase: true);
        // 980 against 1,000 is −2% with z ≈ 2(31.30 − 31.62) ≈ −0.64: within normal variation.
        var flat = new Headline("public-order-cases", "治安案件", "Public-order cases", Measure.Cases, 980, -0.02, -0.64, YearOnYear: false);

        var zh = BulletinWriter.Write("zh", ("全省", "across the province"), "百日行动", "100-day operation", new(2022, 6, 25), new(2022, 7, 20), Totals, [small, flat]);
        var en = BulletinWriter.Write("en", ("全省", "across the province"), "百日行动", "100-day operation", new(2022, 6, 25), new(2022, 7, 20), Totals, [small, flat]);

        Assert.Contains("基数较小", zh);
        var nested = BulletinWriter.Write("zh", ("全省", "across the province"), "夏季治安打击整治“百日行动”", "x", new(2022, 6, 25), new(2022, 7, 20), Totals, [small]);
        Assert.Contains("，夏季治安打击整治“百日行动”自6月25日", nested);
        Assert.Contains("治安案件环比变化−2%，在正常波动范围内", zh);
        Assert.DoesNotContain("治安案件环比下降", zh);
        Assert.Contains("on a small base", en);
        Assert.Contains("; public-order cases changed −2% on the previous period, within normal variation", en);
    }
}
