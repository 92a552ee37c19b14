using System.Text.RegularExpressions;

namespace Pilgi.Core.Validation;

/// <summary>
/// Dates as written on Korean forms: <c>YYYY.MM.DD</c>, <c>YYYY-MM-DD</c>, <c>YYYY/MM/DD</c> (one separator kind,
/// one- or two-digit month/day, optional trailing '.'), <c>YYYYMMDD</c>, <c>YYYY년 M월 D일</c> (spaces anywhere)
/// and two-digit years <c>YY.MM.DD</c> (same separators; 00-49 -> 20xx, 50-99 -> 19xx, as .NET's default
/// TwoDigitYearMax of 2049). The date must exist in the calendar.
/// </summary>
public static partial class DateParsing
{
    public const int TwoDigitYearMax = 2049;

    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        string text = ValueText.Compact(value);
        if (text.Length == 0) return false;

        Match match;
        if ((match = Separated().Match(text)).Success || (match = Compact8().Match(text)).Success
            || (match = Korean().Match(text)).Success)
            return TryCreate(int.Parse(match.Groups["y"].Value), match.Groups["m"].Value, match.Groups["d"].Value, out date);
        if ((match = TwoDigitYear().Match(text)).Success)
        {
            int yy = int.Parse(match.Groups["y"].Value);
            int year = yy <= TwoDigitYearMax % 100 ? TwoDigitYearMax / 100 * 100 + yy : (TwoDigitYearMax / 100 - 1) * 100 + yy;
            return TryCreate(year, match.Groups["m"].Value, match.Groups["d"].Value, out date);
        }
        return false;
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return TryParse(value, out _) ? ValidationOutcome.Ok : ValidationOutcome.Invalid(ValidationReasons.DateInvalid);
    }

    private static bool TryCreate(int year, string month, string day, out DateOnly date)
    {
        date = default;
        int m = int.Parse(month), d = int.Parse(day);
        if (year is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m)) return false;
        date = new DateOnly(year, m, d);
        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<s>[./-])(?<m>[0-9]{1,2})\k<s>(?<d>[0-9]{1,2})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Separated();

    [GeneratedRegex("^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact8();

    [GeneratedRegex("^(?<y>[0-9]{4})년(?<m>[0-9]{1,2})월(?<d>[0-9]{1,2})일$", RegexOptions.CultureInvariant)]
    private static partial Regex Korean();

    [GeneratedRegex(@"^(?<y>[0-9]{2})(?<s>[./-])(?<m>[0-9]{1,2})\k<s>(?<d>[0-9]{1,2})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigitYear();
}
