using System.Runtime.CompilerServices;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// Every kind's review threshold under one calibration and one set of review targets:
/// <list type="bullet">
/// <item>a kind with a target of its own (<see cref="ReviewOptions.OwnTarget"/>): alone, against that target
/// (<see cref="ReviewThresholds.Derive"/>);</item>
/// <item>the kinds that share <see cref="ReviewOptions.TargetErrorRate"/> and were calibrated on at least
/// <see cref="MinJointSamples"/> fields: together, so that their accepted fields taken together are wrong at no more
/// than the target (<see cref="ReviewThresholds.Joint{TKey}"/>);</item>
/// <item>any other kind (too few calibration fields, or none: the curve of all kinds): alone, against the shared target.</item>
/// </list>
/// Each group meets the shared target on the calibration data, so all of them together do.
/// </summary>
public sealed class KindThresholds
{
    /// <summary>
    /// The fewest calibration fields of a kind for it to join the joint derivation: below this, few of its curve's
    /// points reach <see cref="ReviewThresholds.MinAccepted"/> and one wrong field moves its risk by 2 % or more, too
    /// coarse a curve to trade against other kinds'.
    /// </summary>
    public const int MinJointSamples = 50;

    private static readonly ConditionalWeakTable<ConfidenceCalibration, ConditionalWeakTable<ReviewOptions, KindThresholds>> Derived = new();

    private readonly IReadOnlyDictionary<FieldKind, double> _byKind;

    private KindThresholds(IReadOnlyDictionary<FieldKind, double> byKind) => _byKind = byKind;

    /// <summary>The thresholds of this calibration and these targets, derived once per pair of instances.</summary>
    public static KindThresholds Of(ConfidenceCalibration calibration, ReviewOptions review)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(review);
        return Derived.GetValue(calibration, _ => new()).GetValue(review, r => Derive(calibration, r));
    }

    public static KindThresholds Derive(ConfidenceCalibration calibration, ReviewOptions review)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(review);
        var byKind = new Dictionary<FieldKind, double>();
        var shared = new Dictionary<FieldKind, IReadOnlyList<RiskPoint>>();
        foreach (var rule in FieldKindRules.All)
        {
            if (review.OwnTarget(rule.Kind) is { } own)
                byKind[rule.Kind] = ReviewThresholds.Derive(calibration.For(rule.Kind).Risk, own);
            else if (calibration.Kinds.TryGetValue(rule.JsonName, out var kind) && kind.Samples >= MinJointSamples)
                shared[rule.Kind] = kind.Risk;
            else
                byKind[rule.Kind] = ReviewThresholds.Derive(calibration.For(rule.Kind).Risk, review.TargetErrorRate);
        }
        foreach (var (kind, threshold) in ReviewThresholds.Joint(shared, review.TargetErrorRate)) byKind[kind] = threshold;
        return new KindThresholds(byKind);
    }

    /// <summary>The confidence a field of <paramref name="kind"/> must reach to be accepted.</summary>
    public double For(FieldKind kind) => _byKind[kind];
}
