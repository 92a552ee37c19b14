using System.Text.Json.Serialization;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// On the calibration data, what accepting every field of confidence at least <see cref="Threshold"/> would have done:
/// how many were accepted, how many of them were wrong, and how many the confidences themselves expected to be wrong
/// (Σ 1 − confidence). Confidences are cross-validated (each field's from a model fitted without it).
/// </summary>
public sealed record RiskPoint(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("wrong")] int Wrong,
    [property: JsonPropertyName("expectedWrong")] double ExpectedWrong)
{
    /// <summary>The larger of the wrong share seen and the wrong share expected: neither a lucky run of right
    /// fields nor an over-sure model alone lowers it.</summary>
    [JsonIgnore]
    public double Risk => Accepted > 0 ? Math.Max(Wrong, ExpectedWrong) / Accepted : 0;
}
