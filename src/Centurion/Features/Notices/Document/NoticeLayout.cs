using System.Globalization;

namespace Centurion.Features.Notices.Document;

/// <summary>
/// The arithmetic of the GB/T 9704 layout, kept pure so it can be checked by hand: widths in characters (a CJK character is 1, a
/// half-width one ½), the signature's right indents, the mark's size and scale, the title's line breaks and the tables' widths.
/// </summary>
public static class NoticeLayout
{
    /// <summary>The text block: 156 mm wide, 28 characters of 3号 on the 22×28 grid.</summary>
    public const int LineChars = 28;
    public const int TextWidthTwips = 8845;
    public const int LinePitch = 579;

    public static string DateText(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static bool IsHalfWidth(char c) => c < 0x2E80 && c != '—' && c != '…' && c != '“' && c != '”' && c != '‘' && c != '’'
        || c is >= '\uFF61' and <= '\uFFDC';

    public static double Width(string text) => text.Sum(c => IsHalfWidth(c) ? 0.5 : 1.0);

    /// <summary>
    /// Unsealed signature (§7.3.5.2): the name 2 characters from the right, the date on the next line starting 2 characters
    /// right of the name's first character; a longer date sits 2 from the right and pushes the name left. Returns the right
    /// indents in characters.
    /// </summary>
    public static (double Name, double Date) SignatureIndents(string name, string date)
    {
        double n = Width(name), d = Width(date);
        var rd = n - d;
        return rd < 2 ? (d + 4 - n, 2) : (2, rd);
    }

    /// <summary>
    /// The level a run-in lead belongs to, from its numbering: 一、 → 1 (黑体), （一） → 2 (楷体), 1. → 3, （1） → 4 (仿宋); anything
    /// else (红榜：) is a 黑体 lead-in, 0.
    /// </summary>
    public static int LevelOf(string lead)
    {
        var s = lead.TrimStart();
        if (s.Length == 0) return 0;
        const string cjkDigits = "一二三四五六七八九十百";
        int i = 0;
        if (s[0] is '（' or '(')
        {
            i = 1;
            if (i < s.Length && cjkDigits.Contains(s[i])) { while (i < s.Length && cjkDigits.Contains(s[i])) i++; return i < s.Length && s[i] is '）' or ')' ? 2 : 0; }
            if (i < s.Length && char.IsAsciiDigit(s[i])) { while (i < s.Length && char.IsAsciiDigit(s[i])) i++; return i < s.Length && s[i] is '）' or ')' ? 4 : 0; }
            return 0;
        }
        if (cjkDigits.Contains(s[0])) { while (i < s.Length && cjkDigits.Contains(s[i])) i++; return i < s.Length && s[i] == '、' ? 1 : 0; }
        if (char.IsAsciiDigit(s[0])) { while (i < s.Length && char.IsAsciiDigit(s[i])) i++; return i < s.Length && s[i] is '.' or '．' ? 3 : 0; }
        return 0;
    }

    /// <summary>
    /// The mark's size in half-points and its horizontal scale in percent: 56 pt (under the old 22 mm cap), narrowed to 75%
    /// as red heads usually are, and narrowed further, then made smaller (not below 36 pt), until it fits 150 mm on one line.
    /// </summary>
    public static (int HalfPoints, int Scale) MarkSize(string mark)
    {
        const double available = 425; // points, of the 442 pt text block
        var n = Math.Max(1, Width(mark));
        double size = 56, scale = Math.Min(0.75, available / (n * size));
        if (scale < 0.5) { size = Math.Max(36, available / (n * 0.5)); scale = Math.Min(0.75, available / (n * size)); }
        return ((int)Math.Floor(size * 2), Math.Max(1, (int)Math.Floor(scale * 100)));
    }

    /// <summary>
    /// Splits a title that does not fit one line into balanced lines that never split a number or word (§7.3.1): breaks go only
    /// where a phrase ends (after 关于, around quotes, after punctuation, around 的, after 年/月 not followed by a digit) unless no
    /// such split fits, in which case any place between two CJK characters will do. <paramref name="capacity"/> is in
    /// characters of the title's size.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(string title, double capacity = 20)
    {
        double W(string s) => s.Sum(c => IsHalfWidth(c) ? 0.55 : 1.0); // digits of 小标宋 run a little wider than half
        if (W(title) <= capacity) return [title];
        var phrase = new List<int>();
        var any = new List<int>();
        for (int i = 1; i < title.Length; i++)
        {
            char a = title[i - 1], b = title[i];
            if (IsHalfWidth(a) && IsHalfWidth(b) || "，。、；：）”〕》！？".Contains(b) || "（“〔《".Contains(a)) continue;
            any.Add(i);
            if (title[..i].EndsWith("关于") || b == '“' || a == '”' || "，、；：".Contains(a) || b == '的' || a == '的'
                || (a is '年' or '月') && !char.IsAsciiDigit(b) || a == '）') phrase.Add(i);
        }
        var minLines = (int)Math.Ceiling(W(title) / capacity);
        foreach (var points in new[] { phrase, any })
            for (int k = minLines; k <= minLines + 1; k++)
                if (Best(points, k) is { } lines) return lines;
        return [title];

        IReadOnlyList<string>? Best(List<int> points, int k)
        {
            var average = W(title) / k;
            List<string>? best = null;
            double bestCost = double.MaxValue;
            void Walk(int from, int left, List<string> acc)
            {
                if (left == 1)
                {
                    var last = title[from..];
                    if (W(last) > capacity) return;
                    var lines = acc.Append(last).ToList();
                    var cost = lines.Sum(l => Math.Pow(W(l) - average, 2));
                    if (cost < bestCost) { bestCost = cost; best = lines; }
                    return;
                }
                foreach (var p in points.Where(p => p > from))
                {
                    var line = title[from..p];
                    if (W(line) > capacity) break;
                    acc.Add(line); Walk(p, left - 1, acc); acc.RemoveAt(acc.Count - 1);
                }
            }
            Walk(0, k, []);
            return best;
        }
    }

    /// <summary>
    /// Column widths in twips that add up to the text block: each column as wide as its longest cell at 4号 (280 twips a
    /// character) plus the cell margins, then all scaled to fill 8845, none under 2 characters.
    /// </summary>
    public static int[] ColumnWidths(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, int total = TextWidthTwips)
    {
        var n = header.Count;
        var want = new double[n];
        for (int c = 0; c < n; c++)
        {
            var longest = rows.Select(r => c < r.Count ? Width(r[c]) : 0).Append(Width(header[c])).Max();
            want[c] = Math.Max(2, Math.Min(longest, 16)) * 280 + 216;
        }
        var sum = want.Sum();
        var widths = want.Select(w => Math.Max(560, (int)Math.Floor(w / sum * total))).ToArray();
        var widest = Array.IndexOf(widths, widths.Max());
        widths[widest] += total - widths.Sum();
        return widths;
    }

    /// <summary>附件1, 附件2 …; a single attachment is just 附件 (§7.3.4).</summary>
    public static string AttachmentLabel(int index, int count) => count == 1 ? "附件" : "附件" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>An attachment's name as the 附件说明 lists it: no punctuation after it.</summary>
    public static string AttachmentName(string title) => title.TrimEnd('。', '；', '，', '.', ';', ',', ' ');
}
