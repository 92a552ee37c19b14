using System.Text.Json.Serialization;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Results;

/// <summary>One recognised text region in scan pixels, with the field it was assigned to (null when none).</summary>
public sealed record RegionResult
{
    [JsonConverter(typeof(BoxArrayJsonConverter))]
    public Box Box { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public string? Field { get; init; }
    public string Text { get; init; } = "";
    public double Confidence { get; init; }
}
