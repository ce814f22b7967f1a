using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Centurion.Infrastructure.Evidence;

/// <summary>A kind of evidence file the store accepts; the first extension is the one a served name gets.</summary>
public sealed record EvidenceType(string Code, string ContentType, string[] Extensions)
{
    public bool IsPhoto => Code is "jpeg" or "png";
}

/// <summary>
/// What a file is, judged by its content alone: the name and the Content-Type a client sends are never believed. JPEG and PNG by
/// their signatures, PDF by its header, Word, Excel and PowerPoint (2007 and later) as a ZIP package whose [Content_Types].xml
/// names the document's main part, and the legacy .doc, .xls and .ppt as an OLE2 compound file holding the stream each format
/// keeps its content in. Macro-enabled packages (.docm, .xlsm, .pptm) name other main parts and are refused with the rest.
/// </summary>
public static class EvidenceTypes
{
    public static readonly EvidenceType Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly EvidenceType Png = new("png", "image/png", [".png"]);
    public static readonly EvidenceType Pdf = new("pdf", "application/pdf", [".pdf"]);
    public static readonly EvidenceType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly EvidenceType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly EvidenceType Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly EvidenceType Doc = new("doc", "application/msword", [".doc"]);
    public static readonly EvidenceType Xls = new("xls", "application/vnd.ms-excel", [".xls"]);
    public static readonly EvidenceType Ppt = new("ppt", "application/vnd.ms-powerpoint", [".ppt"]);

    public static readonly IReadOnlyList<EvidenceType> All = [Jpeg, Png, Pdf, Docx, Xlsx, Pptx, Doc, Xls, Ppt];

    /// <summary>For a file input's accept attribute: a hint to the browser only; the content decides.</summary>
    public static string Accept => string.Join(",", All.SelectMany(t => t.Extensions));

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [(byte)'P', (byte)'K', 3, 4];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, EvidenceType> OfficeMainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = Xlsx,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = Pptx,
    };

    /// <summary>The type of the file at <paramref name="path"/>, or null when it is none the store accepts (or is damaged).</summary>
    public static EvidenceType? Detect(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[16];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith(JpegMagic)) return Jpeg;
        if (head.StartsWith(PngMagic) && read >= 16 && head[12..16].SequenceEqual("IHDR"u8)) return Png;
        if (head.StartsWith(PdfMagic)) return Pdf;
        file.Position = 0;
        try
        {
            if (head.StartsWith(ZipMagic)) return OfficePackage(file);
            if (head.StartsWith(Ole2Magic)) return CompoundFile(file);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or ArgumentException or OverflowException) { }
        return null;
    }

    /// <summary>The part list is small in any real document; a larger one is not read (a ZIP bomb's would be).</summary>
    private const int MaxContentTypesBytes = 256 * 1024;

    private static EvidenceType? OfficePackage(Stream file)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.GetEntry("[Content_Types].xml") is not { } entry || entry.Length > MaxContentTypesBytes) return null;
        using var bounded = new MemoryStream();
        using (var part = entry.Open()) CopyAtMost(part, bounded, MaxContentTypesBytes);
        bounded.Position = 0;
        using var xml = XmlReader.Create(bounded, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (xml.Read())
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "Override" } && xml.GetAttribute("ContentType") is { } type
                && OfficeMainParts.TryGetValue(type, out var found)) return found;
        return null;
    }

    private static void CopyAtMost(Stream from, Stream to, int limit)
    {
        var buffer = new byte[8192];
        int n, total = 0;
        while ((n = from.Read(buffer)) > 0)
        {
            total += n;
            if (total > limit) throw new InvalidDataException("part larger than declared");
            to.Write(buffer, 0, n);
        }
    }

    private const uint EndOfChain = 0xFFFFFFFE, MaxRegularSector = 0xFFFFFFFA;

    /// <summary>
    /// Reads an OLE2 compound file's directory (MS-CFB: the header, its FAT through the DIFAT, the directory sector chain) for the
    /// stream names: WordDocument is a Word file, Workbook (or Book, before Excel 97) an Excel file, "PowerPoint Document" a PowerPoint file.
    /// </summary>
    private static EvidenceType? CompoundFile(FileStream file)
    {
        var header = new byte[512];
        file.ReadExactly(header);
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var sectors = (file.Length - sectorSize) / sectorSize;
        var sector = new byte[sectorSize];
        void ReadSector(uint id)
        {
            if (id >= sectors) throw new InvalidDataException("sector out of range");
            file.Position = (id + 1L) * sectorSize;
            file.ReadExactly(sector);
        }

        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++) fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + 4 * i)));
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        for (var guard = 0; difat < MaxRegularSector && guard < sectors; guard++)
        {
            ReadSector(difat);
            for (var i = 0; i < sectorSize / 4 - 1; i++) fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }
        var fat = new List<uint>();
        foreach (var id in fatSectors.Where(s => s < MaxRegularSector))
        {
            ReadSector(id);
            for (var i = 0; i < sectorSize / 4; i++) fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(4 * i)));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var next = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        for (var guard = 0; next != EndOfChain && guard < sectors; guard++)
        {
            ReadSector(next);
            for (var e = 0; e < sectorSize / 128; e++)
            {
                var entry = sector.AsSpan(128 * e, 128);
                var length = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                if (entry[0x42] == 2 && length is >= 2 and <= 64) names.Add(Encoding.Unicode.GetString(entry[..(length - 2)]));
            }
            if (next >= fat.Count) return null;
            next = fat[(int)next];
        }
        return names.Contains("WordDocument") ? Doc
            : names.Contains("Workbook") || names.Contains("Book") ? Xls
            : names.Contains("PowerPoint Document") ? Ppt
            : null;
    }
}
