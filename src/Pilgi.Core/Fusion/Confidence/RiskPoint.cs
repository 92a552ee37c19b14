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
    /// <summary>
    /// How much of the wrong count the confidences expect (<see cref="ExpectedWrong"/>) is charged when fewer were seen
    /// wrong: enough to guard against a lucky run of right fields, not all of it, since the calibrated model is
    /// cautious at its top. With 2026.12.07.5's six calibration sets (4,204 fields, cross-validated), the fields of
    /// confidence ≥ 0.95 were wrong 15 times where their confidences expected 23.0, those ≥ 0.98 4 times for 8.4.
    /// </summary>
    public const double ExpectedWrongWeight = 0.5;

    /// <summary>The wrong fields a point is charged with: those seen, or half those expected where that is more.</summary>
    [JsonIgnore]
    public double Charged => Math.Max(Wrong, ExpectedWrongWeight * ExpectedWrong);

    /// <summary>The charged wrong share: neither a lucky run of right fields nor an over-sure model alone lowers it.</summary>
    [JsonIgnore]
    public double Risk => Accepted > 0 ? Charged / Accepted : 0;
}
