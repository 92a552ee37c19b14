using System.Text;

namespace Pilgi.Core.Validation;

/// <summary>
/// The form validators read values in: NFKC (full-width digits and signs become ASCII), whitespace removed and
/// dash look-alikes turned into '-', since recognisers emit all of them for a handwritten hyphen.
/// </summary>
internal static class ValueText
{
    public static string Compact(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        string text = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            builder.Append(c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' ? '-' : c);
        }
        return builder.ToString();
    }

    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';
}
