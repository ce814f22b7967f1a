using Centurion.Features.Notices.Document;

namespace Centurion.Tests.Notices;

public class NoticeLayoutTests
{
    [Theory]
    // 四川省公安厅 is 6 characters, 2022年9月5日 is 2+1+½+1+½+1 = 6: the date is not shorter, so it sits 2 from the right
    // and the name starts 2 characters left of it: 28-2-6-2 = 18 from the left, i.e. 4 from the right.
    [InlineData("四川省公安厅", "2022年9月5日", 4, 2)]
    // A 9-character name over a 6-character date: name 2 from the right (first character at 17), date starts at 19, so
    // it ends 28-19-6 = 3 from the right.
    [InlineData("四川省公安厅办公室", "2022年9月5日", 2, 3)]
    // 2022年12月25日 is 7 wide, 成都市公安局 6: 7+4-6 = 5.
    [InlineData("成都市公安局", "2022年12月25日", 5, 2)]
    public void The_unsealed_signature_follows_7_3_5_2(string name, string date, double rn, double rd)
    {
        Assert.Equal((rn, rd), NoticeLayout.SignatureIndents(name, date));
    }

    [Fact]
    public void Dates_have_the_full_year_and_no_leading_zeros()
    {
        Assert.Equal("2022年9月5日", NoticeLayout.DateText(new DateOnly(2022, 9, 5)));
        Assert.Equal("2024年12月18日", NoticeLayout.DateText(new DateOnly(2024, 12, 18)));
    }

    [Theory]
    [InlineData("一、基本情况", 1)]
    [InlineData("十二、其他", 1)]
    [InlineData("（一）红榜。", 2)]
    [InlineData("1.", 3)]
    [InlineData("12．要求", 3)]
    [InlineData("（1）", 4)]
    [InlineData("红榜：", 0)]
    [InlineData("一是", 0)]
    [InlineData("2022年", 0)]
    public void A_run_in_lead_takes_the_level_of_its_numbering(string lead, int level)
    {
        Assert.Equal(level, NoticeLayout.LevelOf(lead));
    }

    [Fact]
    public void The_mark_is_56_pt_at_75_percent_and_narrows_to_fit_one_line()
    {
        Assert.Equal((112, 75), NoticeLayout.MarkSize("四川省公安厅文件"));
        // 12 characters at 56 pt: 425 / (12 × 56) = 63%.
        Assert.Equal((112, 63), NoticeLayout.MarkSize("四川省公安厅百日行动办公室"[..12]));
        // 20 characters: 56 pt would need 38%, under half, so the size drops to 425 / (20 × 0.5) = 42.5 pt at 50%.
        var (size, scale) = NoticeLayout.MarkSize(new string('厅', 20));
        Assert.Equal((85, 50), (size, scale));
        Assert.True(20 * size / 2.0 * scale / 100 <= 442);
    }

    [Fact]
    public void A_long_title_breaks_between_phrases_into_balanced_lines_that_fit()
    {
        var lines = NoticeLayout.TitleLines("四川省公安厅关于2022年8月全省夏季治安打击整治“百日行动”督导推进情况的通报");
        Assert.Equal(["四川省公安厅关于2022年8月", "全省夏季治安打击整治", "“百日行动”督导推进情况的通报"], lines);
        Assert.Equal(["四川省公安厅关于表彰先进的通报"], NoticeLayout.TitleLines("四川省公安厅关于表彰先进的通报"));
    }

    [Fact]
    public void Table_columns_fill_the_text_block()
    {
        var widths = NoticeLayout.ColumnWidths(["序号", "单位", "得分", "排名"], [["1", "成都市", "95.5", "1"]]);
        Assert.Equal(8845, widths.Sum());
        Assert.All(widths, w => Assert.True(w >= 560));
        Assert.Equal(widths[0], widths[3]); // the same content gets the same width
    }
}
