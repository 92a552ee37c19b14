using System.Buffers.Binary;

namespace Pilgi.Imaging;

/// <summary>
/// Checks that a JPEG runs through to its end-of-image marker. ImageSharp 2.1 decodes a cut-off
/// JPEG without complaint (the missing part comes out grey), and half a form must not be read.
/// </summary>
internal static class JpegMarkerWalker
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>Throws <see cref="InvalidDataException"/> when the segments or scans stop before the end-of-image marker.</summary>
    public static void EnsureComplete(ReadOnlySpan<byte> jpeg)
    {
        int pos = 2; // after start-of-image
        while (true)
        {
            int found = jpeg[pos..].IndexOf(MarkerPrefix);
            if (found < 0) throw Truncated();
            pos += found;
            while (pos < jpeg.Length && jpeg[pos] == MarkerPrefix) pos++; // fill bytes
            if (pos >= jpeg.Length) throw Truncated();

            byte marker = jpeg[pos++];
            if (marker == EndOfImage) return;
            if (IsStandalone(marker)) continue;

            if (pos + 2 > jpeg.Length) throw Truncated();
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[pos..]);
            if (length < 2) throw new InvalidDataException($"a JPEG segment declares an impossible length ({length}).");
            if (pos + length > jpeg.Length) throw Truncated();
            pos += length;

            if (marker == StartOfScan) pos = SkipEntropyCodedData(jpeg, pos);
        }
    }

    /// <summary>Position of the first real marker after compressed scan data.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> jpeg, int pos)
    {
        while (true)
        {
            int found = jpeg[pos..].IndexOf(MarkerPrefix);
            if (found < 0 || pos + found + 1 >= jpeg.Length) throw Truncated();
            pos += found;
            byte next = jpeg[pos + 1];
            // FF 00 is an escaped data byte and FF D0..D7 restart markers sit inside the scan.
            if (next == 0x00 || next is >= 0xD0 and <= 0xD7) { pos += 2; continue; }
            return pos;
        }
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or 0xD8 or >= 0xD0 and <= 0xD7;

    private static InvalidDataException Truncated() => new("the JPEG data is cut off before its end marker.");
}
