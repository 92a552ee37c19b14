using System.Text;
using Pilgi.Core.Metrics;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// How a field's value compares with a second reading of the same crops (<see cref="SecondOpinion"/>: the reader's
/// other look at them, at another width), on the characters that carry the kind's meaning
/// (<see cref="FieldKindRule.Significant"/>): a character read one way where the frames fall on its strokes one way and
/// another way where they fall differently is the fragile one, so the two readings' agreement ranks right and wrong
/// values where one reading's own probabilities do not.
/// </summary>
public static class ReaderAgreement
{
    /// <summary>
    /// <c>Agree</c>: +1 the two readings are the same, −1 they differ, 0 there is no second reading.
    /// <c>Distance</c>: ln(1 + edit distance) between them (0 when they agree or there is none), at most
    /// <see cref="MaxDistance"/>.
    /// </summary>
    public static (double Agree, double Distance) Of(FieldKind kind, string value, string? secondOpinion)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (secondOpinion is null) return (0, 0);
        string own = Significant(kind, value), other = Significant(kind, secondOpinion);
        if (own == other) return (1, 0);
        return (-1, Math.Min(Math.Log(1 + EditDistance.Levenshtein(own, other)), MaxDistance));
    }

    /// <summary>ln(1 + 9): beyond nine characters apart, two readings are simply different.</summary>
    public static readonly double MaxDistance = Math.Log(10);

    /// <summary>
    /// The share of the listed probability of <paramref name="readings"/> (the second reading's readings of the field, with
    /// their shares) held by those that are <paramref name="value"/> on the kind's significant characters.
    /// </summary>
    public static double Share(FieldKind kind, string value, IEnumerable<(string Text, double Share)> readings)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(readings);
        string own = Significant(kind, value);
        return Math.Clamp(readings.Where(r => Significant(kind, r.Text) == own).Sum(r => r.Share), 0, 1);
    }

    /// <summary>The characters of <paramref name="text"/> that carry the kind's meaning, in order.</summary>
    public static string Significant(FieldKind kind, string text)
    {
        string? significant = FieldKindRules.For(kind).Significant;
        var kept = new StringBuilder(text.Length);
        foreach (char c in text)
            if (significant is null ? !char.IsWhiteSpace(c) : significant.Contains(c)) kept.Append(c);
        return kept.ToString();
    }
}
