using System.Text.RegularExpressions;

namespace Pilgi.Core.Validation;

/// <summary>
/// Korean phone numbers, each hyphen optional: mobile <c>01[016789]-XXX(X)-XXXX</c>, Seoul <c>02-XXX(X)-XXXX</c>,
/// the other regions' area codes (031-033 경기·인천·강원, 041-044 충청·세종, 051-055 경상, 061-064 전라·제주) with
/// <c>-XXX(X)-XXXX</c>, internet phones <c>070-XXX(X)-XXXX</c> and nationwide
/// representative numbers <c>15XX/16XX/18XX-XXXX</c>. Spaces are ignored; other punctuation is rejected.
/// </summary>
public static partial class PhoneValidator
{
    public static bool IsValid(string? value) => Phone().IsMatch(ValueText.Compact(value));

    public static ValidationOutcome Validate(string? value)
    {
        string text = ValueText.Compact(value);
        if (text.Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return Phone().IsMatch(text) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.PhoneFormat);
    }

    [GeneratedRegex(
        "^(?:(?:01[016789]|02|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])|070)-?[0-9]{3,4}-?[0-9]{4}|1[568][0-9]{2}-?[0-9]{4})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
