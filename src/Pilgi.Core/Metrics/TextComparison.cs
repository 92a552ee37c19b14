namespace Pilgi.Core.Metrics;

/// <summary>
/// One read against its reference, as every metric counts it: the edit distance and the reference's length in Unicode
/// scalar values (<see cref="EditDistance"/>), both sides in comparison form first, and whether they are equal. A missing
/// read (null) counts as every character deleted and is never exact.
/// </summary>
public readonly record struct TextComparison(int Distance, int Length, bool Exact)
{
    /// <summary>Both sides in <see cref="TextNormalizer.Normalize"/>'s form (NFC, no whitespace).</summary>
    public static TextComparison Of(string reference, string? predicted) =>
        Compare(TextNormalizer.Normalize(reference), predicted is null ? null : TextNormalizer.Normalize(predicted));

    /// <summary>Both sides reduced to their digits (<see cref="TextNormalizer.Digits"/>): "1,250,000원" and "금 1250000" are equal.</summary>
    public static TextComparison DigitsOf(string reference, string? predicted) =>
        Compare(TextNormalizer.Digits(reference), predicted is null ? null : TextNormalizer.Digits(predicted));

    private static TextComparison Compare(string reference, string? predicted)
    {
        string read = predicted ?? "";
        return new TextComparison(EditDistance.Levenshtein(reference, read), EditDistance.Length(reference),
            predicted is not null && reference == read);
    }
}
