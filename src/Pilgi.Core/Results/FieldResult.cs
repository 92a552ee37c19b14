using System.Text.Json.Serialization;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Results;

/// <summary>What was read for one template field. <see cref="Value"/> and <see cref="Box"/> are null when nothing was read.</summary>
public sealed record FieldResult
{
    public string? Value { get; init; }
    public double Confidence { get; init; }

    /// <summary>Union of the field's regions in scan pixels; written as [x, y, w, h] integers.</summary>
    [JsonConverter(typeof(NullableBoxArrayJsonConverter))]
    public Box? Box { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public bool Valid { get; init; }

    /// <summary>Validation reason code when <see cref="Valid"/> is false (see Validation.ValidationReasons).</summary>
    public string? Reason { get; init; }

    public bool NeedsReview { get; init; }
}
