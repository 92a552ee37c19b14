using System.Text.Json.Serialization;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>One kind's (or all kinds') fitted model and the risk curve its thresholds are derived from.</summary>
public sealed record KindCalibration
{
    [JsonPropertyName("samples")] public int Samples { get; init; }
    [JsonPropertyName("wrong")] public int Wrong { get; init; }
    [JsonPropertyName("model")] public LogisticModel Model { get; init; } = new();
    [JsonPropertyName("risk")] public IReadOnlyList<RiskPoint> Risk { get; init; } = [];
}
