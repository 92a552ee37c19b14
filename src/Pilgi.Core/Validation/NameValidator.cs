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

    /// <summary>
    /// A valid name as people write one: in 한글 starting with a family name (<see cref="KoreanSurnames"/>), in Latin
    /// letters with each word in one case (KIM MINJUN, Kim Minjun) rather than mixed inside a word (HYUNwoO), which is
    /// what a misread letter gives. Unusual names are not invalid; fusion only prefers a plausible reading among
    /// nearly equally likely ones.
    /// </summary>
    public static bool IsPlausible(string? value)
    {
        if (!IsValid(value)) return false;
        string compact = ValueText.Compact(value);
        if (compact.All(ValueText.IsHangulSyllable)) return KoreanSurnames.StartsWithSurname(compact);
        return MultipleSpaces().Split(value!.Trim()).All(word => OneCase().IsMatch(word));
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return IsValid(value) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.NameFormat);
    }

    [GeneratedRegex("^[A-Za-z]+(?: [A-Za-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LatinName();

    [GeneratedRegex("^(?:[A-Z]+|[a-z]+|[A-Z][a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex OneCase();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();
}
