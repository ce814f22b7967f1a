using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Centurion.Tests.Evidence;

/// <summary>Small files of each kind the store accepts, and some it refuses, built here byte by byte so their content is known.</summary>
public static class EvidenceSamples
{
    /// <summary>A 2×1 RGB PNG: signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC-32.</summary>
    public static byte[] Png()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 2);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; header[9] = 2;
        Chunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var z = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true)) z.Write([0, 200, 30, 30, 30, 30, 200]);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A one-page PDF with no text: header, catalogue, pages, page, cross-reference table and trailer.</summary>
    public static byte[] Pdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string PowerPointMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    public const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /// <summary>An Office Open XML package whose [Content_Types].xml names <paramref name="mainType"/> for its main part.</summary>
    public static byte[] OfficePackage(string mainType, string mainPart = "/word/document.xml")
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Put(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="{mainPart}" ContentType="{mainType}"/>
                </Types>
                """);
            Put(zip, "_rels/.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{mainPart.TrimStart('/')}"/>
                </Relationships>
                """);
            Put(zip, mainPart.TrimStart('/'), """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>整改情况</w:t></w:r></w:p></w:body></w:document>
                """);
        }
        return file.ToArray();
    }

    /// <summary>A ZIP that is no Office document: no [Content_Types].xml.</summary>
    public static byte[] PlainZip()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true)) Put(zip, "notes.txt", "hello");
        return file.ToArray();
    }

    private static void Put(ZipArchive zip, string name, string text)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// A minimal OLE2 compound file (MS-CFB, version 3, 512-byte sectors): the header, one FAT sector, one directory sector
    /// holding the root and one stream entry named <paramref name="streamName"/> (WordDocument makes a .doc).
    /// </summary>
    public static byte[] CompoundFile(string streamName)
    {
        var file = new byte[512 * 3];
        var h = file.AsSpan();
        ((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(h[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x2C..], 1);          // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x30..], 1);          // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x3C..], 0xFFFFFFFE); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x44..], 0xFFFFFFFE); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(h[0x4C..], 0);          // the FAT is sector 0
        for (var i = 1; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(h[(0x4C + 4 * i)..], 0xFFFFFFFF);
        var fat = h.Slice(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);        // sector 0: the FAT itself
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);   // sector 1: the directory, one sector long
        var directory = h.Slice(1024, 512);
        Entry(directory[..128], "Root Entry", 5);
        Entry(directory.Slice(128, 128), streamName, 2);
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type)
    {
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(bytes.Length + 2));
        entry[0x42] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], 0xFFFFFFFE);
    }

    public static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
}
