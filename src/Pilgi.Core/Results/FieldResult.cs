using System.Text.Json.Serialization;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Results;

/// <summary>
/// What was read for one template field. <see cref="Value"/> and <see cref="Box"/> are null when nothing was read.
/// Equal when everything written is (<see cref="Alternatives"/> item by item; <see cref="Evidence"/> is not compared).
/// </summary>
public sealed record FieldResult
{
    public string? Value { get; init; }

    /// <summary>
    /// The probability that <see cref="Value"/> is right, calibrated on labelled forms for the recogniser in use (see
    /// README, "Confidence and review"); the recogniser's raw confidence where its descriptor holds no calibration.
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>Union of the field's regions in scan pixels; written as [x, y, w, h] integers.</summary>
    [JsonConverter(typeof(NullableBoxArrayJsonConverter))]
    public Box? Box { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public bool Valid { get; init; }

    /// <summary>
    /// Why the field needs review, a stable code; null when it does not. An invalid value's validation code
    /// (Validation.ValidationReasons: <c>empty</c>, <c>rrn_checksum</c>, <c>amount_mismatch</c>, …), else
    /// Fusion.ReviewReasons (<c>unreadable</c>, <c>corrected</c>, <c>low_confidence</c>).
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>True exactly when <see cref="Reason"/> is set: a person should look before the value is used.</summary>
    public bool NeedsReview { get; init; }

    /// <summary>For a field that needs review: the other likeliest readings, best first (null otherwise, or when the
    /// recogniser offered none).</summary>
    public IReadOnlyList<string>? Alternatives { get; init; }

    /// <summary>What the confidence was computed from; kept in process (for calibration), never written.</summary>
    [JsonIgnore]
    public ConfidenceFeatures? Evidence { get; init; }

    public bool Equals(FieldResult? other) =>
        other is not null && Value == other.Value && Confidence.Equals(other.Confidence) && Box == other.Box && Page == other.Page
        && Valid == other.Valid && Reason == other.Reason && NeedsReview == other.NeedsReview
        && (Alternatives ?? []).SequenceEqual(other.Alternatives ?? []) && (Alternatives is null) == (other.Alternatives is null);

    public override int GetHashCode() => HashCode.Combine(Value, Confidence, Box, Page, Valid, Reason, NeedsReview, Alternatives?.Count);
}
