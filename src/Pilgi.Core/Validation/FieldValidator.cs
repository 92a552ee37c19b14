using Pilgi.Core.Templates;

namespace Pilgi.Core.Validation;

/// <summary>Checks one field value by its kind's rule (<see cref="FieldKindRules"/>). Null, empty or whitespace-only values are always <c>empty</c>.</summary>
public static class FieldValidator
{
    public static ValidationOutcome Validate(FieldKind kind, string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return FieldKindRules.For(kind).Validate(value);
    }

    /// <summary>
    /// Valid, and usual for its kind: a name that starts with a family name and is not of mixed case inside a word
    /// (<see cref="NameValidator.IsPlausible"/>); given the day the form is read, a date no later than
    /// <see cref="FutureDateGraceDays"/> after it (a form is filled in about when it is handed in) and an RRN of someone
    /// already born. For the other kinds, valid.
    /// </summary>
    public static bool IsPlausible(FieldKind kind, string? value, DateOnly? today = null) =>
        FieldKindRules.For(kind).IsUsual is { } usual ? usual(value, today) : Validate(kind, value).Valid;

    /// <summary>How far ahead of the day it is read a form's date may lie and still be usual (a transfer booked ahead).</summary>
    public const int FutureDateGraceDays = FieldKindRules.FutureDateGraceDays;
}
