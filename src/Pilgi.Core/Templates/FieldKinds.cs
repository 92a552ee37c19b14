namespace Pilgi.Core.Templates;

/// <summary>The snake_case names of <see cref="FieldKind"/> used in template files and reports (<see cref="FieldKindRule.JsonName"/>).</summary>
public static class FieldKinds
{
    private static readonly Dictionary<string, FieldKind> ByName =
        FieldKindRules.All.ToDictionary(rule => rule.JsonName, rule => rule.Kind, StringComparer.Ordinal);

    private static readonly Dictionary<FieldKind, string> NameOf = ByName.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>All names, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<FieldKind>().Select(k => NameOf[k]).ToArray();

    public static string ToJsonName(this FieldKind kind) =>
        NameOf.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    /// <summary>Exact, case-sensitive match of a snake_case name.</summary>
    public static bool TryParse(string? name, out FieldKind kind)
    {
        kind = default;
        return name is not null && ByName.TryGetValue(name, out kind);
    }
}
