using System.Buffers.Binary;

namespace Pilgi.Imaging;

/// <summary>
/// Checks that a PNG's chunks run through to IEND. ImageSharp 2.1 decodes a PNG whose image data
/// is cut off without complaint (the missing rows come out black), and half a form must not be read.
/// </summary>
internal static class PngChunkWalker
{
    private const int SignatureLength = 8;
    private const int ChunkOverhead = 12; // length, type, CRC

    /// <summary>Throws <see cref="InvalidDataException"/> when a chunk runs past the end or IEND never comes.</summary>
    public static void EnsureComplete(ReadOnlySpan<byte> png)
    {
        long pos = SignatureLength;
        while (true)
        {
            if (pos + ChunkOverhead > png.Length) throw new InvalidDataException("the PNG data is cut off before its end chunk.");
            long dataLength = BinaryPrimitives.ReadUInt32BigEndian(png[(int)pos..]);
            if (pos + ChunkOverhead + dataLength > png.Length)
                throw new InvalidDataException("the PNG data is cut off in the middle of a chunk.");
            if (png.Slice((int)pos + 4, 4).SequenceEqual("IEND"u8)) return;
            pos += ChunkOverhead + dataLength;
        }
    }
}
