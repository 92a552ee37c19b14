namespace Pilgi.Inference.Remote;

/// <summary>
/// An alphabet on the wire: its characters (UTF-16 code units, as the recogniser compares them) as sorted
/// <c>[first, last]</c> ranges. A name's alphabet is the whole Hangul block: 11,172 characters, but four ranges.
/// </summary>
public static class AlphabetRanges
{
    public static int[][] Encode(string alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        var ranges = new List<int[]>();
        foreach (int c in alphabet.Distinct().Order())
        {
            if (ranges.Count > 0 && ranges[^1][1] == c - 1) ranges[^1][1] = c;
            else ranges.Add([c, c]);
        }
        return [.. ranges];
    }

    /// <summary>The alphabet's characters in order; <see cref="FormatException"/> for ranges that are not ranges of characters or hold more than <paramref name="maxCharacters"/>.</summary>
    public static string Decode(IReadOnlyList<int[]> ranges, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        long total = 0;
        foreach (var r in ranges)
        {
            if (r is not [var first, var last] || first < 0 || last > char.MaxValue || first > last)
                throw new FormatException("An alphabet is a list of [first, last] ranges of UTF-16 code units (0-65535, first <= last).");
            total += last - first + 1;
            if (total > maxCharacters) throw new FormatException($"An alphabet may have at most {maxCharacters} characters.");
        }
        var chars = new char[total];
        int k = 0;
        foreach (var r in ranges)
            for (int c = r[0]; c <= r[1]; c++) chars[k++] = (char)c;
        return new string(chars);
    }
}
