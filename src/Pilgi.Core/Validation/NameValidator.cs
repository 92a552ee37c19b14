using System.Text.RegularExpressions;

namespace Pilgi.Core.Validation;

/// <summary>Personal names: 2-5 Hangul syllables (spaces ignored), or Latin letters and single spaces, 2-40 characters.</summary>
public static partial class NameValidator
{
    public static bool IsValid(string? value)
    {
        string compact = ValueText.Compact(value);
        if (compact.Length is >= 2 and <= 5 && compact.All(ValueText.IsHangulSyllable)) return true;
        string latin = MultipleSpaces().Replace((value ?? "").Trim(), " ");
        return latin.Length is >= 2 and <= 40 && LatinName().IsMatch(latin);
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return IsValid(value) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.NameFormat);
    }

    [GeneratedRegex("^[A-Za-z]+(?: [A-Za-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LatinName();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();
}
