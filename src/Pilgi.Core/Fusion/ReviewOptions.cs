namespace Pilgi.Core.Fusion;

/// <summary>
/// How sure an accepted field must be, bound from the configuration section <see cref="SectionName"/>
/// (<c>Pilgi:Review:TargetErrorRate</c>, <c>Pilgi:Review:Kinds:rrn</c>). A field is accepted (not flagged for
/// review) when its calibrated confidence reaches its kind's threshold (<see cref="Confidence.KindThresholds"/>): the
/// kinds that share <see cref="TargetErrorRate"/> get theirs together, so that the accepted fields of all of them are
/// wrong at no more than the target; a kind with a target of its own gets its threshold alone, against that target.
/// </summary>
public sealed record ReviewOptions
{
    public const string SectionName = "Pilgi:Review";

    /// <summary>The <see cref="TargetErrorRate"/> of a configuration that names none.</summary>
    public const double DefaultTargetErrorRate = 0.005;

    /// <summary>The share of accepted values that may be wrong, over all kinds without a target of their own together.</summary>
    public double TargetErrorRate { get; init; } = DefaultTargetErrorRate;

    /// <summary>Kind JSON name → its own target, over the kind's own in <see cref="Templates.FieldKindRules"/>.</summary>
    public Dictionary<string, double> Kinds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>This configuration's target, else the kind's declared one, else <see cref="TargetErrorRate"/>.</summary>
    public double TargetFor(Templates.FieldKind kind) => OwnTarget(kind) ?? TargetErrorRate;

    /// <summary>The kind's own target (this configuration's, else its declared one); null: it shares <see cref="TargetErrorRate"/>.</summary>
    public double? OwnTarget(Templates.FieldKind kind)
    {
        var rule = Templates.FieldKindRules.For(kind);
        return Kinds.TryGetValue(rule.JsonName, out double own) ? own : rule.TargetErrorRate;
    }
}
