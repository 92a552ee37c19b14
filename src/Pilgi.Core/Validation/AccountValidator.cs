namespace Pilgi.Core.Validation;

/// <summary>Account numbers: digits and single inner hyphens only, 10 to 16 digits in all.</summary>
public static class AccountValidator
{
    public const int MinDigits = 10;
    public const int MaxDigits = 16;

    public static bool IsValid(string? value)
    {
        string text = ValueText.Compact(value);
        if (text.Length == 0 || text[0] == '-' || text[^1] == '-') return false;
        int digits = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (ValueText.IsAsciiDigit(c)) digits++;
            else if (c != '-' || text[i - 1] == '-') return false;
        }
        return digits is >= MinDigits and <= MaxDigits;
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return IsValid(value) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.AccountFormat);
    }
}
