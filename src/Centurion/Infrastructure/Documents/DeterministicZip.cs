using System.IO.Compression;
using System.Text;

namespace Centurion.Infrastructure.Documents;

/// <summary>
/// Writes a ZIP whose bytes depend only on its entries: the given order, one fixed date for every entry, "made by" MS-DOS on
/// every platform, no extra fields. ZipArchive stamps the current time and the host system, so two writes of the same
/// document would differ; an issued document is stored with its SHA-256 and must come out the same.
/// </summary>
public static class DeterministicZip
{
    public static byte[] Write(IEnumerable<(string Name, byte[] Data)> entries, DateOnly date)
    {
        var dosDate = (ushort)(((Math.Clamp(date.Year, 1980, 2107) - 1980) << 9) | (date.Month << 5) | date.Day);
        using var output = new MemoryStream();
        using var w = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        var central = new List<(byte[] Name, uint Crc, int Packed, int Size, int Offset)>();
        foreach (var (name, data) in entries)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var packed = Deflate(data);
            var crc = Crc32(data);
            var offset = (int)output.Position;
            w.Write(0x04034b50u); w.Write((ushort)20); w.Write((ushort)0); w.Write((ushort)8);
            w.Write((ushort)0); w.Write(dosDate); w.Write(crc); w.Write(packed.Length); w.Write(data.Length);
            w.Write((ushort)nameBytes.Length); w.Write((ushort)0); w.Write(nameBytes); w.Write(packed);
            central.Add((nameBytes, crc, packed.Length, data.Length, offset));
        }
        var start = (int)output.Position;
        foreach (var e in central)
        {
            w.Write(0x02014b50u); w.Write((ushort)20); w.Write((ushort)20); w.Write((ushort)0); w.Write((ushort)8);
            w.Write((ushort)0); w.Write(dosDate); w.Write(e.Crc); w.Write(e.Packed); w.Write(e.Size);
            w.Write((ushort)e.Name.Length); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)0);
            w.Write(0u); w.Write(e.Offset); w.Write(e.Name);
        }
        var size = (int)output.Position - start;
        w.Write(0x06054b50u); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)central.Count); w.Write((ushort)central.Count);
        w.Write(size); w.Write(start); w.Write((ushort)0);
        w.Flush();
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(data);
        return packed.ToArray();
    }

    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Crc32(byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
