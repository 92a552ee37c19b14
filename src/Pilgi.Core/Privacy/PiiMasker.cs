using System.Diagnostics.CodeAnalysis;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Privacy;

/// <summary>
/// Masks personal numbers with <see cref="MaskChar"/>, keeping the text's length and everything else in it.
/// <list type="bullet">
/// <item>RRNs keep the birth date and the sex digit: <c>900101-1234567</c> → <c>900101-1******</c>.</item>
/// <item>Phone numbers keep the area or mobile code and the last four digits: <c>010-1234-5678</c> → <c>010-****-5678</c>.</item>
/// <item>Account numbers keep the last four digits: <c>110-123-456789</c> → <c>***-***-**6789</c>.</item>
/// </list>
/// <see cref="Mask"/> finds them in free text (log lines, exception messages, blob names) by shape (see
/// <see cref="PiiShapes"/>) and leaves dates, amounts, timestamps and machine identifiers alone; a bare run of digits
/// is an account only in an account field. <see cref="MaskField"/> masks a field's value by its kind, whatever its shape.
/// </summary>
public static class PiiMasker
{
    public const char MaskChar = '*';

    /// <summary>Fewer digits than the shortest number masked (<c>02-123-4567</c>): nothing to look for.</summary>
    private const int FewestDigits = 9;

    private const int LongestRange = 5;

    /// <summary>
    /// The text with every personal number in it masked. Numbers masked already (exactly as this masks them) are
    /// left as they are, so masking a masked text changes nothing.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Mask(string? text)
    {
        if (text is null || CountDigits(text) < FewestDigits) return text;
        var maskedAlready = text.Contains(MaskChar) ? MaskedAlready(text) : null;
        char[]? masked = null;
        foreach (var (chain, a, b, kept) in Matches(text, DigitChains.Find(text, skipped: maskedAlready)))
        {
            masked ??= text.ToCharArray();
            Hide(masked, chain, a, b, kept);
        }
        return masked is null ? text : new string(masked);
    }

    /// <summary>
    /// A field's value masked by its kind: rrn, phone and account fields whatever was read in them (an RRN keeps at
    /// most its first seven letters or digits and always hides the last six; a phone its code and last four; an
    /// account its last four; never more than half of a short value); any other kind as free text (<see cref="Mask"/>:
    /// a date or an amount stays as read, an RRN misread into a date box does not).
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? MaskField(string? value, FieldKind kind)
    {
        if (string.IsNullOrEmpty(value)) return value;
        return kind switch
        {
            FieldKind.Rrn => HideCharacters(value, n => new KeptDigits(Math.Min(PiiShapes.RrnKept, Math.Max(0, n - 6)), 0)),
            FieldKind.Account => HideCharacters(value, n => new KeptDigits(0, Math.Min(PiiShapes.TailKept, n / 2))),
            FieldKind.Phone => HideCharacters(value, n => PhoneKept(value, n)),
            _ => Mask(value),
        };
    }

    /// <summary>The kinds whose values are personal numbers: rrn, phone, account.</summary>
    public static bool IsPersonalNumber(FieldKind kind) => kind is FieldKind.Rrn or FieldKind.Phone or FieldKind.Account;

    /// <summary>Each run of groups that is a personal number, left to right, dates and timestamps skipped.</summary>
    private static IEnumerable<(DigitChain Chain, int A, int B, KeptDigits Kept)> Matches(string text, IEnumerable<DigitChain> chains)
    {
        foreach (var chain in chains)
        {
            for (int a = 0; a < chain.Groups.Count;)
            {
                if (Match(text, chain, a, out int b, out var kept))
                {
                    yield return (chain, a, b, kept);
                    a = b + 1;
                }
                else
                {
                    a += Math.Max(1, PiiShapes.DateLength(chain, a));
                }
            }
        }
    }

    /// <summary>
    /// The positions of numbers that read as personal numbers with the mask characters taken for digits, and whose
    /// mask characters are exactly where masking puts them: their visible digits must not be read again (the last
    /// four of one account and the first seven of an RRN after it would make a new "account").
    /// </summary>
    private static bool[]? MaskedAlready(string text)
    {
        bool[]? done = null;
        foreach (var (chain, a, b, kept) in Matches(text, DigitChains.Find(text, maskedAsDigits: true)))
        {
            if (!IsMaskedAsItWouldBe(text, chain, a, b, kept)) continue;
            done ??= new bool[text.Length];
            done.AsSpan(chain.Groups[a].Start, chain.Groups[b].End - chain.Groups[a].Start).Fill(true);
        }
        return done;
    }

    private static bool IsMaskedAsItWouldBe(string text, DigitChain chain, int a, int b, KeptDigits kept)
    {
        int total = 0;
        for (int i = a; i <= b; i++) total += chain.Groups[i].Length;
        if (kept.Head + kept.Tail >= total) return false;
        int ordinal = 0;
        for (int i = a; i <= b; i++)
        {
            for (int p = chain.Groups[i].Start; p < chain.Groups[i].End; p++, ordinal++)
            {
                bool hidden = ordinal >= kept.Head && ordinal < total - kept.Tail;
                if (hidden != (text[p] == MaskChar)) return false;
            }
        }
        return true;
    }

    /// <summary>Of the groups from <paramref name="a"/>, the longest run that is an RRN or phone, else an account.</summary>
    private static bool Match(string text, DigitChain chain, int a, out int b, out KeptDigits kept)
    {
        int last = Math.Min(chain.Groups.Count - 1, a + LongestRange - 1);
        for (b = last; b >= a; b--)
        {
            if ((PiiShapes.Rrn(chain, a, b) ?? PiiShapes.Phone(text, chain, a, b)) is { } k)
            {
                kept = k;
                return true;
            }
        }
        if (PiiShapes.DateLength(chain, a) == 0)
        {
            for (b = last; b > a; b--)
            {
                if (PiiShapes.Account(chain, a, b) is { } k)
                {
                    kept = k;
                    return true;
                }
            }
        }
        kept = default;
        b = a;
        return false;
    }

    private static void Hide(char[] text, DigitChain chain, int a, int b, KeptDigits kept)
    {
        int total = 0;
        for (int i = a; i <= b; i++) total += chain.Groups[i].Length;
        int ordinal = 0;
        for (int i = a; i <= b; i++)
        {
            var group = chain.Groups[i];
            for (int p = group.Start; p < group.End; p++, ordinal++)
                if (ordinal >= kept.Head && ordinal < total - kept.Tail) text[p] = MaskChar;
        }
    }

    /// <summary>Hides letters and digits of a value but the first Head and last Tail of them (given their count).</summary>
    private static string HideCharacters(string value, Func<int, KeptDigits> keep)
    {
        int total = value.Count(char.IsLetterOrDigit);
        var kept = keep(total);
        var masked = value.ToCharArray();
        int ordinal = 0;
        for (int p = 0; p < masked.Length; p++)
        {
            if (!char.IsLetterOrDigit(masked[p])) continue;
            if (ordinal >= kept.Head && ordinal < total - kept.Tail) masked[p] = MaskChar;
            ordinal++;
        }
        return new string(masked);
    }

    private static KeptDigits PhoneKept(string value, int total)
    {
        int tail = Math.Min(PiiShapes.TailKept, total / 2);
        var characters = value.Where(char.IsLetterOrDigit).Select(c => DigitChains.IsDigit(c) && c > '9' ? (char)('0' + (c - '\uFF10')) : c).ToArray();
        int prefix = PiiShapes.PhonePrefixLength(characters);
        return new KeptDigits(prefix > 0 && total - prefix - tail >= 3 ? prefix : 0, tail);
    }

    private static int CountDigits(string text)
    {
        int n = 0;
        foreach (char c in text)
            if (DigitChains.IsDigit(c)) n++;
        return n;
    }
}
