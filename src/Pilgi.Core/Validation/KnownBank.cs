namespace Pilgi.Core.Validation;

/// <summary>A bank or financial institution: its usual full name and other spellings people write.</summary>
public sealed record KnownBank(string Name, IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> Spellings => Aliases.Prepend(Name);
}
