using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Centurion.Infrastructure;

/// <summary>One problem in an import file: where it is (row 1 is the header), which column, the value found, and what is wrong.</summary>
public sealed record RowError(int Row, string Column, string Value, Phrase Message);

/// <summary>One row of a file as text cells. Row 1 is the header, as a spreadsheet numbers it.</summary>
public readonly record struct SourceRow(int Number, string[] Cells);

/// <summary>
/// Reads a CSV or XLSX file row by row without loading it: each call to <see cref="Read"/> opens the file again, so an
/// importer can make two passes. Blank rows are skipped but still counted, so row numbers match what a person sees.
/// </summary>
public static class RowSource
{
    /// <param name="encoding">A CSV file's encoding as <see cref="TextEncodings.Detect"/> found it; UTF-8 when not given.</param>
    public static IEnumerable<SourceRow> Read(string path, string? encoding = null) => IsXlsx(path) ? ReadXlsx(path) : ReadCsv(path, encoding);

    /// <summary>XLSX files are zip archives; anything else is read as CSV.</summary>
    public static bool IsXlsx(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    public static IEnumerable<SourceRow> ReadCsv(string path, string? encoding = null)
    {
        // Strict: a byte that does not decode fails rather than becoming �; Detect has checked the file, so none should.
        using var reader = new StreamReader(path, TextEncodings.Strict(encoding ?? TextEncodings.Utf8), detectEncodingFromByteOrderMarks: encoding != TextEncodings.Gb18030, bufferSize: 1 << 16);
        var csv = new CsvReader(reader);
        var number = 0;
        while (csv.ReadRecord() is { } cells)
        {
            number++;
            if (cells.Length == 1 && cells[0].Length == 0) continue;
            yield return new SourceRow(number, cells);
        }
    }

    public static IEnumerable<SourceRow> ReadXlsx(string path)
    {
        var number = 0;
        // Without a header row MiniExcel keys cells by column letter (A, B, …) in order; the first row is our header.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            var cells = row.Values.Select(CellText).ToArray();
            var last = cells.Length;
            while (last > 0 && cells[last - 1].Length == 0) last--;
            if (last == 0) continue;
            yield return new SourceRow(number, cells[..last]);
        }
    }

    /// <summary>Spreadsheets type their cells; the parser reads text, so dates and numbers are written the way a CSV would have them.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>An RFC 4180 reader: comma-separated, fields optionally in double quotes, "" for a quote inside them, line breaks
/// inside quotes kept. Reads through a buffer, one record at a time.</summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _position, _length;
    private readonly StringBuilder _field = new();
    private readonly List<string> _cells = [];

    /// <returns>The next record's cells, or null at the end of the file.</returns>
    public string[]? ReadRecord()
    {
        if (!Fill()) return null;
        _cells.Clear();
        _field.Clear();
        var quoted = false;
        var fieldStarted = false;
        while (Fill())
        {
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c != '"') { _field.Append(c); continue; }
                if (Fill() && _buffer[_position] == '"') { _field.Append('"'); _position++; continue; }
                quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    _cells.Add(_field.ToString());
                    _field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    if (Fill() && _buffer[_position] == '\n') _position++;
                    return End();
                case '\n':
                    return End();
                default:
                    _field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        return End();
    }

    private string[] End()
    {
        _cells.Add(_field.ToString());
        return [.. _cells];
    }

    private bool Fill()
    {
        if (_position < _length) return true;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
