namespace Pilgi.Core.Templates;

/// <summary>
/// The characters a value of each kind can hold. The recogniser reads a field's crop within its kind's alphabet,
/// so a smudged 0 in an account number cannot come out as ㅇ or O.
/// </summary>
public static class FieldAlphabets
{
    private const string Digits = "0123456789";

    /// <summary>Every modern Hangul syllable, Latin letters (영문 성명) and the space.</summary>
    private static readonly string NameCharacters = string.Concat(
        Enumerable.Range(0xAC00, 0xD7A4 - 0xAC00).Select(c => (char)c)) +
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .";

    /// <summary>Allowed characters (a space included where values have spaces); null when any character may appear.</summary>
    public static string? For(FieldKind kind) => kind switch
    {
        FieldKind.Rrn => Digits + "-",
        FieldKind.Phone => Digits + "-() ",
        FieldKind.Account => Digits + "- ",
        FieldKind.Amount => Digits + ",.원₩ ",
        FieldKind.Date => Digits + ".-/년월일 ",
        FieldKind.AmountHangul => "일이삼사오육칠팔구십백천만억조영금원정 ",
        FieldKind.Name => NameCharacters,
        _ => null,
    };
}
