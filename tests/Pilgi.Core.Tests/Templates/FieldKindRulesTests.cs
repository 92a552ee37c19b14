using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Templates;

public class FieldKindRulesTests
{
    [Fact]
    public void Every_kind_has_one_rule_in_kind_order()
    {
        Assert.Equal(Enum.GetValues<FieldKind>(), FieldKindRules.All.Select(r => r.Kind));
        foreach (var kind in Enum.GetValues<FieldKind>()) Assert.Equal(kind, FieldKindRules.For(kind).Kind);
    }

    [Fact]
    public void Json_names_are_distinct_snake_case()
    {
        var names = FieldKindRules.All.Select(r => r.JsonName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
        Assert.Equal(names, FieldKinds.Names);
    }

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldKindRules.For((FieldKind)99));
}
