using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Pilgi.Imaging;

/// <summary>
/// PNG for the images the pipeline writes and reads back on its hot path (work pages, crops, overlays): 8-bit
/// greyscale or RGB, every row "Up"-filtered, deflated by .NET's native zlib at its fastest level. ImageSharp 2.1's
/// encoder and decoder deflate in managed code and decode greyscale through RGB; on a 300 dpi page this writes
/// several times faster (about 15 vs 100 ms for a grey page) and reads back about twice as fast, at a size
/// between ImageSharp's fastest and default levels. The output is plain PNG that any reader opens;
/// <see cref="TryDecodeGray"/> reads any non-interlaced 8-bit greyscale PNG and declines everything else.
/// </summary>
public static class FastPng
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte FilterNone = 0, FilterSub = 1, FilterUp = 2, FilterAverage = 3, FilterPaeth = 4;
    private const byte ColorGray = 0, ColorRgb = 2;

    /// <summary>Images larger than this are left to ImageSharp's decoder (and its limits).</summary>
    public const long MaxDecodedPixels = 100_000_000;

    // deflate cannot expand beyond about 1032:1; a header promising more than that is not believed (nor allocated)
    private const long MaxDeflateRatio = 1040;

    /// <summary>A PNG of <paramref name="pixels"/>: rows of <paramref name="width"/> × <paramref name="channels"/> bytes (1 grey, 3 RGB).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 (grey) or 3 (RGB).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int stride = checked(width * channels);
        if (pixels.Length != (long)stride * height)
            throw new ArgumentException($"Expected {stride}x{height} bytes, got {pixels.Length}.", nameof(pixels));
        var writer = new RowWriter(width, height, channels);
        for (int y = 0; y < height; y++) writer.Write(pixels.Slice(y * stride, stride));
        return writer.Complete();
    }

    /// <summary>Writes a PNG row by row (for pixels that are not one span, such as an ImageSharp image's rows).</summary>
    public sealed class RowWriter
    {
        private readonly MemoryStream _deflated = new();
        private readonly ZLibStream _zlib;
        private readonly byte[] _previous;
        private readonly byte[] _filtered;
        private readonly int _width, _height, _channels;
        private int _rows;

        public RowWriter(int width, int height, int channels)
        {
            if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 (grey) or 3 (RGB).");
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
            (_width, _height, _channels) = (width, height, channels);
            int stride = checked(width * channels);
            _previous = new byte[stride];
            _filtered = new byte[stride + 1];
            _zlib = new ZLibStream(_deflated, CompressionLevel.Fastest, leaveOpen: true);
        }

        public void Write(ReadOnlySpan<byte> row)
        {
            if (row.Length != _previous.Length) throw new ArgumentException($"A row is {_previous.Length} bytes, not {row.Length}.", nameof(row));
            if (_rows == _height) throw new InvalidOperationException($"All {_height} rows are written.");
            // Up: each byte minus the one above it (the first row has zeros above it); scans are mostly
            // vertical runs of paper, so this deflates well and costs one vector subtraction
            _filtered[0] = FilterUp;
            Subtract(row, _previous, _filtered.AsSpan(1));
            _zlib.Write(_filtered);
            row.CopyTo(_previous);
            _rows++;
        }

        /// <summary>The PNG file; every row must have been written.</summary>
        public byte[] Complete()
        {
            if (_rows != _height) throw new InvalidOperationException($"{_rows} of {_height} rows were written.");
            _zlib.Dispose();
            var idat = _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length);
            var png = new byte[Signature.Length + (12 + 13) + (12 + idat.Length) + 12];
            var span = png.AsSpan();
            Signature.CopyTo(span);
            int pos = Signature.Length;
            Span<byte> header = stackalloc byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, _width);
            BinaryPrimitives.WriteInt32BigEndian(header[4..], _height);
            header[8] = 8; // bits per sample
            header[9] = _channels == 1 ? ColorGray : ColorRgb;
            header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, no interlace
            pos += WriteChunk(span[pos..], "IHDR"u8, header);
            pos += WriteChunk(span[pos..], "IDAT"u8, idat);
            WriteChunk(span[pos..], "IEND"u8, []);
            return png;
        }

        private static void Subtract(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> output)
        {
            int i = 0;
            if (Vector.IsHardwareAccelerated)
                for (; i <= row.Length - Vector<byte>.Count; i += Vector<byte>.Count)
                    (new Vector<byte>(row[i..]) - new Vector<byte>(above[i..])).CopyTo(output[i..]);
            for (; i < row.Length; i++) output[i] = (byte)(row[i] - above[i]);
        }
    }

    /// <summary>
    /// Decodes a non-interlaced 8-bit greyscale PNG (any filters, any chunking). False, with nothing thrown, for
    /// every other PNG and for anything malformed (a bad chunk CRC, data cut off, too little or too much image data):
    /// the caller then falls back to the general decoder, which reports the problem.
    /// </summary>
    public static bool TryDecodeGray(ReadOnlySpan<byte> png, out int width, out int height, out byte[] pixels)
    {
        width = height = 0;
        pixels = [];
        if (png.Length < Signature.Length + 25 || !png[..Signature.Length].SequenceEqual(Signature)) return false;
        int pos = Signature.Length;
        var idat = new ArrayBufferWriter<byte>();
        bool header = false, end = false;
        while (!end)
        {
            if (pos > png.Length - 12) return false;
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            if (length > int.MaxValue || length > (uint)(png.Length - pos - 12)) return false;
            var type = png.Slice(pos + 4, 4);
            var data = png.Slice(pos + 8, (int)length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png[(pos + 8 + (int)length)..]);
            if (Crc32.Of(png.Slice(pos + 4, 4 + (int)length)) != crc) return false;
            if (!header)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13) return false;
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (width <= 0 || height <= 0 || (long)width * height > MaxDecodedPixels) return false;
                if (data[8] != 8 || data[9] != ColorGray || data[10] != 0 || data[11] != 0 || data[12] != 0) return false;
                header = true;
            }
            else if (type.SequenceEqual("IDAT"u8)) idat.Write(data);
            else if (type.SequenceEqual("IEND"u8)) end = true;
            else if ((type[0] & 0x20) == 0 && !type.SequenceEqual("PLTE"u8)) return false; // an unknown critical chunk
            pos += 12 + (int)length;
        }
        if (idat.WrittenCount == 0) return false;

        int stride = width;
        if ((long)(stride + 1) * height > (long)idat.WrittenCount * MaxDeflateRatio) return false; // cannot inflate to that
        if (!MemoryMarshal.TryGetArray(idat.WrittenMemory, out var compressed)) return false;
        var image = new byte[(long)stride * height];
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed.Array!, compressed.Offset, compressed.Count, writable: false),
                CompressionMode.Decompress);
            Span<byte> filter = stackalloc byte[1];
            for (int y = 0; y < height; y++)
            {
                // each row is inflated into its place and unfiltered there
                var row = image.AsSpan(y * stride, stride);
                zlib.ReadExactly(filter);
                zlib.ReadExactly(row);
                if (!Unfilter(filter[0], row, y == 0 ? default : image.AsSpan((y - 1) * stride, stride))) return false;
            }
            if (zlib.ReadByte() != -1) return false; // more image data than the header declares
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
        pixels = image;
        return true;
    }

    /// <summary>Undoes a row's filter in place (<paramref name="row"/> holds the filtered bytes, then the pixels).</summary>
    private static bool Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> above)
    {
        bool first = above.IsEmpty; // the row above the first is zeros
        switch (filter)
        {
            case FilterNone:
                return true;
            case FilterSub:
                for (int i = 1; i < row.Length; i++) row[i] += row[i - 1];
                return true;
            case FilterUp:
                if (first) return true;
                int k = 0;
                if (Vector.IsHardwareAccelerated)
                    for (; k <= row.Length - Vector<byte>.Count; k += Vector<byte>.Count)
                        (new Vector<byte>(row[k..]) + new Vector<byte>(above[k..])).CopyTo(row[k..]);
                for (; k < row.Length; k++) row[k] += above[k];
                return true;
            case FilterAverage:
                for (int i = 0; i < row.Length; i++)
                {
                    int left = i > 0 ? row[i - 1] : 0, up = first ? 0 : above[i];
                    row[i] += (byte)((left + up) >> 1);
                }
                return true;
            case FilterPaeth:
                for (int i = 0; i < row.Length; i++)
                {
                    int a = i > 0 ? row[i - 1] : 0, b = first ? 0 : above[i], c = i > 0 && !first ? above[i - 1] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    row[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                return true;
            default:
                return false;
        }
    }

    private static int WriteChunk(Span<byte> output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(output, data.Length);
        type.CopyTo(output[4..]);
        data.CopyTo(output[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(output[(8 + data.Length)..], Crc32.Of(output.Slice(4, 4 + data.Length)));
        return 12 + data.Length;
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xEDB88320), eight bytes a step.</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Of(ReadOnlySpan<byte> data)
        {
            uint crc = 0xFFFFFFFF;
            var table = Table.AsSpan();
            int i = 0;
            for (; i <= data.Length - 8; i += 8)
            {
                uint one = BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) ^ crc;
                uint two = BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
                crc = table[7 * 256 + (int)(one & 0xFF)] ^ table[6 * 256 + (int)((one >> 8) & 0xFF)] ^
                      table[5 * 256 + (int)((one >> 16) & 0xFF)] ^ table[4 * 256 + (int)(one >> 24)] ^
                      table[3 * 256 + (int)(two & 0xFF)] ^ table[2 * 256 + (int)((two >> 8) & 0xFF)] ^
                      table[1 * 256 + (int)((two >> 16) & 0xFF)] ^ table[(int)(two >> 24)];
            }
            for (; i < data.Length; i++) crc = table[(int)((crc ^ data[i]) & 0xFF)] ^ (crc >> 8);
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[8 * 256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            for (int t = 1; t < 8; t++)
                for (int n = 0; n < 256; n++)
                    table[t * 256 + n] = (table[(t - 1) * 256 + n] >> 8) ^ table[table[(t - 1) * 256 + n] & 0xFF];
            return table;
        }
    }
}
