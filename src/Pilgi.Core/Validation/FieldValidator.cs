using Pilgi.Core.Templates;

namespace Pilgi.Core.Validation;

/// <summary>Checks one field value by its kind. Null, empty or whitespace-only values are always <c>empty</c>.</summary>
public static class FieldValidator
{
    public static ValidationOutcome Validate(FieldKind kind, string? value)
    {
        if (ValueText.Compact(value).Length == 0) return ValidationOutcome.Invalid(ValidationReasons.Empty);
        return kind switch
        {
            FieldKind.Text or FieldKind.Address => ValidationOutcome.Ok,
            FieldKind.Name => NameValidator.Validate(value),
            FieldKind.Rrn => RrnValidator.Validate(value),
            FieldKind.Date => DateParsing.Validate(value),
            FieldKind.Phone => PhoneValidator.Validate(value),
            FieldKind.Account => AccountValidator.Validate(value),
            FieldKind.Amount => AmountParsing.Validate(value),
            FieldKind.AmountHangul => AmountHangul.Validate(value),
            FieldKind.Bank => KnownBanks.Validate(value),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>
    /// Valid, and usual for its kind: a name that starts with a family name and is not of mixed case inside a word
    /// (<see cref="NameValidator.IsPlausible"/>); given the day the form is read, a date no later than
    /// <see cref="FutureDateGraceDays"/> after it (a form is filled in about when it is handed in) and an RRN of someone
    /// already born. For the other kinds, valid.
    /// </summary>
    public static bool IsPlausible(FieldKind kind, string? value, DateOnly? today = null) => kind switch
    {
        FieldKind.Name => NameValidator.IsPlausible(value),
        FieldKind.Date when today is { } day => DateParsing.TryParse(value, out var date) && date <= day.AddDays(FutureDateGraceDays),
        FieldKind.Rrn when today is { } day => Validate(kind, value).Valid
            && RrnValidator.TryGetBirthDate(ValueText.Compact(value).Replace("-", ""), out var born)
            && born <= day,
        _ => Validate(kind, value).Valid,
    };

    /// <summary>How far ahead of the day it is read a form's date may lie and still be usual (a transfer booked ahead).</summary>
    public const int FutureDateGraceDays = 31;
}
