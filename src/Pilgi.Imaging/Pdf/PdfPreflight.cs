using System.IO.Compression;

namespace Pilgi.Imaging.Pdf;

/// <summary>
/// Checks on a PDF's raw bytes, before PdfPig parses anything. PdfPig builds the whole page tree when it opens a
/// file, recursing once per level (a tree 100,000 levels deep overflows the stack, which kills the process), and
/// inflates object, cross-reference and content streams without a bound. A scanned document of at most
/// <see cref="ImageLimits.MaxPages"/> pages needs few objects and small streams besides its images, so anything far
/// beyond that is refused here. The counts are lexical (an object hidden in a compressed object stream is counted
/// through the stream's /N), so they are upper bounds of what the parser will meet, never exact.
/// </summary>
internal static class PdfPreflight
{
    /// <summary>More indirect objects than any scanned document of a few dozen pages holds (each page needs ~5).</summary>
    public const int MaxObjects = 10_000;

    /// <summary>What one stream other than an image may inflate to (content, object and cross-reference streams).</summary>
    public const int MaxInflatedStreamBytes = 16 * 1024 * 1024;

    public static void Check(byte[] data, ImageLimits limits, string subject)
    {
        var pdf = data.AsSpan();
        int pages = CountTypeNames(pdf, "/Page"u8), treeNodes = CountTypeNames(pdf, "/Pages"u8);
        if (pages > limits.MaxPages) throw ImageRefusals.TooManyPages(subject, pages, atLeast: false, limits.MaxPages);
        int maxTreeNodes = 4 * limits.MaxPages + 1;
        if (treeNodes > maxTreeNodes)
            throw ImageRefusals.Corrupt(subject,
                $"its page tree has {treeNodes:N0} branches, more than a document of at most {limits.MaxPages} pages needs.");

        long objects = CountObjectHeaders(pdf);
        foreach (var (dictionary, dataStart) in Streams(pdf))
        {
            if (Contains(dictionary, "/ObjStm"u8)) objects += NumberAfter(dictionary, "/N"u8);
            if (objects > MaxObjects)
                throw ImageRefusals.Corrupt(subject, $"it holds more than {MaxObjects:N0} objects, far more than a scanned document has.");
            if (!Contains(dictionary, "/Image"u8) && Contains(dictionary, "/FlateDecode"u8)
                && InflatesPast(data, dataStart, MaxInflatedStreamBytes))
                throw ImageRefusals.StreamTooLarge(subject, MaxInflatedStreamBytes);
        }
        if (objects > MaxObjects)
            throw ImageRefusals.Corrupt(subject, $"it holds more than {MaxObjects:N0} objects, far more than a scanned document has.");
    }

    /// <summary>How often <c>/Type <paramref name="name"/></c> occurs (whitespace optional), the name ending there.</summary>
    private static int CountTypeNames(ReadOnlySpan<byte> pdf, ReadOnlySpan<byte> name)
    {
        int count = 0;
        for (int at = pdf.IndexOf("/Type"u8); at >= 0;)
        {
            var rest = pdf[(at + 5)..];
            var value = rest.TrimStart(" \t\r\n\f\0"u8);
            if (value.StartsWith(name) && (value.Length == name.Length || IsDelimiter(value[name.Length]))) count++;
            int next = rest.IndexOf("/Type"u8);
            at = next < 0 ? -1 : at + 5 + next;
        }
        return count;
    }

    /// <summary>Occurrences of <c>obj</c> preceded by whitespace and a number: indirect object headers, or near enough.</summary>
    private static long CountObjectHeaders(ReadOnlySpan<byte> pdf)
    {
        long count = 0;
        for (int at = pdf.IndexOf("obj"u8); at >= 0;)
        {
            if (at >= 2 && IsWhitespace(pdf[at - 1]) && char.IsAsciiDigit((char)pdf[at - 2])
                && (at + 3 == pdf.Length || IsDelimiter(pdf[at + 3]))) count++;
            int next = pdf[(at + 3)..].IndexOf("obj"u8);
            at = next < 0 ? -1 : at + 3 + next;
        }
        return count;
    }

    /// <summary>Each stream's dictionary (the bytes from its object header to the <c>stream</c> keyword) and where its data starts.</summary>
    private static List<(byte[] Dictionary, int DataStart)> Streams(ReadOnlySpan<byte> pdf)
    {
        var streams = new List<(byte[], int)>();
        int searchFrom = 0, objectStart = 0;
        while (true)
        {
            int found = pdf[searchFrom..].IndexOf("stream"u8);
            if (found < 0) break;
            int at = searchFrom + found;
            searchFrom = at + 6;
            int eol = at + 6;
            bool keyword = at > 0 && (IsWhitespace(pdf[at - 1]) || pdf[at - 1] == (byte)'>')
                && eol < pdf.Length && (pdf[eol] == (byte)'\n' || pdf[eol] == (byte)'\r');
            if (!keyword) continue; // "endstream", or the word inside some data
            int header = pdf[objectStart..at].LastIndexOf("obj"u8);
            int dictionaryStart = header < 0 ? Math.Max(objectStart, at - 4096) : objectStart + header;
            int dataStart = eol + (pdf[eol] == (byte)'\r' && eol + 1 < pdf.Length && pdf[eol + 1] == (byte)'\n' ? 2 : 1);
            streams.Add((pdf[dictionaryStart..at].ToArray(), dataStart));
            int end = pdf[dataStart..].IndexOf("endstream"u8);
            if (end < 0) break;
            objectStart = searchFrom = dataStart + end + 9;
        }
        return streams;
    }

    private static bool InflatesPast(byte[] data, int start, int limit)
    {
        try
        {
            using var compressed = new MemoryStream(data, start, data.Length - start, writable: false);
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            var scratch = new byte[81_920];
            long total = 0;
            int read;
            while ((read = inflater.Read(scratch)) > 0)
            {
                total += read;
                if (total > limit) return true;
            }
            return false;
        }
        catch (InvalidDataException)
        {
            return false; // not zlib data after all, or damaged: the parser decides
        }
    }

    private static long NumberAfter(ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> key)
    {
        for (int at = dictionary.IndexOf(key); at >= 0;)
        {
            var rest = dictionary[(at + key.Length)..];
            if (rest.Length > 0 && IsWhitespace(rest[0]))
            {
                var digits = rest.TrimStart(" \t\r\n\f\0"u8);
                long value = 0;
                int i = 0;
                for (; i < digits.Length && char.IsAsciiDigit((char)digits[i]) && value < int.MaxValue; i++) value = value * 10 + (digits[i] - '0');
                if (i > 0) return value;
            }
            int next = rest.IndexOf(key);
            at = next < 0 ? -1 : at + key.Length + next;
        }
        return 0;
    }

    private static bool Contains(ReadOnlySpan<byte> span, ReadOnlySpan<byte> value) => span.IndexOf(value) >= 0;

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0;

    private static bool IsDelimiter(byte b) =>
        IsWhitespace(b) || b is (byte)'/' or (byte)'>' or (byte)'<' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'%';
}
