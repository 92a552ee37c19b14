using System.Text;

namespace Pilgi.Core.Validation;

/// <summary>
/// Amounts in Korean numeral words (한글 금액), as written on remittance slips: optionally wrapped
/// "일금 … 원정", "금 … 원", "… 원整", spaces anywhere. Digits 일..구 (and their hanja, including the formal
/// 壹貳參…), small units 십/백/천 and big units 만/억/조/경. An omitted 일 before a unit means one ("천원" = 1000,
/// "만원" = 10000). Within a group small units must descend and big units must descend across the number;
/// anything else (repeated digits, unknown characters, trailing words) is rejected.
/// </summary>
public static class AmountHangul
{
    private static readonly string[] DigitNames = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
    private static readonly string[] SmallUnitNames = ["", "십", "백", "천"];
    private static readonly string[] BigUnitNames = ["", "만", "억", "조", "경"];

    private static readonly string[] Prefixes = ["일금", "一金", "壹金", "금", "金"];
    private static readonly string[] Suffixes = ["원정", "원整", "圓整", "원也", "원", "圓"];

    private static readonly Dictionary<char, int> Digits = new()
    {
        ['일'] = 1, ['이'] = 2, ['삼'] = 3, ['사'] = 4, ['오'] = 5, ['육'] = 6, ['륙'] = 6, ['칠'] = 7, ['팔'] = 8, ['구'] = 9,
        ['一'] = 1, ['二'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
        ['壹'] = 1, ['貳'] = 2, ['參'] = 3, ['参'] = 3, ['肆'] = 4, ['伍'] = 5, ['陸'] = 6, ['柒'] = 7, ['捌'] = 8, ['玖'] = 9,
    };

    private static readonly Dictionary<char, long> SmallUnits = new()
    {
        ['십'] = 10, ['十'] = 10, ['拾'] = 10,
        ['백'] = 100, ['百'] = 100, ['佰'] = 100,
        ['천'] = 1000, ['千'] = 1000, ['仟'] = 1000, ['阡'] = 1000,
    };

    private static readonly Dictionary<char, long> BigUnits = new()
    {
        ['만'] = 10_000, ['萬'] = 10_000, ['万'] = 10_000,
        ['억'] = 100_000_000, ['億'] = 100_000_000,
        ['조'] = 1_000_000_000_000, ['兆'] = 1_000_000_000_000,
        ['경'] = 10_000_000_000_000_000, ['京'] = 10_000_000_000_000_000,
    };

    /// <summary>The amount (&gt; 0) written in words; false for anything that is not a well-formed numeral.</summary>
    public static bool TryParse(string? value, out long amount)
    {
        amount = 0;
        string text = StripWrappers(ValueText.Compact(value));
        if (text.Length == 0) return false;

        long total = 0, group = 0;
        int pendingDigit = 0;                 // 0 = none
        long lastSmallUnit = long.MaxValue;   // within the current group
        long lastBigUnit = long.MaxValue;
        try
        {
            foreach (char c in text)
            {
                if (Digits.TryGetValue(c, out int digit))
                {
                    if (pendingDigit != 0) return false;
                    pendingDigit = digit;
                }
                else if (SmallUnits.TryGetValue(c, out long small))
                {
                    if (small >= lastSmallUnit) return false;
                    group += (pendingDigit == 0 ? 1 : pendingDigit) * small;
                    pendingDigit = 0;
                    lastSmallUnit = small;
                }
                else if (BigUnits.TryGetValue(c, out long big))
                {
                    if (big >= lastBigUnit) return false;
                    long groupValue = group + pendingDigit;
                    total = checked(total + (groupValue == 0 ? 1 : groupValue) * big);
                    group = 0;
                    pendingDigit = 0;
                    lastSmallUnit = long.MaxValue;
                    lastBigUnit = big;
                }
                else
                {
                    return false;
                }
            }
            total = checked(total + group + pendingDigit);
        }
        catch (OverflowException)
        {
            return false;
        }
        if (total <= 0) return false;
        amount = total;
        return true;
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return TryParse(value, out _) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.AmountHangulFormat);
    }

    /// <summary>Canonical form without spaces, e.g. 3500000 -> "일금삼백오십만원정".</summary>
    public static string Format(long amount) => "일금" + FormatNumeral(amount) + "원정";

    /// <summary>Spaced form, a space after 일금 and after each big unit: 123456789 -> "일금 일억 이천삼백사십오만 육천칠백팔십구 원정".</summary>
    public static string FormatSpaced(long amount) => "일금 " + string.Join(' ', Groups(amount)) + " 원정";

    /// <summary>
    /// The bare numeral: 일 is omitted before 십/백/천 (110000 -> "십일만", 1010 -> "천십") but written before a big unit
    /// standing alone (10000 -> "일만", 100000000 -> "일억").
    /// </summary>
    public static string FormatNumeral(long amount) => string.Concat(Groups(amount));

    private static List<string> Groups(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        // long.MaxValue is about 922경, so the 경 group never needs more than four digits.
        var groups = new List<string>();
        long unit = 10_000_000_000_000_000;
        for (int big = BigUnitNames.Length - 1; big >= 0; big--, unit /= 10_000)
        {
            int group = (int)(amount / unit % 10_000);
            if (group == 0) continue;
            groups.Add(GroupText(group) + BigUnitNames[big]);
        }
        return groups;
    }

    private static string GroupText(int group)
    {
        if (group == 1) return "일";
        var builder = new StringBuilder();
        for (int place = 3, scale = 1000; place >= 0; place--, scale /= 10)
        {
            int digit = group / scale % 10;
            if (digit == 0) continue;
            if (place == 0 || digit != 1) builder.Append(DigitNames[digit]);
            builder.Append(SmallUnitNames[place]);
        }
        return builder.ToString();
    }

    private static string StripWrappers(string text)
    {
        foreach (string prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal)) { text = text[prefix.Length..]; break; }
        }
        foreach (string suffix in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)) { text = text[..^suffix.Length]; break; }
        }
        return text;
    }
}
