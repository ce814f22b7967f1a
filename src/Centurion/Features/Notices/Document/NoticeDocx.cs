using System.Globalization;
using System.Text;
using Centurion.Infrastructure.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static Centurion.Features.Notices.Document.NoticeLayout;

namespace Centurion.Features.Notices.Document;

/// <summary>
/// Writes a <see cref="NoticeContent"/> as a .docx in the GB/T 9704-2012 layout of docs/official-notice.md: A4, the 37/35/28/26 mm
/// mirrored margins, the 22×28 grid, 3号仿宋_GB2312, the red mark, number and separator, the title, the body's four heading
/// levels, tables, the 附件说明, the unsealed signature, the 附注, attachments on new pages, the 版记 pinned to the bottom of the
/// last page, and `— N —` page numbers on alternating sides. Only the official font names go into the file; a renderer without
/// them substitutes (see DocxToPdf's fonts.conf).
/// The parts are serialised by hand into <see cref="DeterministicZip"/> with fixed relationship ids and no timestamps but the
/// content's date, so the same content gives the same bytes on every call.
/// </summary>
public static class NoticeDocx
{
    public const string XiaoBiaoSong = "方正小标宋简体";
    public const string FangSong = "仿宋_GB2312";
    public const string KaiTi = "楷体_GB2312";
    public const string HeiTi = "黑体";
    public const string SongTi = "宋体";
    public const string Red = "FF0000";

    private const int Size3 = 32, Size4 = 28, Size2 = 44; // half-points: 三号 16 pt, 四号 14 pt, 二号 22 pt
    private const int Char3 = 320, Char4 = 280;           // one character in twips at 三号 and 四号


    public static byte[] Write(NoticeContent notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var parts = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Utf8(ContentTypes)),
            ("_rels/.rels", Utf8(PackageRels)),
            ("docProps/core.xml", Utf8(Core(notice))),
            ("word/document.xml", Xml(Document(notice))),
            ("word/_rels/document.xml.rels", Utf8(DocumentRels)),
            ("word/styles.xml", Xml(Styles())),
            ("word/settings.xml", Xml(Settings())),
            ("word/fontTable.xml", Xml(FontTable())),
            ("word/footer1.xml", Xml(PageNumberFooter(odd: true))),
            ("word/footer2.xml", Xml(PageNumberFooter(odd: false))),
        };
        return DeterministicZip.Write(parts, notice.Date);
    }

    // ---- the package ----

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """;

    private const string PackageRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """;

    private const string DocumentRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>
        """;

    /// <summary>Created and modified are the document's date (成文日期), not the clock, so re-writing changes nothing.</summary>
    private static string Core(NoticeContent n)
    {
        var when = n.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        var e = (string s) => System.Security.SecurityElement.Escape(s);
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\n"
            + """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"""
            + $"<dc:title>{e(n.Title)}</dc:title><dc:subject>{e(n.Number)}</dc:subject><dc:creator>{e(n.Authority)}</dc:creator><dc:language>zh-CN</dc:language>"
            + $"""<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>""";
    }

    private static byte[] Utf8(string s) => new UTF8Encoding(false).GetBytes(s.Replace("\r\n", "\n"));

    private static byte[] Xml(OpenXmlElement root) =>
        Utf8("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + "\n" + root.OuterXml);

    // ---- document.xml ----

    private static DocumentFormat.OpenXml.Wordprocessing.Document Document(NoticeContent n)
    {
        var body = new Body();
        body.Append(Mark(n.MarkText));
        body.Append(Para("Number", n.Number));
        var title = TitleLines(n.Title);
        var titleParagraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = Style("Title") });
        for (int i = 0; i < title.Count; i++)
        {
            if (i > 0) titleParagraph.Append(new Run(new Break()));
            titleParagraph.Append(R(XiaoBiaoSong, title[i]));
        }
        body.Append(titleParagraph);
        body.Append(Para("Addressees", n.Addressees));
        foreach (var b in n.Body) body.Append(Block(b));

        if (n.Attachments.Count > 0) body.Append(AttachmentNote(n.Attachments));
        var date = DateText(n.Date);
        var (rn, rd) = SignatureIndents(n.Signature, date);
        body.Append(SignatureLine(n.Signature, rn, first: true));
        body.Append(SignatureLine(date, rd, first: false));
        if (!string.IsNullOrWhiteSpace(n.Note)) body.Append(Para("Note", "（" + n.Note.Trim().Trim('（', '）', '(', ')') + "）"));

        for (int i = 0; i < n.Attachments.Count; i++)
        {
            var a = n.Attachments[i];
            body.Append(Para("AttachmentLabel", AttachmentLabel(i, n.Attachments.Count), HeiTi));
            body.Append(Para("AttachmentTitle", a.Title, XiaoBiaoSong));
            foreach (var b in a.Blocks) body.Append(Block(b));
        }

        body.Append(Record(n));
        // The floating 版记 anchors to the paragraph after it; keep that one as small as Word allows so it never takes a page.
        body.Append(new Paragraph(new ParagraphProperties
        {
            SnapToGrid = new SnapToGrid { Val = false },
            SpacingBetweenLines = new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
        }, new Run(new RunProperties { FontSize = new FontSize { Val = "2" } })));
        body.Append(Section());
        return new DocumentFormat.OpenXml.Wordprocessing.Document(body);
    }

    private static IEnumerable<OpenXmlElement> Block(NoticeBlock block) => block switch
    {
        NoticeHeading h => [Para("Heading" + Math.Clamp(h.Level, 1, 4), h.Text, HeadingFont(h.Level))],
        NoticeParagraph p => [BodyParagraph(p)],
        NoticeTable t => Table(t),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "unknown block"),
    };

    private static string HeadingFont(int level) => level switch { <= 1 => HeiTi, 2 => KaiTi, _ => FangSong };

    private static Paragraph BodyParagraph(NoticeParagraph p)
    {
        var para = new Paragraph(new ParagraphProperties { ParagraphStyleId = Style("Body") });
        if (!string.IsNullOrEmpty(p.Lead)) para.Append(R(LevelOf(p.Lead) switch { 0 => HeiTi, var l => HeadingFont(l) }, p.Lead));
        para.Append(R(FangSong, p.Text));
        return para;
    }

    /// <summary>The red mark, centred, its top edge about 35 mm below the top of the text block, scaled to stay on one line.</summary>
    private static Paragraph Mark(string text)
    {
        var (size, scale) = MarkSize(text);
        var line = size * 10 * 115 / 100;   // twips: 1.15 × the size, exact, so the grid does not stretch it
        var before = 1984 - (line - size * 10) / 2;
        return new Paragraph(
            new ParagraphProperties
            {
                ParagraphStyleId = Style("Mark"),
                SpacingBetweenLines = new SpacingBetweenLines { Before = Tw(before), After = "0", Line = Tw(line), LineRule = LineSpacingRuleValues.Exact },
            },
            new Run(new RunProperties
            {
                RunFonts = Fonts(XiaoBiaoSong),
                Color = new Color { Val = Red },
                CharacterScale = new CharacterScale { Val = scale },
                FontSize = new FontSize { Val = Tw(size) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = Tw(size) },
            }, T(text)));
    }

    /// <summary>"附件：1.名称": 2 characters in, wrapped lines under the name's first character, later numbers under the "1.".</summary>
    private static IEnumerable<Paragraph> AttachmentNote(IReadOnlyList<NoticeAttachment> attachments)
    {
        if (attachments.Count == 1)
        {
            yield return Hanging("附件：" + AttachmentName(attachments[0].Title), 5, 3, before: true);
            yield break;
        }
        var number = Width(attachments.Count.ToString(CultureInfo.InvariantCulture) + ".");
        for (int i = 0; i < attachments.Count; i++)
        {
            var text = (i + 1).ToString(CultureInfo.InvariantCulture) + "." + AttachmentName(attachments[i].Title);
            yield return i == 0 ? Hanging("附件：" + text, 5 + number, 3 + number, before: true) : Hanging(text, 5 + number, number, before: false);
        }
    }

    private static Paragraph Hanging(string text, double leftChars, double hangingChars, bool before) =>
        new(new ParagraphProperties
        {
            ParagraphStyleId = Style("AttachmentNote"),
            SpacingBetweenLines = before ? new SpacingBetweenLines { Before = Tw(LinePitch) } : null,
            Indentation = new Indentation
            {
                Left = Tw(leftChars * Char3), LeftChars = (int)(leftChars * 100),
                Hanging = Tw(hangingChars * Char3), HangingChars = (int)(hangingChars * 100),
            },
        }, R(FangSong, text));

    private static Paragraph SignatureLine(string text, double rightChars, bool first) =>
        new(new ParagraphProperties
        {
            ParagraphStyleId = Style("Signature"),
            SpacingBetweenLines = first ? new SpacingBetweenLines { Before = Tw(LinePitch) } : null,
            Indentation = new Indentation { Right = Tw(rightChars * Char3), RightChars = (int)(rightChars * 100) },
        }, R(FangSong, text));

    private static Paragraph Para(string style, string text, string font = FangSong) =>
        new(new ParagraphProperties { ParagraphStyleId = Style(style) }, R(font, text));

    // ---- tables ----

    private static IEnumerable<OpenXmlElement> Table(NoticeTable t)
    {
        if (!string.IsNullOrWhiteSpace(t.Caption)) yield return Para("TableCaption", t.Caption, HeiTi);
        var widths = ColumnWidths(t.Header, t.Rows);
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Width = Tw(TextWidthTwips), Type = TableWidthUnitValues.Dxa },
            TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
            TableBorders = new TableBorders(
                Line<TopBorder>(4), Line<LeftBorder>(4), Line<BottomBorder>(4), Line<RightBorder>(4),
                Line<InsideHorizontalBorder>(4), Line<InsideVerticalBorder>(4)),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableLook = new TableLook { Val = "0000" },
        }, new TableGrid(widths.Select(w => new GridColumn { Width = Tw(w) })));
        table.Append(Row(t.Header, widths, header: true));
        foreach (var r in t.Rows) table.Append(Row(r, widths, header: false));
        yield return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var props = new TableRowProperties(new CantSplit());
        if (header) props.Append(new TableHeader());
        var row = new TableRow(props);
        for (int c = 0; c < widths.Length; c++)
        {
            var text = c < cells.Count ? cells[c] : "";
            var style = header ? "TableHeader" : Width(text) > 8 ? "TableTextLeft" : "TableText";
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = Tw(widths[c]), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                new Paragraph(new ParagraphProperties { ParagraphStyleId = Style(style) }, R(header ? HeiTi : FangSong, text, Size4))));
        }
        return row;
    }

    /// <summary>
    /// The 版记: a floating table pinned to the bottom of the text block of the page it lands on (the last), its rules as wide as
    /// the text block: thick (0.35 mm) first and last, thin (0.25 mm) between 抄送 and 印发.
    /// </summary>
    private static Table Record(NoticeContent n)
    {
        var table = new Table(new TableProperties
        {
            TablePositionProperties = new TablePositionProperties
            {
                LeftFromText = 0, RightFromText = 0, TopFromText = 0, BottomFromText = 0,
                VerticalAnchor = VerticalAnchorValues.Margin, HorizontalAnchor = HorizontalAnchorValues.Margin,
                TablePositionXAlignment = HorizontalAlignmentValues.Center, TablePositionYAlignment = VerticalAlignmentValues.Bottom,
            },
            TableOverlap = new TableOverlap { Val = TableOverlapValues.Never },
            TableWidth = new TableWidth { Width = Tw(TextWidthTwips), Type = TableWidthUnitValues.Dxa },
            TableBorders = new TableBorders(
                Line<TopBorder>(8), Nil<LeftBorder>(), Line<BottomBorder>(8), Nil<RightBorder>(),
                Line<InsideHorizontalBorder>(6), Nil<InsideVerticalBorder>()),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "0000" },
        }, new TableGrid(new GridColumn { Width = Tw(TextWidthTwips / 2) }, new GridColumn { Width = Tw(TextWidthTwips - TextWidthTwips / 2) }));

        if (!string.IsNullOrWhiteSpace(n.CopyTo))
        {
            // 抄送：A，B。 1 character in on both sides, wrapped lines after the colon.
            var copy = new Paragraph(new ParagraphProperties
            {
                ParagraphStyleId = Style("Record"),
                Indentation = new Indentation { Left = Tw(4 * Char4), LeftChars = 400, Right = Tw(Char4), RightChars = 100, Hanging = Tw(3 * Char4), HangingChars = 300 },
            }, R(FangSong, "抄送：" + n.CopyTo.Trim().TrimEnd('。') + "。", Size4));
            table.Append(new TableRow(new TableRowProperties(new CantSplit()),
                new TableCell(new TableCellProperties(new TableCellWidth { Width = Tw(TextWidthTwips), Type = TableWidthUnitValues.Dxa }, new GridSpan { Val = 2 }), copy)));
        }
        var by = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = Style("Record"),
            Indentation = new Indentation { Left = Tw(Char4), LeftChars = 100 },
        }, R(FangSong, n.PrintedBy, Size4));
        var on = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = Style("Record"),
            Indentation = new Indentation { Right = Tw(Char4), RightChars = 100 },
            Justification = new Justification { Val = JustificationValues.Right },
        }, R(FangSong, DateText(n.PrintedOn) + "印发", Size4));
        table.Append(new TableRow(new TableRowProperties(new CantSplit()),
            new TableCell(new TableCellProperties(new TableCellWidth { Width = Tw(TextWidthTwips / 2), Type = TableWidthUnitValues.Dxa }), by),
            new TableCell(new TableCellProperties(new TableCellWidth { Width = Tw(TextWidthTwips - TextWidthTwips / 2), Type = TableWidthUnitValues.Dxa }), on)));
        return table;
    }

    private static T Line<T>(int eighths) where T : BorderType, new() =>
        new() { Val = BorderValues.Single, Size = (uint)eighths, Space = 0, Color = "000000" };

    private static T Nil<T>() where T : BorderType, new() => new() { Val = BorderValues.Nil };

    // ---- section, footers ----

    private static SectionProperties Section() => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = "rId4" },
        new FooterReference { Type = HeaderFooterValues.Even, Id = "rId5" },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1587, Right = 1474, Header = 851, Footer = 1417, Gutter = 0 },
        new Columns { Space = "425" },
        new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LinePitch, CharacterSpace = -841 });

    /// <summary>`— N —` in 4号宋体: odd pages right-aligned 1 character in, even pages left-aligned 1 character in.</summary>
    private static Footer PageNumberFooter(bool odd)
    {
        RunProperties Rp() => new() { RunFonts = Fonts(SongTi), FontSize = new FontSize { Val = Tw(Size4) }, FontSizeComplexScript = new FontSizeComplexScript { Val = Tw(Size4) } };
        var p = new Paragraph(
            new ParagraphProperties
            {
                ParagraphStyleId = Style("PageNumber"),
                Indentation = odd ? new Indentation { Right = Tw(Char4) } : new Indentation { Left = Tw(Char4) },
                Justification = new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left },
            },
            new Run(Rp(), T("— ")),
            new Run(Rp(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Rp(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Rp(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Rp(), T("1")),
            new Run(Rp(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Rp(), T(" —")));
        return new Footer(p);
    }

    // ---- styles, settings, fonts ----

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = Fonts(FangSong),
                Color = new Color { Val = "000000" },
                FontSize = new FontSize { Val = Tw(Size3) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = Tw(Size3) },
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = Tw(LinePitch), LineRule = LineSpacingRuleValues.Exact },
            }));

        var styles = new Styles(defaults);
        styles.Append(ParaStyle("Normal", "Normal", null, FangSong, Size3, p =>
        {
            p.WidowControl = new WidowControl { Val = false };
            p.Justification = new Justification { Val = JustificationValues.Both };
        }, isDefault: true));
        styles.Append(ParaStyle("Mark", "公文 发文机关标志", "Normal", XiaoBiaoSong, null, p =>
        {
            p.SnapToGrid = new SnapToGrid { Val = false };
            p.Justification = new Justification { Val = JustificationValues.Center };
        }, color: Red));
        styles.Append(ParaStyle("Number", "公文 发文字号", "Normal", FangSong, Size3, p =>
        {
            // 空二行 below the mark; the red separator 4 mm below the number, as wide as the text block.
            p.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 5, Color = Red });
            p.SpacingBetweenLines = new SpacingBetweenLines { Before = Tw(2 * LinePitch) };
            p.Justification = new Justification { Val = JustificationValues.Center };
        }));
        styles.Append(ParaStyle("Title", "公文 标题", "Normal", XiaoBiaoSong, Size2, p =>
        {
            p.SnapToGrid = new SnapToGrid { Val = false };
            p.SpacingBetweenLines = new SpacingBetweenLines { Before = Tw(2 * LinePitch) };
            p.Justification = new Justification { Val = JustificationValues.Center };
        }));
        styles.Append(ParaStyle("Addressees", "公文 主送机关", "Normal", FangSong, Size3, p =>
            p.SpacingBetweenLines = new SpacingBetweenLines { Before = Tw(LinePitch) }));
        styles.Append(ParaStyle("Body", "公文 正文", "Normal", FangSong, Size3, Indent2));
        string[] headingNames = ["公文 一级标题", "公文 二级标题", "公文 三级标题", "公文 四级标题"];
        for (int level = 1; level <= 4; level++)
        {
            var l = level;
            styles.Append(ParaStyle("Heading" + level, headingNames[level - 1], "Normal", HeadingFont(level), Size3, p =>
            {
                p.KeepNext = new KeepNext();
                Indent2(p);
                p.OutlineLevel = new OutlineLevel { Val = l - 1 };
            }));
        }
        styles.Append(ParaStyle("TableCaption", "公文 表题", "Normal", HeiTi, Size3, p =>
        {
            p.KeepNext = new KeepNext();
            p.Justification = new Justification { Val = JustificationValues.Center };
        }));
        void Cell(StyleParagraphProperties p)
        {
            p.SnapToGrid = new SnapToGrid { Val = false };
            p.SpacingBetweenLines = new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Exact };
        }
        styles.Append(ParaStyle("TableHeader", "公文 表头", "Normal", HeiTi, Size4, p => { Cell(p); p.Justification = new Justification { Val = JustificationValues.Center }; }));
        styles.Append(ParaStyle("TableText", "公文 表格", "Normal", FangSong, Size4, p => { Cell(p); p.Justification = new Justification { Val = JustificationValues.Center }; }));
        styles.Append(ParaStyle("TableTextLeft", "公文 表格 左齐", "Normal", FangSong, Size4, p => { Cell(p); p.Justification = new Justification { Val = JustificationValues.Both }; }));
        styles.Append(ParaStyle("AttachmentNote", "公文 附件说明", "Normal", FangSong, Size3, _ => { }));
        styles.Append(ParaStyle("Signature", "公文 署名", "Normal", FangSong, Size3, p => p.Justification = new Justification { Val = JustificationValues.Right }));
        styles.Append(ParaStyle("Note", "公文 附注", "Normal", FangSong, Size3, Indent2));
        styles.Append(ParaStyle("AttachmentLabel", "公文 附件标识", "Normal", HeiTi, Size3, p =>
        {
            p.PageBreakBefore = new PageBreakBefore();
            p.Justification = new Justification { Val = JustificationValues.Left };
        }));
        styles.Append(ParaStyle("AttachmentTitle", "公文 附件标题", "Normal", XiaoBiaoSong, Size2, p =>
        {
            p.SnapToGrid = new SnapToGrid { Val = false };
            p.SpacingBetweenLines = new SpacingBetweenLines { Before = Tw(LinePitch), After = Tw(LinePitch) };
            p.Justification = new Justification { Val = JustificationValues.Center };
        }));
        styles.Append(ParaStyle("Record", "公文 版记", "Normal", FangSong, Size4, p =>
        {
            p.SnapToGrid = new SnapToGrid { Val = false };
            p.SpacingBetweenLines = new SpacingBetweenLines { Line = "500", LineRule = LineSpacingRuleValues.Exact };
            p.Justification = new Justification { Val = JustificationValues.Left };
        }));
        styles.Append(ParaStyle("PageNumber", "公文 页码", "Normal", SongTi, Size4, p =>
        {
            p.SnapToGrid = new SnapToGrid { Val = false };
            p.SpacingBetweenLines = new SpacingBetweenLines { Line = Tw(Char4), LineRule = LineSpacingRuleValues.Exact };
        }));
        return styles;
    }

    private static void Indent2(StyleParagraphProperties p) =>
        p.Indentation = new Indentation { FirstLine = Tw(2 * Char3), FirstLineChars = 200 };

    private static Style ParaStyle(string id, string name, string? basedOn, string font, int? size, Action<StyleParagraphProperties> paragraph,
        bool isDefault = false, string? color = null)
    {
        var p = new StyleParagraphProperties();
        paragraph(p);
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        style.Append(new NextParagraphStyle { Val = id is "Normal" or "Body" ? id : "Body" });
        style.Append(new PrimaryStyle());
        style.Append(p);
        var r = new StyleRunProperties { RunFonts = Fonts(font) };
        if (color is not null) r.Color = new Color { Val = color };
        if (size is { } s) { r.FontSize = new FontSize { Val = Tw(s) }; r.FontSizeComplexScript = new FontSizeComplexScript { Val = Tw(s) }; }
        style.Append(r);
        return style;
    }

    private static Settings Settings() => new(
        new Zoom { Percent = "100" },
        new MirrorMargins(),
        new DefaultTabStop { Val = 420 },
        new EvenAndOddHeaders(),
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(
            new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    /// <summary>Each official font with the Windows name Word tries before substituting (altName), in the GB 2312 charset.</summary>
    private static Fonts FontTable() => new(
        Font(FangSong, "仿宋"), Font(XiaoBiaoSong, "华文中宋"), Font(KaiTi, "楷体"), Font(HeiTi, "SimHei"), Font(SongTi, "SimSun"));

    private static Font Font(string name, string alt) => new(
        new AltName { Val = alt },
        new FontCharSet { Val = "86" },
        new FontFamily { Val = FontFamilyValues.Auto },
        new Pitch { Val = FontPitchValues.Variable }) { Name = name };

    // ---- small pieces ----

    private static ParagraphStyleId Style(string id) => new() { Val = id };

    internal static RunFonts Fonts(string font) =>
        new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    private static Run R(string font, string text, int? size = null)
    {
        var rp = new RunProperties { RunFonts = Fonts(font) };
        if (size is { } s) { rp.FontSize = new FontSize { Val = Tw(s) }; rp.FontSizeComplexScript = new FontSizeComplexScript { Val = Tw(s) }; }
        return new Run(rp, T(text));
    }

    private static Text T(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static string Tw(double twips) => ((int)Math.Round(twips)).ToString(CultureInfo.InvariantCulture);
}
