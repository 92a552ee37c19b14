using Pilgi.Core.Validation;

namespace Pilgi.Core.Templates;

/// <summary>A value mended by fusion: <paramref name="mended"/> replaces it; <paramref name="review"/> when a person should look.</summary>
public delegate bool FieldMend(string? value, out string mended, out bool review);

/// <summary>
/// Everything that differs between field kinds, declared together (<see cref="FieldKindRules"/> holds one per kind).
/// </summary>
/// <param name="JsonName">The kind's snake_case name in template files and reports.</param>
/// <param name="Alphabet">The characters a value can hold (a space included where values have spaces); the recogniser
/// reads the field's crop within them. Null: any character.</param>
/// <param name="Validate">The kind's check of a value that is not blank (blank values are always <c>empty</c>).</param>
/// <param name="IsUsual">Valid and usual, given the day the form is read when known (see
/// <see cref="FieldValidator.IsPlausible"/>); null: every valid value is usual.</param>
/// <param name="Mend">What fusion mends in a reading beyond choosing among the recogniser's (a bank name one letter off
/// a known one); null: nothing.</param>
/// <param name="TargetErrorRate">The share of the kind's accepted values that may be wrong, from which its review
/// threshold is derived; null: the form-wide <see cref="Fusion.ReviewOptions.TargetErrorRate"/>.</param>
/// <param name="Significant">The characters that carry a value's meaning, when two readings of a field are compared
/// (<see cref="Fusion.Confidence.ConfidenceFeatures.ReadersAgree"/>): an account's digits, not its hyphens. Null: every
/// character but spaces.</param>
public sealed record FieldKindRule(
    FieldKind Kind,
    string JsonName,
    string? Alphabet,
    Func<string?, ValidationOutcome> Validate,
    Func<string?, DateOnly?, bool>? IsUsual = null,
    FieldMend? Mend = null,
    double? TargetErrorRate = null,
    string? Significant = null)
{
    /// <summary>Whether a value's meaning is its digits alone (an RRN, a phone, an account, a date, an amount).</summary>
    public bool IsDigitKind => Significant is { Length: > 0 } significant && significant.All(char.IsAsciiDigit);
}
