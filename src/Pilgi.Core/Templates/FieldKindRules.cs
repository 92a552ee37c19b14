using Pilgi.Core.Validation;

namespace Pilgi.Core.Templates;

/// <summary>
/// The rules of every field kind, one entry each: its alphabet, validator, what makes a valid value usual, what fusion
/// mends, which characters carry its meaning, its target share of wrong accepted values (from which its review threshold is derived). Adding a kind is adding an entry here (and its <see cref="FieldKind"/>).
/// </summary>
public static class FieldKindRules
{
    private const string Digits = "0123456789";

    /// <summary>Every modern Hangul syllable, Latin letters (영문 성명) and the space.</summary>
    private static readonly string NameCharacters = string.Concat(
        Enumerable.Range(0xAC00, 0xD7A4 - 0xAC00).Select(c => (char)c)) +
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .";

    /// <summary>How far ahead of the day it is read a form's date may lie and still be usual (a transfer booked ahead).</summary>
    public const int FutureDateGraceDays = 31;

    /// <summary>In <see cref="FieldKind"/> order.</summary>
    public static IReadOnlyList<FieldKindRule> All { get; } =
    [
        // an e-mail address in free text: lower case, and a provider's domain misread by a letter or two is that
        // provider's (reviewed)
        new(FieldKind.Text, "text", null, _ => ValidationOutcome.Ok,
            Mend: (string? v, out string mended, out bool review) => EmailAddresses.TryNormalize(v, out mended, out review)),
        new(FieldKind.Name, "name", NameCharacters, NameValidator.Validate,
            IsUsual: (v, _) => NameValidator.IsPlausible(v)),
        new(FieldKind.Rrn, "rrn", Digits + "-", RrnValidator.Validate, Significant: Digits,
            IsUsual: (v, today) => FieldValidator.Validate(FieldKind.Rrn, v).Valid && (today is not { } day
                || RrnValidator.TryGetBirthDate(ValueText.Compact(v).Replace("-", ""), out var born) && born <= day)),
        new(FieldKind.Date, "date", Digits + ".-/년월일 ", DateParsing.Validate, Significant: Digits,
            IsUsual: (v, today) => today is { } day
                ? DateParsing.TryParse(v, out var date) && date <= day.AddDays(FutureDateGraceDays)
                : FieldValidator.Validate(FieldKind.Date, v).Valid),
        new(FieldKind.Phone, "phone", Digits + "-() ", PhoneValidator.Validate, Significant: Digits),
        new(FieldKind.Account, "account", Digits + "- ", AccountValidator.Validate, Significant: Digits),
        new(FieldKind.Amount, "amount", Digits + ",.원₩ ", AmountParsing.Validate, Significant: Digits),
        new(FieldKind.AmountHangul, "amount_hangul", "일이삼사오육칠팔구십백천만억조영금원정 ", AmountHangul.Validate),
        // bank names are read without alternatives: one letter off a known name is that name, to be reviewed
        new(FieldKind.Bank, "bank", null, KnownBanks.Validate,
            Mend: (string? v, out string mended, out bool review) => review = KnownBanks.TryCorrect(v, out mended)),
        // an address is read without alternatives: a province, city, district or apartment brand one letter part off
        // exactly one known name is that name (reviewed)
        new(FieldKind.Address, "address", null, _ => ValidationOutcome.Ok,
            Mend: (string? v, out string mended, out bool review) => review = KoreanAddresses.TryCorrect(v, out mended)),
    ];

    public static FieldKindRule For(FieldKind kind) =>
        (int)kind >= 0 && (int)kind < All.Count && All[(int)kind].Kind == kind
            ? All[(int)kind]
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
}
