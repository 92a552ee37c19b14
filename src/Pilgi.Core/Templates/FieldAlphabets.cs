namespace Pilgi.Core.Templates;

/// <summary>
/// The characters a value of each kind can hold (<see cref="FieldKindRule.Alphabet"/>). The recogniser reads a field's
/// crop within its kind's alphabet, so a smudged 0 in an account number cannot come out as ㅇ or O.
/// </summary>
public static class FieldAlphabets
{
    /// <summary>Allowed characters (a space included where values have spaces); null when any character may appear.</summary>
    public static string? For(FieldKind kind) => FieldKindRules.For(kind).Alphabet;
}
