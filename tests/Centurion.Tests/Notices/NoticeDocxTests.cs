using System.Security.Cryptography;
using Centurion.Features.Notices.Document;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Centurion.Tests.Notices;

/// <summary>The written package, read back: every number below is the spec's (docs/official-notice.md), not the writer's.</summary>
public class NoticeDocxTests
{
    private static readonly byte[] Bytes = NoticeDocx.Write(NoticeSample.Build());

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static Body Body(WordprocessingDocument d) => d.MainDocumentPart!.Document!.Body!;

    private static string TextOf(OpenXmlElement e) => string.Concat(e.Descendants<Text>().Select(t => t.Text));

    private static Style StyleOf(WordprocessingDocument d, Paragraph p) =>
        d.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == p.ParagraphProperties!.ParagraphStyleId!.Val);

    [Fact]
    public void The_package_passes_the_OpenXml_validator()
    {
        using var d = Open(Bytes);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(d).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void The_page_is_A4_with_the_standard_mirrored_margins_and_the_22_by_28_grid()
    {
        using var d = Open(Bytes);
        var section = Body(d).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var m = section.GetFirstChild<PageMargin>()!;
        // 37 mm top, 35 mm bottom, 28 mm binding edge, 26 mm outer edge; 225 × 156 mm of text.
        Assert.Equal((2098, 1984, 1587u, 1474u), (m.Top!.Value, m.Bottom!.Value, m.Left!.Value, m.Right!.Value));
        Assert.Equal(16838 - 2098 - 1984, 12756);
        Assert.True(m.Footer!.Value is >= 1417 and <= 1446);
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.LinesAndChars, grid.Type!.Value);
        Assert.Equal(579, grid.LinePitch!.Value);
        Assert.Equal(-841, grid.CharacterSpace!.Value);
        Assert.True(22 * 579 <= 12756);
        var settings = d.MainDocumentPart!.DocumentSettingsPart!.Settings!;
        Assert.NotNull(settings.GetFirstChild<MirrorMargins>());
        Assert.NotNull(settings.GetFirstChild<EvenAndOddHeaders>());
        Assert.Null(section.GetFirstChild<TitlePage>()); // page 1 is numbered
    }

    [Fact]
    public void Normal_is_3hao_FangSong_GB2312_and_the_defaults_are_zh_CN()
    {
        using var d = Open(Bytes);
        var styles = d.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");
        Assert.True(normal.Default?.Value);
        Assert.Equal("仿宋_GB2312", normal.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", normal.StyleRunProperties!.FontSize!.Val!.Value);
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value);
        var spacing = styles.DocDefaults!.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(("579", LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
    }

    [Fact]
    public void The_head_is_the_red_mark_the_number_on_a_red_line_and_the_title()
    {
        using var d = Open(Bytes);
        var paragraphs = Body(d).Elements<Paragraph>().ToList();
        var mark = paragraphs[0];
        Assert.Equal("四川省公安厅文件", TextOf(mark));
        var run = mark.Descendants<Run>().Single().RunProperties!;
        Assert.Equal("FF0000", run.Color!.Val!.Value);
        Assert.Equal("方正小标宋简体", run.RunFonts!.EastAsia!.Value);
        Assert.True(int.Parse(run.FontSize!.Val!.Value!) >= 72, "the mark is at least 36 pt");
        Assert.True(run.CharacterScale!.Val!.Value is > 0 and <= 100);
        var markStyle = StyleOf(d, mark);
        Assert.Equal(JustificationValues.Center, markStyle.StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.True(int.Parse(mark.ParagraphProperties!.SpacingBetweenLines!.Before!.Value!) is > 1700 and <= 1984, "about 35 mm down the text block");

        var number = paragraphs[1];
        Assert.Equal("川公通〔2022〕2号", TextOf(number));
        var numberStyle = StyleOf(d, number).StyleParagraphProperties!;
        Assert.Equal(JustificationValues.Center, numberStyle.Justification!.Val!.Value);
        Assert.Equal("1158", numberStyle.SpacingBetweenLines!.Before!.Value); // 空二行 below the mark
        var line = numberStyle.ParagraphBorders!.BottomBorder!;
        Assert.Equal(("FF0000", BorderValues.Single), (line.Color!.Value, line.Val!.Value));
        Assert.True(line.Size!.Value is >= 8 and <= 12, "1–1.5 pt");

        var title = paragraphs[2];
        Assert.Equal(NoticeSample.Build().Title, TextOf(title));
        Assert.Equal(2, title.Descendants<Break>().Count());
        var titleStyle = StyleOf(d, title);
        Assert.Equal("方正小标宋简体", titleStyle.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("44", titleStyle.StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal("1158", titleStyle.StyleParagraphProperties!.SpacingBetweenLines!.Before!.Value);
        Assert.Equal("各市（州）公安局：", TextOf(paragraphs[3]));
    }

    [Theory]
    [InlineData("一、基本情况", "黑体")]
    [InlineData("（一）红榜", "楷体_GB2312")]
    [InlineData("1.成都市", "仿宋_GB2312")]
    [InlineData("（1）主要做法", "仿宋_GB2312")]
    public void Headings_use_their_levels_fonts_with_the_2_character_indent(string heading, string font)
    {
        using var d = Open(Bytes);
        var p = Body(d).Elements<Paragraph>().First(p => TextOf(p) == heading);
        var style = StyleOf(d, p);
        Assert.Equal(font, style.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal(font, p.Descendants<RunFonts>().Single().EastAsia!.Value);
        Assert.Equal(200, style.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.NotNull(style.StyleParagraphProperties!.KeepNext);
    }

    [Fact]
    public void A_lead_is_run_in_in_its_own_font()
    {
        using var d = Open(Bytes);
        var fonts = (string start) => Body(d).Elements<Paragraph>().First(p => TextOf(p).StartsWith(start))
            .Descendants<RunFonts>().Select(f => f.EastAsia!.Value).ToArray();
        Assert.Equal(["黑体", "仿宋_GB2312"], fonts("红榜："));
        Assert.Equal(["楷体_GB2312", "仿宋_GB2312"], fonts("（二）黑榜。"));
    }

    [Fact]
    public void Tables_repeat_their_header_row_and_stay_within_the_text_block()
    {
        using var d = Open(Bytes);
        var tables = Body(d).Elements<Table>().ToList();
        var content = tables.Take(tables.Count - 1).ToList(); // the last is the 版记
        Assert.Equal(3, content.Count);
        foreach (var t in content)
        {
            var rows = t.Elements<TableRow>().ToList();
            Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
            Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
            Assert.Equal(8845, t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
            var borders = t.GetFirstChild<TableProperties>()!.TableBorders!;
            Assert.Equal(BorderValues.Single, borders.InsideHorizontalBorder!.Val!.Value);
            Assert.Equal("黑体", rows[0].Descendants<RunFonts>().First().EastAsia!.Value);
        }
        var caption = content[0].PreviousSibling<Paragraph>()!;
        Assert.Equal("表1　各市（州）推进情况排名", TextOf(caption));
        Assert.Equal("黑体", StyleOf(d, caption).StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public void The_attachment_note_signature_date_note_and_attachments_follow_the_body()
    {
        using var d = Open(Bytes);
        var paragraphs = Body(d).Elements<Paragraph>().ToList();
        int At(string text) => paragraphs.FindIndex(p => TextOf(p) == text);
        var note1 = paragraphs[At("附件：1.各市（州）推进情况排名表")];
        var note2 = paragraphs[At("2.督导发现问题整改情况")];
        // The names start 2 + 3 + 1 characters in: 附件： is 3, "1." is 1.
        Assert.Equal((600, 400), (note1.ParagraphProperties!.Indentation!.LeftChars!.Value, note1.ParagraphProperties.Indentation.HangingChars!.Value));
        Assert.Equal((600, 100), (note2.ParagraphProperties!.Indentation!.LeftChars!.Value, note2.ParagraphProperties.Indentation.HangingChars!.Value));
        var name = paragraphs[At("四川省公安厅")];
        var date = paragraphs[At("2022年9月5日")];
        Assert.Equal(400, name.ParagraphProperties!.Indentation!.RightChars!.Value);
        Assert.Equal(200, date.ParagraphProperties!.Indentation!.RightChars!.Value);
        Assert.Equal("579", name.ParagraphProperties.SpacingBetweenLines!.Before!.Value); // 空一行
        Assert.True(At("附件：1.各市（州）推进情况排名表") < At("四川省公安厅") && At("四川省公安厅") < At("2022年9月5日")
            && At("2022年9月5日") + 1 == At("（此件发至县级公安机关）"));

        foreach (var (label, title) in new[] { ("附件1", "各市（州）推进情况排名表"), ("附件2", "督导发现问题整改情况") })
        {
            var l = paragraphs[At(label)];
            Assert.NotNull(StyleOf(d, l).StyleParagraphProperties!.PageBreakBefore);
            Assert.Equal("黑体", l.Descendants<RunFonts>().Single().EastAsia!.Value);
            Assert.Equal(At(label) + 1, At(title));
            Assert.Equal(JustificationValues.Center, StyleOf(d, paragraphs[At(title)]).StyleParagraphProperties!.Justification!.Val!.Value);
        }
    }

    [Fact]
    public void The_closing_record_is_pinned_to_the_bottom_of_the_text_block_with_thick_thin_thick_rules()
    {
        using var d = Open(Bytes);
        var record = Body(d).Elements<Table>().Last();
        var props = record.GetFirstChild<TableProperties>()!;
        var position = props.TablePositionProperties!;
        Assert.Equal(VerticalAnchorValues.Margin, position.VerticalAnchor!.Value);
        Assert.Equal(VerticalAlignmentValues.Bottom, position.TablePositionYAlignment!.Value);
        Assert.Equal(TableOverlapValues.Never, props.TableOverlap!.Val!.Value);
        Assert.Equal((8u, 6u, 8u), (props.TableBorders!.TopBorder!.Size!.Value, props.TableBorders.InsideHorizontalBorder!.Size!.Value, props.TableBorders.BottomBorder!.Size!.Value));
        Assert.Equal("8845", props.TableWidth!.Width!.Value);
        var rows = record.Elements<TableRow>().ToList();
        Assert.Equal("抄送：省纪委监委驻公安厅纪检监察组，各市（州）人民政府。", TextOf(rows[0]));
        Assert.Equal(["四川省公安厅办公室", "2022年9月5日印发"], rows[1].Elements<TableCell>().Select(TextOf));
        Assert.All(record.Descendants<FontSize>(), s => Assert.Equal("28", s.Val!.Value)); // 4号
        // Nothing but the anchor paragraph and the section follow it.
        Assert.Equal([typeof(Paragraph), typeof(SectionProperties)], record.ElementsAfter().Select(e => e.GetType()));
    }

    [Fact]
    public void Page_numbers_are_4hao_SongTi_dashes_on_the_outer_side()
    {
        using var d = Open(Bytes);
        var main = d.MainDocumentPart!;
        var section = Body(d).Elements<SectionProperties>().Single();
        Footer FooterOf(HeaderFooterValues type) =>
            ((FooterPart)main.GetPartById(section.Elements<FooterReference>().Single(f => f.Type!.Value == type).Id!.Value!)).Footer!;
        foreach (var (type, jc, odd) in new[] { (HeaderFooterValues.Default, JustificationValues.Right, true), (HeaderFooterValues.Even, JustificationValues.Left, false) })
        {
            var p = FooterOf(type).Elements<Paragraph>().Single();
            Assert.Equal(jc, p.ParagraphProperties!.Justification!.Val!.Value);
            var ind = p.ParagraphProperties.Indentation!;
            Assert.Equal("280", odd ? ind.Right!.Value : ind.Left!.Value); // 1 character of 4号
            Assert.Equal(" PAGE ", string.Concat(p.Descendants<FieldCode>().Select(f => f.Text)));
            Assert.Equal("— 1 —", TextOf(p));
            Assert.All(p.Descendants<RunFonts>(), f => Assert.Equal("宋体", f.EastAsia!.Value));
            Assert.All(p.Descendants<FontSize>(), s => Assert.Equal("28", s.Val!.Value));
        }
    }

    [Fact]
    public void Only_the_official_fonts_are_named_always_with_the_eastAsia_hint_and_with_their_altNames()
    {
        using var d = Open(Bytes);
        string[] official = ["方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"];
        var main = d.MainDocumentPart!;
        var roots = new OpenXmlPartRootElement[] { main.Document!, main.StyleDefinitionsPart!.Styles! }.Concat(main.FooterParts.Select(f => f.Footer!));
        var fonts = roots.SelectMany(r => r.Descendants<RunFonts>()).ToList();
        Assert.True(fonts.Count > 50);
        Assert.All(fonts, f =>
        {
            Assert.Equal(FontTypeHintValues.EastAsia, f.Hint!.Value);
            Assert.All(new[] { f.Ascii, f.HighAnsi, f.EastAsia, f.ComplexScript }, v => Assert.Contains(v!.Value, official));
            Assert.Null(f.AsciiTheme); Assert.Null(f.EastAsiaTheme); Assert.Null(f.HighAnsiTheme); Assert.Null(f.ComplexScriptTheme);
        });
        Assert.Null(main.ThemePart);
        var table = main.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.GetFirstChild<AltName>()!.Val!.Value);
        Assert.Equal(official.Order(), table.Keys.Order());
        Assert.Equal("仿宋", table["仿宋_GB2312"]);
        Assert.Equal("楷体", table["楷体_GB2312"]);
        Assert.All(main.FontTablePart.Fonts.Elements<Font>(), f => Assert.Equal("86", f.GetFirstChild<FontCharSet>()!.Val!.Value));
    }

    [Fact]
    public void The_same_content_gives_the_same_bytes_and_a_changed_word_does_not()
    {
        var again = NoticeDocx.Write(NoticeSample.Build());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Bytes)), Convert.ToHexString(SHA256.HashData(again)));
        var changed = NoticeDocx.Write(NoticeSample.Build("各地要在9月16日前完成逾期整改事项销号。"));
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData(Bytes)), Convert.ToHexString(SHA256.HashData(changed)));
        using var d = Open(changed);
        Assert.Contains(Body(d).Elements<Paragraph>(), p => TextOf(p).Contains("9月16日前"));
    }

    [Fact]
    public void Every_text_of_the_content_is_in_the_document_in_order()
    {
        using var d = Open(Bytes);
        var all = string.Join("\n", Body(d).Descendants<Paragraph>().Select(TextOf));
        var at = 0;
        foreach (var expected in NoticeTexts.InOrder(NoticeSample.Build()))
        {
            var found = all.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"«{expected}» missing after position {at}");
            at = found + expected.Length;
        }
    }
}
