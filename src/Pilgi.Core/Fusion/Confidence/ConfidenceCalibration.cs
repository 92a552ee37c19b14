using System.Text.Json.Serialization;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// Turns what fusion knows about a field (<see cref="ConfidenceFeatures"/>) into the probability that its value is
/// right; each kind's risk curve gives its review threshold (<see cref="KindThresholds"/>). Fitted for one recogniser
/// (<see cref="Model"/>, "name@version") by <see cref="CalibrationFit"/>, and stored in that recogniser's descriptor.
/// A kind without a model of its own uses <see cref="All"/>.
/// </summary>
public sealed record ConfidenceCalibration
{
    [JsonPropertyName("model")] public string Model { get; init; } = "";
    [JsonPropertyName("fittedOn")] public IReadOnlyList<string> FittedOn { get; init; } = [];
    [JsonPropertyName("features")] public IReadOnlyList<string> Features { get; init; } = [];
    [JsonPropertyName("all")] public KindCalibration All { get; init; } = new();

    /// <summary>Kind JSON name (<see cref="FieldKindRule.JsonName"/>) → its calibration.</summary>
    [JsonPropertyName("kinds")] public IReadOnlyDictionary<string, KindCalibration> Kinds { get; init; } =
        new Dictionary<string, KindCalibration>(StringComparer.Ordinal);

    public KindCalibration For(FieldKind kind) =>
        Kinds.TryGetValue(FieldKindRules.For(kind).JsonName, out var own) ? own : All;

    public double Probability(FieldKind kind, ConfidenceFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return For(kind).Model.Probability(features.ToArray());
    }

    /// <summary>Throws when the calibration weighs other features than this build computes (stale or foreign).</summary>
    public void EnsureCompatible()
    {
        if (!Features.SequenceEqual(ConfidenceFeatures.Names, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"The confidence calibration weighs [{string.Join(", ", Features)}], this build computes " +
                $"[{string.Join(", ", ConfidenceFeatures.Names)}]: refit it (pilgi calibrate).");
        foreach (var (name, kind) in Kinds.Append(new("all", All)))
            if (kind.Model.Weights.Count != Features.Count)
                throw new InvalidOperationException($"The confidence calibration of '{name}' has {kind.Model.Weights.Count} weights for {Features.Count} features.");
    }
}
