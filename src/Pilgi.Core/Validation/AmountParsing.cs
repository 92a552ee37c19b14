using System.Text.RegularExpressions;

namespace Pilgi.Core.Validation;

/// <summary>
/// Amounts in digits: optional leading <c>₩</c> or <c>\</c>, digits with optional thousands commas (if any comma is
/// written, all groups must be correct), optional trailing <c>원</c>. Spaces are ignored.
/// </summary>
public static partial class AmountParsing
{
    /// <summary>Parses the whole amount syntax above; false on bad syntax or overflow. Zero parses (it is invalid as an amount).</summary>
    public static bool TryParseDigits(string? value, out long amount)
    {
        amount = 0;
        var match = Amount().Match(ValueText.Compact(value));
        return match.Success && long.TryParse(match.Groups["n"].Value.Replace(",", ""), out amount);
    }

    /// <summary>
    /// <paramref name="amount"/> written the way <paramref name="written"/> is: with its ₩ or 원, and with thousands
    /// commas when it has any.
    /// </summary>
    public static string FormatLike(string? written, long amount)
    {
        string text = ValueText.Compact(written);
        string digits = amount.ToString(text.Contains(',') ? "#,0" : "0", System.Globalization.CultureInfo.InvariantCulture);
        string prefix = text.StartsWith('₩') || text.StartsWith('\\') ? text[..1] : "";
        return prefix + digits + (text.EndsWith('원') ? "원" : "");
    }

    public static ValidationOutcome Validate(string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return TryParseDigits(value, out long amount) && amount > 0
            ? ValidationOutcome.Ok
            : ValidationOutcome.Invalid(ValidationReasons.AmountFormat);
    }

    // NFKC has already turned the full-width won sign into U+20A9.
    [GeneratedRegex(@"^[₩\\]?(?<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)원?$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
