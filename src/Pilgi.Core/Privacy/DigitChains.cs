using System.Text.RegularExpressions;

namespace Pilgi.Core.Privacy;

/// <summary>A run of digits in a text, <c>[Start, End)</c>; <see cref="Digits"/> holds them as ASCII.</summary>
internal readonly record struct DigitGroup(int Start, int End, string Digits)
{
    public int Length => Digits.Length;
}

/// <summary>What joins two digit groups of a chain.</summary>
internal enum Separator
{
    Dash,
    Space,
    Underscore,
    Dot,
}

/// <summary>Digit groups joined by single separators: <c>Separators[i]</c> lies between <c>Groups[i]</c> and <c>Groups[i + 1]</c>.</summary>
internal sealed record DigitChain(IReadOnlyList<DigitGroup> Groups, IReadOnlyList<Separator> Separators);

/// <summary>
/// Finds the digit groups of a text and chains those joined by one separator (a dash of any kind, optionally with a
/// space either side; a space; '_'; '.'; or their URL escapes <c>%2D %20 %5F</c>). Digits that belong to machine
/// identifiers are left out and break chains: GUIDs, <c>0x…</c> literals and hex tokens of 16 or more characters
/// with a letter (instance, execution and trace ids, ETags). Digits inside a <c>%XX</c> escape are not digits.
/// </summary>
internal static partial class DigitChains
{
    private const int MinHexIdLength = 16;

    /// <param name="maskedAsDigits">Read <see cref="PiiMasker.MaskChar"/> as a digit (to find numbers masked already).</param>
    /// <param name="skipped">Positions whose digits are left out and break chains (numbers masked already).</param>
    public static List<DigitChain> Find(string text, bool maskedAsDigits = false, bool[]? skipped = null)
    {
        var escaped = EscapedPositions(text);
        var guids = GuidPattern().Matches(text);
        var chains = new List<DigitChain>();
        var groups = new List<DigitGroup>();
        var separators = new List<Separator>();

        void Flush()
        {
            if (groups.Count > 0) chains.Add(new DigitChain(groups.ToArray(), separators.ToArray()));
            groups.Clear();
            separators.Clear();
        }

        int i = 0;
        while (i < text.Length)
        {
            if (!IsDigitAt(text, i, escaped, maskedAsDigits))
            {
                i++;
                continue;
            }
            int start = i;
            var digits = new System.Text.StringBuilder();
            while (i < text.Length && IsDigitAt(text, i, escaped, maskedAsDigits))
            {
                digits.Append(AsciiDigit(text[i]));
                i++;
            }
            var group = new DigitGroup(start, i, digits.ToString());
            if (IsInsideIdentifier(text, group, escaped, guids) || skipped is not null && skipped.AsSpan(start, i - start).Contains(true))
            {
                Flush();
                continue;
            }
            if (groups.Count > 0 && SeparatorBetween(text, groups[^1].End, group.Start, escaped) is { } separator)
            {
                separators.Add(separator);
                groups.Add(group);
            }
            else
            {
                Flush();
                groups.Add(group);
            }
        }
        Flush();
        return chains;
    }

    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '\uFF10' and <= '\uFF19';

    private static char AsciiDigit(char c) => c <= '9' ? c : (char)('0' + (c - '\uFF10'));

    private static bool IsDigitAt(string text, int i, bool[] escaped, bool maskedAsDigits) =>
        (IsDigit(text[i]) || maskedAsDigits && text[i] == PiiMasker.MaskChar) && !escaped[i];

    /// <summary>Positions that belong to a <c>%XX</c> URL escape.</summary>
    private static bool[] EscapedPositions(string text)
    {
        var escaped = new bool[text.Length];
        for (int i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] != '%' || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2])) continue;
            escaped[i] = escaped[i + 1] = escaped[i + 2] = true;
            i += 2;
        }
        return escaped;
    }

    private static Separator? SeparatorBetween(string text, int from, int to, bool[] escaped)
    {
        var gap = text.AsSpan(from, to - from);
        if (gap.Length == 1)
        {
            char c = gap[0];
            if (IsDash(c)) return Separator.Dash;
            if (c is ' ' or '\u00A0' or '\u3000') return Separator.Space;
            if (c == '_') return Separator.Underscore;
            if (c == '.') return Separator.Dot;
            return null;
        }
        if (gap.Length == 3 && escaped[from])
        {
            return gap[1..].ToString().ToUpperInvariant() switch
            {
                "20" => Separator.Space,
                "2D" => Separator.Dash,
                "5F" => Separator.Underscore,
                _ => null,
            };
        }
        // "900101 - 1234567", "010 -1234", "010- 1234"
        if (gap.Length is 2 or 3)
        {
            var trimmed = gap.Trim(' ');
            if (trimmed.Length == 1 && IsDash(trimmed[0])) return Separator.Dash;
        }
        return null;
    }

    private static bool IsDash(char c) =>
        c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' or '\uFF0D';

    /// <summary>Whether the group is part of a GUID, a <c>0x</c> literal or a long hex token.</summary>
    private static bool IsInsideIdentifier(string text, DigitGroup group, bool[] escaped, MatchCollection guids)
    {
        foreach (Match guid in guids)
            if (group.Start >= guid.Index && group.End <= guid.Index + guid.Length) return true;

        int left = group.Start, right = group.End;
        while (left > 0 && IsTokenChar(text, left - 1, escaped)) left--;
        while (right < text.Length && IsTokenChar(text, right, escaped)) right++;
        var token = text.AsSpan(left, right - left);
        if (token.Length > 2 && token[0] == '0' && token[1] is 'x' or 'X') return true;
        if (token.Length < MinHexIdLength) return false;
        bool letter = false;
        foreach (char c in token)
        {
            if (!Uri.IsHexDigit(c)) return false;
            letter |= !char.IsAsciiDigit(c);
        }
        return letter;
    }

    private static bool IsTokenChar(string text, int i, bool[] escaped) => !escaped[i] && char.IsAsciiLetterOrDigit(text[i]);

    [GeneratedRegex("(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])",
        RegexOptions.CultureInvariant)]
    private static partial Regex GuidPattern();
}
