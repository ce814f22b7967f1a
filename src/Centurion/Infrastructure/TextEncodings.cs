using System.Text;

namespace Centurion.Infrastructure;

/// <summary>
/// Which encoding a CSV file is in: UTF-8 (with or without a byte-order mark), or GB18030, which Excel in Chinese writes by default
/// (GBK is a subset of it). Strict UTF-8 is tried first, since a GB18030 file of Chinese text is almost never valid UTF-8, while
/// the reverse often holds; anything valid in neither, UTF-16, or text holding NULs or the replacement character � (the mark of
/// text already damaged by a wrong conversion) is refused, so that no garbled character is ever stored.
/// </summary>
public static class TextEncodings
{
    public const string Utf8 = "UTF-8", Gb18030 = "GB18030";

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A decoder that refuses bad bytes rather than replacing them.</summary>
    public static Encoding Strict(string name) => name == Gb18030
        ? Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's encoding (<see cref="Utf8"/> or <see cref="Gb18030"/>), or why it is refused: the line where it fails and the message.</summary>
    public static (string? Name, int Line, Phrase? Refusal) Detect(string path)
    {
        using (var file = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[2];
            if (file.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head is [0xFF, 0xFE] or [0xFE, 0xFF])
                return (null, 1, Utf16);
        }
        var utf8 = Check(path, Strict(Utf8));
        if (utf8 is null) return (Utf8, 0, null);
        if (utf8.Value.Refusal is { } damaged) return (null, utf8.Value.Line, damaged);
        var gb = Check(path, Strict(Gb18030));
        if (gb is null) return (Gb18030, 0, null);
        return (null, gb.Value.Refusal is null ? utf8.Value.Line : gb.Value.Line, gb.Value.Refusal ?? Neither);
    }

    public static readonly Phrase Utf16 = new(
        "文件是 UTF-16 编码，无法导入；请另存为“CSV UTF-8（逗号分隔）”或 GB18030（Excel 的“CSV（逗号分隔）”）。",
        "The file is in UTF-16, which cannot be imported; save it as “CSV UTF-8 (Comma delimited)” or as GB18030 (Excel's “CSV (Comma delimited)” in Chinese).");

    public static readonly Phrase Neither = new(
        "文件既不是有效的 UTF-8，也不是有效的 GB18030（GBK）编码，未导入任何内容；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。",
        "The file is neither valid UTF-8 nor valid GB18030 (GBK) text, so nothing was imported; save it from Excel as “CSV UTF-8 (Comma delimited)” and try again.");

    public static readonly Phrase Nul = new(
        "文件中含有空字符（NUL），不是文本文件或是 UTF-16 编码；请另存为 CSV UTF-8 后重试。",
        "The file holds NUL characters, so it is not a text file or is in UTF-16; save it as CSV UTF-8 and try again.");

    public static readonly Phrase Replacement = new(
        "文件中含有替换字符“�”，说明文字在之前的转换中已经损坏；请从原始数据重新导出后再导入。",
        "The file holds the replacement character “�”, a sign that its text was already damaged by an earlier conversion; export it again from the original data.");

    /// <summary>Null when the whole file decodes; otherwise the line (counting line feeds) and, for a decodable file that is still refused, why.</summary>
    private static (int Line, Phrase? Refusal)? Check(string path, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length) + 2];
        var line = 1;
        var first = true;
        using var file = File.OpenRead(path);
        while (true)
        {
            var read = file.Read(bytes, 0, bytes.Length);
            var start = 0;
            if (first && read >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF && encoding is UTF8Encoding) start = 3;
            first = false;
            int count;
            try { count = decoder.GetChars(bytes, start, read - start, chars, 0, flush: read == 0); }
            catch (DecoderFallbackException e)
            {
                var upTo = e.Index < 0 ? start : Math.Min(read, start + Math.Max(0, e.Index));
                return (line + bytes.AsSpan(start, upTo - start).Count((byte)'\n'), null);
            }
            var text = chars.AsSpan(0, count);
            if (text.IndexOfAny('\0', '\uFFFD') is var at and >= 0)
                return (line + text[..at].Count('\n'), text[at] == '\0' ? Nul : Replacement);
            line += text.Count('\n');
            if (read == 0) return null;
        }
    }
}
