using System.Text;

namespace Pilgi.Core.Metrics;

/// <summary>
/// The comparison form of text for every metric: Unicode NFC with all whitespace removed; for the digits-only scores,
/// the ASCII digits alone.
/// </summary>
public static class TextNormalizer
{
    /// <summary>NFC, then every char.IsWhiteSpace character removed; null gives "".</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        string composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        foreach (char c in composed)
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.Length == composed.Length ? composed : builder.ToString();
    }

    /// <summary>The ASCII digits 0-9 of the text, in order (composing to NFC would change none of them); null gives "".</summary>
    public static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
            if (char.IsAsciiDigit(c)) builder.Append(c);
        return builder.ToString();
    }
}
