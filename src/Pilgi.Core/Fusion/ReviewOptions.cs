namespace Pilgi.Core.Fusion;

/// <summary>
/// How sure an accepted field must be, bound from the configuration section <see cref="SectionName"/>
/// (<c>Pilgi:Review:TargetErrorRate</c>, <c>Pilgi:Review:Kinds:rrn</c>). A field is accepted (not flagged for
/// review) when its calibrated confidence reaches its kind's threshold, the one derived from the target share of wrong
/// values among accepted ones (<see cref="Confidence.ReviewThresholds"/>).
/// </summary>
public sealed record ReviewOptions
{
    public const string SectionName = "Pilgi:Review";

    /// <summary>The share of accepted values that may be wrong, for every kind without a target of its own.</summary>
    public double TargetErrorRate { get; init; } = 0.005;

    /// <summary>Kind JSON name → its target, over the kind's own in <see cref="Templates.FieldKindRules"/>.</summary>
    public Dictionary<string, double> Kinds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>This configuration's target, else the kind's declared one, else <see cref="TargetErrorRate"/>.</summary>
    public double TargetFor(Templates.FieldKind kind)
    {
        var rule = Templates.FieldKindRules.For(kind);
        return Kinds.TryGetValue(rule.JsonName, out double own) ? own : rule.TargetErrorRate ?? TargetErrorRate;
    }
}
