using System.Text.RegularExpressions;

namespace Pilgi.Core.Validation;

/// <summary>
/// Resident registration numbers (주민등록번호) <c>YYMMDD-GNNNNNC</c>, hyphen optional. G gives sex and century
/// (1,2,5,6: 1900s; 3,4,7,8: 2000s; 9,0: 1800s; 5-8 are foreigners), the birth date must exist and C must match
/// the weighted checksum. Note: numbers issued since October 2020 have random final digits and may fail the
/// checksum; the contract still reports them as <c>rrn_checksum</c> (for review, not rejection).
/// </summary>
public static partial class RrnValidator
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    public static ValidationOutcome Validate(string? value)
    {
        string text = ValueText.Compact(value);
        if (text.Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        var match = RrnPattern().Match(text);
        if (!match.Success) return ValidationOutcome.Invalid(ValidationReasons.RrnFormat);
        string digits = match.Groups[1].Value + match.Groups[2].Value;
        if (!TryGetBirthDate(digits, out _)) return ValidationOutcome.Invalid(ValidationReasons.RrnFormat);
        return ComputeCheckDigit(digits.AsSpan(0, 12)) == digits[12] - '0'
            ? ValidationOutcome.Ok
            : ValidationOutcome.Invalid(ValidationReasons.RrnChecksum);
    }

    /// <summary>C = (11 - (Σ d_i * w_i mod 11)) mod 10 over the first twelve digits, weights 2..9,2..5.</summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> firstTwelveDigits)
    {
        if (firstTwelveDigits.Length != 12) throw new ArgumentException("Exactly twelve digits are needed.", nameof(firstTwelveDigits));
        int sum = 0;
        for (int i = 0; i < 12; i++)
        {
            int d = firstTwelveDigits[i] - '0';
            if (d is < 0 or > 9) throw new ArgumentException("Only ASCII digits are allowed.", nameof(firstTwelveDigits));
            sum += d * Weights[i];
        }
        return (11 - sum % 11) % 10;
    }

    /// <summary>The birth date from 13 (or at least 7) digits without hyphen; false when the date does not exist.</summary>
    public static bool TryGetBirthDate(string digits, out DateOnly birthDate)
    {
        birthDate = default;
        if (digits.Length < 7) return false;
        for (int i = 0; i < 7; i++) if (!ValueText.IsAsciiDigit(digits[i])) return false;
        int century = (digits[6] - '0') switch
        {
            1 or 2 or 5 or 6 => 1900,
            3 or 4 or 7 or 8 => 2000,
            _ => 1800,
        };
        int year = century + int.Parse(digits.AsSpan(0, 2));
        int month = int.Parse(digits.AsSpan(2, 2)), day = int.Parse(digits.AsSpan(4, 2));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        birthDate = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex("^([0-9]{6})-?([0-9]{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex RrnPattern();
}
