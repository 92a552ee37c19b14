using System.Buffers.Binary;
using System.IO.Compression;

namespace Pilgi.Imaging.Tests.TestSupport;

/// <summary>Files written byte by byte, for headers that no encoder would produce.</summary>
internal static class HandMadeFiles
{
    /// <summary>
    /// A valid PNG whose IHDR declares <paramref name="width"/> x <paramref name="height"/> but
    /// whose image data is a few bytes: only a decoder that trusted the header would notice the size.
    /// </summary>
    public static byte[] PngDeclaring(uint width, uint height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WritePngChunk(png, "IHDR", header);
        WritePngChunk(png, "IDAT", Zlib(new byte[16]));
        WritePngChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// An uncompressed 8-bit grey little-endian TIFF, one page per level, directories first and
    /// pixel strips after them (pages of equal level share one strip, so 10,000 pages stay small).
    /// With <paramref name="loopBack"/> the last directory points back at the first.
    /// </summary>
    public static byte[] GreyTiff(int width, int height, IReadOnlyList<byte> pageLevels, bool loopBack = false)
    {
        const int entryCount = 9, ifdLength = 2 + entryCount * 12 + 4, firstIfd = 8;
        int stripLength = width * height;
        var distinctLevels = pageLevels.Distinct().ToList();
        int stripsStart = firstIfd + pageLevels.Count * ifdLength;
        var file = new byte[stripsStart + distinctLevels.Count * stripLength];

        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), firstIfd);
        for (int page = 0; page < pageLevels.Count; page++)
        {
            int at = firstIfd + page * ifdLength;
            int stripAt = stripsStart + distinctLevels.IndexOf(pageLevels[page]) * stripLength;
            var ifd = file.AsSpan(at, ifdLength);
            BinaryPrimitives.WriteUInt16LittleEndian(ifd, entryCount);
            (ushort Tag, ushort Type, uint Value)[] entries =
            [
                (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, (uint)stripAt), (277, 3, 1), (278, 4, (uint)height), (279, 4, (uint)stripLength),
            ];
            for (int i = 0; i < entries.Length; i++)
            {
                var entry = ifd.Slice(2 + i * 12, 12);
                BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
                BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], entries[i].Type);
                BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
                if (entries[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)entries[i].Value);
                else BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], entries[i].Value);
            }
            bool last = page == pageLevels.Count - 1;
            uint next = last ? (loopBack ? (uint)firstIfd : 0u) : (uint)(at + ifdLength);
            BinaryPrimitives.WriteUInt32LittleEndian(ifd[(2 + entryCount * 12)..], next);
        }
        for (int i = 0; i < distinctLevels.Count; i++)
            file.AsSpan(stripsStart + i * stripLength, stripLength).Fill(distinctLevels[i]);
        return file;
    }

    public static byte[] GreyTiff(int width, int height, int pageCount, byte level = 128) =>
        GreyTiff(width, height, Enumerable.Repeat(level, pageCount).ToArray());

    private static void WritePngChunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        png.Write(word);
        byte[] typeAndData = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }

    /// <summary>The CRC-32 PNG puts after each chunk (ISO 3309, polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
