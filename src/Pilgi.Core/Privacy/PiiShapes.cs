using Pilgi.Core.Validation;

namespace Pilgi.Core.Privacy;

/// <summary>Which digits of a matched number stay readable: the first <see cref="Head"/> and the last <see cref="Tail"/>.</summary>
internal readonly record struct KeptDigits(int Head, int Tail);

/// <summary>
/// The shapes of personal numbers among the groups <c>a..b</c> of a <see cref="DigitChain"/>, and what of each stays
/// readable: RRNs (birth date and sex digit), phone numbers (the area or mobile code and the last four digits),
/// account numbers (the last four digits). Also dates and timestamps, which are skipped rather than read as accounts.
/// </summary>
internal static class PiiShapes
{
    public const int RrnKept = 7;
    public const int TailKept = 4;

    /// <summary><c>YYMMDD-GNNNNNN</c> (any one separator but '.') or 13 digits in a row, the birth date a real date.</summary>
    public static KeptDigits? Rrn(DigitChain chain, int a, int b)
    {
        var g = chain.Groups;
        bool shaped = a == b ? g[a].Length == 13 : b == a + 1 && g[a].Length == 6 && g[b].Length == 7 && chain.Separators[a] != Separator.Dot;
        return shaped && RrnValidator.TryGetBirthDate(Digits(chain, a, b), out _) ? new KeptDigits(RrnKept, 0) : null;
    }

    /// <summary>
    /// Mobile <c>01[016789]</c>, Seoul <c>02</c>, area <c>0[3-6][1-5]</c>, internet <c>070</c> and virtual <c>050X</c>
    /// numbers with a 3-4 digit middle part and 4 final digits, grouped as dialled (or not at all), or after <c>+82</c>
    /// without the leading 0. Representative numbers (15XX-XXXX) belong to companies and are left alone.
    /// </summary>
    public static KeptDigits? Phone(string text, DigitChain chain, int a, int b)
    {
        var g = chain.Groups;
        bool international = b > a && g[a].Digits == "82" && g[a].Start > 0 && text[g[a].Start - 1] == '+';
        int first = international ? a + 1 : a;
        if (!Uniform(chain, first, b) || b - first > 2) return null;
        var sizes = new List<int>();
        for (int i = first; i <= b; i++) sizes.Add(g[i].Length);
        string national = Digits(chain, first, b);
        if (international)
        {
            national = "0" + national;
            sizes[0]++;
        }
        int prefix = PhonePrefixLength(national);
        if (prefix == 0 || national.Length - prefix is not (7 or 8)) return null;
        bool grouped = sizes.Count switch
        {
            1 => true,
            2 => (sizes[0] == prefix && sizes[1] is 7 or 8) || (sizes[0] - prefix is 3 or 4 && sizes[1] == 4),
            _ => sizes[0] == prefix && sizes[1] is 3 or 4 && sizes[2] == 4,
        };
        if (!grouped) return null;
        return new KeptDigits(international ? 2 + prefix - 1 : prefix, TailKept);
    }

    /// <summary>Two or more groups of 2+ digits joined by one kind of separator (not '.'), 10 to 16 digits in all.</summary>
    public static KeptDigits? Account(DigitChain chain, int a, int b)
    {
        if (b == a || !Uniform(chain, a, b) || chain.Separators[a] == Separator.Dot) return null;
        int digits = 0;
        for (int i = a; i <= b; i++)
        {
            if (chain.Groups[i].Length < 2) return null;
            digits += chain.Groups[i].Length;
        }
        return digits is >= AccountValidator.MinDigits and <= AccountValidator.MaxDigits ? new KeptDigits(0, TailKept) : null;
    }

    /// <summary>
    /// How many groups from <paramref name="a"/> are a date or timestamp (0 when none): <c>yyyyMMdd</c> (and a time
    /// after it), <c>yyyy-MM-dd</c>, or <c>yyMMdd</c> followed by a time <c>HHmm[ss]</c>.
    /// </summary>
    public static int DateLength(DigitChain chain, int a)
    {
        var g = chain.Groups;
        bool next = a + 1 < g.Count;
        string d = g[a].Digits;
        if (!IsAllDigits(d)) return 0;
        if (d.Length == 8 && IsDate(Int(d, 0, 4), Int(d, 4, 2), Int(d, 6, 2), fourDigitYear: true))
            return next && IsTime(g[a + 1].Digits) ? 2 : 1;
        if (d.Length == 4 && a + 2 < g.Count && g[a + 1].Length <= 2 && g[a + 2].Length <= 2
            && IsAllDigits(g[a + 1].Digits) && IsAllDigits(g[a + 2].Digits)
            && chain.Separators[a] == chain.Separators[a + 1]
            && IsDate(Int(d, 0, 4), int.Parse(g[a + 1].Digits), int.Parse(g[a + 2].Digits), fourDigitYear: true))
            return 3;
        if (d.Length == 6 && next && IsTime(g[a + 1].Digits) && IsDate(2000 + Int(d, 0, 2), Int(d, 2, 2), Int(d, 4, 2), fourDigitYear: false))
            return 2;
        return 0;
    }

    /// <summary>The length of the area, mobile or service code a phone number starts with; 0 when it starts with none.</summary>
    public static int PhonePrefixLength(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 3 || digits[0] != '0') return 0;
        if (digits[1] == '2') return 2;
        if (digits[1] == '1' && digits[2] is '0' or '1' or '6' or '7' or '8' or '9') return 3;
        if (digits[1] == '7' && digits[2] == '0') return 3;
        if (digits[1] == '5' && digits[2] == '0') return digits.Length > 3 ? 4 : 0;
        if (digits[1] is >= '3' and <= '6' && digits[2] is >= '1' and <= '5') return 3;
        return 0;
    }

    private static bool Uniform(DigitChain chain, int a, int b)
    {
        for (int i = a + 1; i < b; i++)
            if (chain.Separators[i] != chain.Separators[a]) return false;
        return true;
    }

    private static string Digits(DigitChain chain, int a, int b)
    {
        if (a == b) return chain.Groups[a].Digits;
        var digits = new System.Text.StringBuilder();
        for (int i = a; i <= b; i++) digits.Append(chain.Groups[i].Digits);
        return digits.ToString();
    }

    private static int Int(string digits, int start, int length) => int.Parse(digits.AsSpan(start, length));

    private static bool IsDate(int year, int month, int day, bool fourDigitYear) =>
        (!fourDigitYear || year is >= 1900 and <= 2099) && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool IsAllDigits(string digits) => digits.All(char.IsAsciiDigit);

    private static bool IsTime(string digits) =>
        digits.Length is 4 or 6 && IsAllDigits(digits) && Int(digits, 0, 2) < 24 && Int(digits, 2, 2) < 60 && (digits.Length == 4 || Int(digits, 4, 2) < 60);
}
