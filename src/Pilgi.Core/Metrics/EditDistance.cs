using System.Text;

namespace Pilgi.Core.Metrics;

/// <summary>
/// Levenshtein distance counted in Unicode scalar values (<see cref="Rune"/>), so a surrogate pair is one
/// character. Callers normalise first (<see cref="TextNormalizer"/>); nothing is normalised here.
/// </summary>
public static class EditDistance
{
    public static int Levenshtein(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b) return 0;
        int[] x = ToRunes(a), y = ToRunes(b);
        if (x.Length == 0) return y.Length;
        if (y.Length == 0) return x.Length;

        var previous = new int[y.Length + 1];
        var current = new int[y.Length + 1];
        for (int j = 0; j <= y.Length; j++) previous[j] = j;
        for (int i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= y.Length; j++)
            {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[y.Length];
    }

    /// <summary>Number of Unicode scalar values, the unit of <see cref="Levenshtein"/>.</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    private static int[] ToRunes(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes()) runes.Add(rune.Value);
        return [.. runes];
    }
}
