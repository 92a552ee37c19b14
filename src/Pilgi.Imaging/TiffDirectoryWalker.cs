using System.Buffers.Binary;

namespace Pilgi.Imaging;

/// <summary>
/// Reads the pages of a classic TIFF by following its chain of image file directories (IFDs),
/// without decoding any pixels. ImageSharp 2.1's Identify reports only the first page and would
/// follow a hostile chain of 10,000 (or looping) directories, so the chain is walked here first,
/// with a hard stop.
/// </summary>
internal static class TiffDirectoryWalker
{
    private const int HeaderLength = 8;
    private const int EntryLength = 12;

    private const ushort ImageWidthTag = 256;
    private const ushort ImageLengthTag = 257;
    private const ushort StripOffsetsTag = 273;
    private const ushort StripByteCountsTag = 279;
    private const ushort TileOffsetsTag = 324;
    private const ushort TileByteCountsTag = 325;

    private const ushort ShortType = 3;
    private const ushort LongType = 4;

    /// <summary>
    /// The pages in file order, reading at most <paramref name="stopAfter"/> directories; a result
    /// with that many entries means "at least this many pages".
    /// Throws <see cref="InvalidDataException"/> when the directory structure is broken.
    /// </summary>
    public static IReadOnlyList<DeclaredPage> ReadPages(ReadOnlySpan<byte> tiff, int stopAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stopAfter, 1);
        if (tiff.Length < HeaderLength) throw new InvalidDataException("the TIFF header is cut short.");
        var reader = new TiffReader(tiff, littleEndian: tiff[0] == (byte)'I');

        var pages = new List<DeclaredPage>();
        var visited = new HashSet<long>();
        long offset = reader.UInt32(4);
        if (offset == 0) throw new InvalidDataException("the TIFF file has no pages.");

        while (offset != 0 && pages.Count < stopAfter)
        {
            int pageNumber = pages.Count + 1;
            if (!visited.Add(offset)) throw new InvalidDataException("the TIFF page directories loop back on themselves.");
            if (offset < HeaderLength || offset + 2 > tiff.Length)
                throw new InvalidDataException($"TIFF page {pageNumber} points outside the file.");

            int entryCount = reader.UInt16((int)offset);
            long nextPointer = offset + 2 + (long)entryCount * EntryLength;
            if (nextPointer + 4 > tiff.Length)
                throw new InvalidDataException($"the directory of TIFF page {pageNumber} runs past the end of the file.");

            pages.Add(ReadPage(reader, (int)offset + 2, entryCount, pageNumber));
            offset = reader.UInt32((int)nextPointer);
        }
        return pages;
    }

    private static DeclaredPage ReadPage(TiffReader reader, int entriesStart, int entryCount, int pageNumber)
    {
        long width = 0, height = 0;
        Entry? offsets = null, byteCounts = null;
        for (int i = 0; i < entryCount; i++)
        {
            var entry = reader.Entry(entriesStart + i * EntryLength);
            switch (entry.Tag)
            {
                case ImageWidthTag: width = reader.SingleValue(entry, pageNumber); break;
                case ImageLengthTag: height = reader.SingleValue(entry, pageNumber); break;
                case StripOffsetsTag or TileOffsetsTag: offsets = entry; break;
                case StripByteCountsTag or TileByteCountsTag: byteCounts = entry; break;
            }
        }
        if (width == 0 || height == 0) throw new InvalidDataException($"TIFF page {pageNumber} declares no width or height.");

        // Anything past int.MaxValue is far over every limit; saturate rather than overflow.
        var size = new PageSize((int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
        bool dataInside = offsets is null || byteCounts is null
            || DataInsideFile(reader, offsets.Value, byteCounts.Value, pageNumber);
        return new DeclaredPage(size, dataInside);
    }

    private static bool DataInsideFile(TiffReader reader, Entry offsets, Entry byteCounts, int pageNumber)
    {
        if (offsets.Count != byteCounts.Count)
            throw new InvalidDataException($"TIFF page {pageNumber} lists {offsets.Count} strips but {byteCounts.Count} strip sizes.");
        for (long i = 0; i < offsets.Count; i++)
        {
            long end = reader.ArrayValue(offsets, i, pageNumber) + reader.ArrayValue(byteCounts, i, pageNumber);
            if (end > reader.Length) return false;
        }
        return true;
    }

    private readonly record struct Entry(ushort Tag, ushort Type, long Count, int ValueAt);

    private readonly ref struct TiffReader(ReadOnlySpan<byte> data, bool littleEndian)
    {
        private readonly ReadOnlySpan<byte> data = data;

        public int Length => data.Length;

        public ushort UInt16(int at) =>
            littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

        public uint UInt32(int at) =>
            littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data[at..]) : BinaryPrimitives.ReadUInt32BigEndian(data[at..]);

        public Entry Entry(int at) => new(UInt16(at), UInt16(at + 2), UInt32(at + 4), at + 8);

        public long SingleValue(Entry entry, int pageNumber) => ArrayValue(entry, 0, pageNumber);

        /// <summary>Element <paramref name="index"/> of a SHORT or LONG array, stored in the entry when it fits in 4 bytes.</summary>
        public long ArrayValue(Entry entry, long index, int pageNumber)
        {
            int elementSize = entry.Type switch
            {
                ShortType => 2,
                LongType => 4,
                _ => throw new InvalidDataException($"TIFF page {pageNumber} stores tag {entry.Tag} in an unexpected field type ({entry.Type})."),
            };
            if (index >= entry.Count) throw new InvalidDataException($"TIFF page {pageNumber} has an empty tag {entry.Tag}.");
            long arrayStart = entry.Count * elementSize <= 4 ? entry.ValueAt : UInt32(entry.ValueAt);
            long at = arrayStart + index * elementSize;
            if (at + elementSize > data.Length)
                throw new InvalidDataException($"tag {entry.Tag} of TIFF page {pageNumber} points outside the file.");
            return elementSize == 2 ? UInt16((int)at) : UInt32((int)at);
        }
    }
}
