using System.Buffers.Binary;
using System.Text;

namespace Centurion.Features.Demo;

/// <summary>
/// Small photos for the demo's evidence (and the tests'): a street scene drawn from a seed (sky, road, stalls with awnings and
/// lit signs), encoded as a baseline JPEG with an EXIF block giving when (DateTimeOriginal with its offset) and where (GPS) it
/// was taken, as a phone writes them. Integer arithmetic only, with the DCT's cosines as constants, so the same seed gives the
/// same bytes on every machine and runtime.
/// </summary>
public static class DemoPhotos
{
    public const int Width = 160, Height = 120;

    public static byte[] Jpeg(ulong seed, DateTimeOffset? takenAt = null, double? longitude = null, double? latitude = null)
    {
        var (r, g, b) = Scene(seed);
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        if (takenAt is not null || longitude is not null && latitude is not null) Segment(jpeg, 0xE1, Exif(takenAt, longitude, latitude));
        Segment(jpeg, 0xDB, [0, .. Zigzag.Select(i => Quant[i])]);
        Segment(jpeg, 0xC0, [8, Height >> 8, Height & 0xFF, Width >> 8, Width & 0xFF, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, .. DcCounts, .. DcSymbols, 0x10, .. AcCounts, .. AcSymbols]);
        Segment(jpeg, 0xDA, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);
        Scan(jpeg, r, g, b);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static (byte[,] R, byte[,] G, byte[,] B) Scene(ulong seed)
    {
        var rng = DemoRandom.For(seed, "photo");
        var (r, g, b) = (new byte[Height, Width], new byte[Height, Width], new byte[Height, Width]);
        void Fill(int x0, int y0, int x1, int y1, int cr, int cg, int cb)
        {
            for (var y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
                for (var x = Math.Max(0, x0); x < Math.Min(Width, x1); x++) (r[y, x], g[y, x], b[y, x]) = ((byte)cr, (byte)cg, (byte)cb);
        }
        var night = rng.Chance(0.6);
        var horizon = rng.Between(48, 64);
        for (var y = 0; y < horizon; y++)
            Fill(0, y, Width, y + 1, night ? 10 + y / 4 : 90 + y, night ? 14 + y / 4 : 140 + y / 2, night ? 40 + y / 2 : 220 - y / 3);
        Fill(0, horizon, Width, Height, night ? 45 : 105, night ? 45 : 105, night ? 50 : 110);
        Fill(0, Height - 18, Width, Height - 14, 200, 200, 190);
        var x = rng.Between(0, 10);
        while (x < Width - 20)
        {
            var w = rng.Between(24, 40);
            var top = horizon - rng.Between(10, 30);
            var (ar, ag, ab) = (rng.Between(120, 240), rng.Between(20, 200), rng.Between(20, 160));
            Fill(x, top, x + w, horizon + 16, 70 + rng.Next(40), 60 + rng.Next(30), 50 + rng.Next(30));
            Fill(x - 2, top - 6, x + w + 2, top, ar, ag, ab);
            for (var s = x + 2; s < x + w + 2; s += 8) Fill(s, top - 6, s + 4, top, 245, 245, 235);
            if (night) Fill(x + 4, top + 4, x + w - 4, top + 10, 255, 230, 120);
            x += w + rng.Between(4, 14);
        }
        for (var i = rng.Between(2, 5); i > 0; i--)
        {
            var px = rng.Between(10, Width - 14);
            var py = rng.Between(horizon + 18, Height - 30);
            Fill(px, py, px + 5, py + 12, rng.Between(30, 220), rng.Between(30, 220), rng.Between(30, 220));
            Fill(px + 1, py - 4, px + 4, py, 230, 190, 160);
        }
        return (r, g, b);
    }

    // The example luminance table of ITU-T T.81 Annex K, used for all three components.
    private static readonly byte[] Quant =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    /// <summary>C(u)·cos((2x+1)uπ/16) × 8192, rounded: the DCT's basis, as constants.</summary>
    private static readonly int[] Basis =
    [
        5793, 5793, 5793, 5793, 5793, 5793, 5793, 5793, 8035, 6811, 4551, 1598, -1598, -4551, -6811, -8035,
        7568, 3135, -3135, -7568, -7568, -3135, 3135, 7568, 6811, -1598, -8035, -4551, 4551, 8035, 1598, -6811,
        5793, -5793, -5793, 5793, 5793, -5793, -5793, 5793, 4551, -8035, 1598, 6811, -6811, -1598, 8035, -4551,
        3135, -7568, 7568, -3135, -3135, 7568, -7568, 3135, 1598, -4551, 6811, -8035, 8035, -6811, 4551, -1598,
    ];

    /// <summary>Position in the 8×8 block (row-major) of each coefficient in zigzag order.</summary>
    private static readonly int[] Zigzag = MakeZigzag();

    private static int[] MakeZigzag()
    {
        var order = new int[64];
        var i = 0;
        for (var s = 0; s < 15; s++)
            for (var k = 0; k <= s; k++)
            {
                var (row, col) = s % 2 == 0 ? (s - k, k) : (k, s - k);
                if (row < 8 && col < 8) order[i++] = row * 8 + col;
            }
        return order;
    }

    // Huffman code lengths as in Annex K.3; the symbols are all a baseline scan can need, so any block encodes.
    private static readonly byte[] DcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] DcSymbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly byte[] AcCounts = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 125];
    private static readonly byte[] AcSymbols =
    [
        0x00, .. Enumerable.Range(1, 10).SelectMany(size => Enumerable.Range(0, 16).Select(run => (run, size)))
            .OrderBy(p => p.run + p.size).ThenBy(p => p.size).Select(p => (byte)(p.run << 4 | p.size)).Take(80),
        0xF0,
        .. Enumerable.Range(1, 10).SelectMany(size => Enumerable.Range(0, 16).Select(run => (run, size)))
            .OrderBy(p => p.run + p.size).ThenBy(p => p.size).Select(p => (byte)(p.run << 4 | p.size)).Skip(80),
    ];

    private static (int Code, int Length)[] Codes(byte[] counts, byte[] symbols)
    {
        var table = new (int, int)[256];
        int code = 0, k = 0;
        for (var length = 1; length <= 16; length++, code <<= 1)
            for (var n = 0; n < counts[length - 1]; n++) table[symbols[k++]] = (code++, length);
        return table;
    }

    private static readonly (int Code, int Length)[] Dc = Codes(DcCounts, DcSymbols), Ac = Codes(AcCounts, AcSymbols);

    private static void Scan(Stream output, byte[,] r, byte[,] g, byte[,] b)
    {
        var bits = new BitWriter(output);
        var previous = new int[3];
        var block = new int[3][];
        for (var c = 0; c < 3; c++) block[c] = new int[64];
        for (var by = 0; by < Height; by += 8)
            for (var bx = 0; bx < Width; bx += 8)
            {
                for (var y = 0; y < 8; y++)
                    for (var x = 0; x < 8; x++)
                    {
                        int R = r[by + y, bx + x], G = g[by + y, bx + x], B = b[by + y, bx + x];
                        block[0][y * 8 + x] = (19595 * R + 38470 * G + 7471 * B + 32768 >> 16) - 128;
                        block[1][y * 8 + x] = (-11059 * R - 21709 * G + 32768 * B + 32768 >> 16);
                        block[2][y * 8 + x] = (32768 * R - 27439 * G - 5329 * B + 32768 >> 16);
                    }
                for (var c = 0; c < 3; c++) Encode(bits, block[c], ref previous[c]);
            }
        bits.Finish();
    }

    private static void Encode(BitWriter bits, int[] samples, ref int previousDc)
    {
        Span<int> q = stackalloc int[64];
        for (var v = 0; v < 8; v++)
            for (var u = 0; u < 8; u++)
            {
                long sum = 0;
                for (var y = 0; y < 8; y++)
                    for (var x = 0; x < 8; x++) sum += (long)samples[y * 8 + x] * Basis[u * 8 + x] * Basis[v * 8 + y];
                long divisor = 4L * 8192 * 8192 * Quant[v * 8 + u];
                q[v * 8 + u] = (int)((sum >= 0 ? sum + divisor / 2 : sum - divisor / 2) / divisor);
            }
        var diff = q[0] - previousDc;
        previousDc = q[0];
        var size = Category(diff);
        bits.Write(Dc[size]);
        if (size > 0) bits.Write(diff < 0 ? diff + (1 << size) - 1 : diff, size);
        var run = 0;
        for (var k = 1; k < 64; k++)
        {
            var value = q[Zigzag[k]];
            if (value == 0) { run++; continue; }
            for (; run > 15; run -= 16) bits.Write(Ac[0xF0]);
            size = Category(value);
            bits.Write(Ac[run << 4 | size]);
            bits.Write(value < 0 ? value + (1 << size) - 1 : value, size);
            run = 0;
        }
        if (run > 0) bits.Write(Ac[0x00]);
    }

    private static int Category(int value)
    {
        var a = Math.Abs(value);
        var n = 0;
        for (; a > 0; a >>= 1) n++;
        return n;
    }

    private sealed class BitWriter(Stream output)
    {
        private int _buffer, _count;

        public void Write((int Code, int Length) code) => Write(code.Code, code.Length);

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = _buffer << 1 | (value >> i & 1);
                if (++_count == 8) Flush();
            }
        }

        private void Flush()
        {
            output.WriteByte((byte)_buffer);
            if (_buffer == 0xFF) output.WriteByte(0);
            (_buffer, _count) = (0, 0);
        }

        public void Finish()
        {
            while (_count != 0) Write(1, 1);
        }
    }

    private static void Segment(Stream output, byte marker, byte[] body)
    {
        output.Write([0xFF, marker, (byte)(body.Length + 2 >> 8), (byte)(body.Length + 2 & 0xFF)]);
        output.Write(body);
    }

    /// <summary>An APP1 Exif block (big-endian TIFF): IFD0 pointing to an Exif IFD (DateTimeOriginal, OffsetTimeOriginal) and a GPS IFD.</summary>
    private static byte[] Exif(DateTimeOffset? takenAt, double? longitude, double? latitude)
    {
        var tiff = new TiffWriter();
        var hasGps = longitude is not null && latitude is not null;
        var ifd0 = tiff.Ifd((takenAt is null ? 0 : 1) + (hasGps ? 1 : 0));
        if (takenAt is { } t)
        {
            var exif = tiff.Ifd(2);
            var stamp = t.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var offset = (t.Offset < TimeSpan.Zero ? "-" : "+") + t.Offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
            tiff.Ascii(exif, 0x9003, stamp);
            tiff.Ascii(exif, 0x9011, offset);
            tiff.Long(ifd0, 0x8769, (uint)exif.Start);
        }
        if (hasGps)
        {
            var gps = tiff.Ifd(5);
            tiff.Bytes(gps, 0x0000, [2, 3, 0, 0]);
            tiff.Ascii(gps, 0x0001, latitude >= 0 ? "N" : "S");
            tiff.Degrees(gps, 0x0002, Math.Abs(latitude!.Value));
            tiff.Ascii(gps, 0x0003, longitude >= 0 ? "E" : "W");
            tiff.Degrees(gps, 0x0004, Math.Abs(longitude!.Value));
            tiff.Long(ifd0, 0x8825, (uint)gps.Start);
        }
        return [.. "Exif\0\0"u8, .. tiff.ToArray()];
    }

    /// <summary>
    /// Lays out a TIFF structure in order of writing: each IFD is reserved whole when made, and values too long for an entry go
    /// after everything reserved so far. Entries must be added in ascending tag order, as TIFF requires.
    /// </summary>
    private sealed class TiffWriter
    {
        private readonly List<byte> _data = [.. "MM"u8, 0, 42, 0, 0, 0, 8];

        public sealed class Directory(int start, int entries)
        {
            public int Start { get; } = start;
            public int Entries { get; } = entries;
            public int Written { get; set; }
        }

        public Directory Ifd(int entries)
        {
            if (_data.Count % 2 == 1) _data.Add(0);
            var ifd = new Directory(_data.Count, entries);
            _data.AddRange(new byte[2 + 12 * entries + 4]);
            BinaryPrimitives.WriteUInt16BigEndian(Span(ifd.Start, 2), (ushort)entries);
            return ifd;
        }

        private Span<byte> Span(int at, int length) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_data).Slice(at, length);

        private void Entry(Directory ifd, ushort tag, ushort type, uint count, byte[] value)
        {
            var at = ifd.Start + 2 + 12 * ifd.Written++;
            BinaryPrimitives.WriteUInt16BigEndian(Span(at, 2), tag);
            BinaryPrimitives.WriteUInt16BigEndian(Span(at + 2, 2), type);
            BinaryPrimitives.WriteUInt32BigEndian(Span(at + 4, 4), count);
            if (value.Length <= 4) value.CopyTo(Span(at + 8, 4));
            else
            {
                if (_data.Count % 2 == 1) _data.Add(0);
                BinaryPrimitives.WriteUInt32BigEndian(Span(at + 8, 4), (uint)_data.Count);
                _data.AddRange(value);
            }
        }

        public void Bytes(Directory ifd, ushort tag, byte[] value) => Entry(ifd, tag, 1, (uint)value.Length, value);

        public void Ascii(Directory ifd, ushort tag, string value) => Entry(ifd, tag, 2, (uint)value.Length + 1, [.. Encoding.ASCII.GetBytes(value), 0]);

        public void Long(Directory ifd, ushort tag, uint value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            Entry(ifd, tag, 4, 1, bytes);
        }

        /// <summary>Degrees, minutes and seconds as three RATIONALs, the seconds to a thousandth.</summary>
        public void Degrees(Directory ifd, ushort tag, double value)
        {
            var thousandths = (long)Math.Round(value * 3600 * 1000);
            uint[] parts = [(uint)(thousandths / 3600000), 1, (uint)(thousandths / 60000 % 60), 1, (uint)(thousandths % 60000), 1000];
            var bytes = new byte[24];
            for (var i = 0; i < 6; i++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 * i), parts[i]);
            Entry(ifd, tag, 5, 3, bytes);
        }

        public byte[] ToArray() => [.. _data];
    }
}
