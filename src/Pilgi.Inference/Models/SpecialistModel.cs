using System.Text.Json.Serialization;

namespace Pilgi.Inference.Models;

/// <summary>
/// A model of a release that reads a narrower kind of line than the release's main model (<see cref="ModelDescriptor.Specialists"/>).
/// </summary>
public sealed record SpecialistModel
{
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>The characters it was trained to read: it takes every line whose alphabet holds none but these.</summary>
    [JsonPropertyName("reads")] public required string Reads { get; init; }

    /// <summary>The filter its lines are scaled with; null: the main model's (<see cref="ModelDescriptor.Scaling"/>).</summary>
    [JsonPropertyName("scaling")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Recognition.LineScaling? Scaling { get; init; }

    /// <summary>
    /// The grey level its lighter ink is darkened to (<see cref="ModelDescriptor.InkLevel"/>); null: its crops are read
    /// as they come, whatever the main model's.
    /// </summary>
    [JsonPropertyName("inkLevel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InkLevel { get; init; }

    /// <summary>The ONNX file's full path, resolved beside the descriptor.</summary>
    [JsonIgnore] public string ModelPath { get; init; } = "";

    /// <summary>True when every character of <paramref name="alphabet"/> is one this model reads (null: any character, so no).</summary>
    public bool Takes(string? alphabet) => alphabet is { Length: > 0 } && alphabet.All(c => Reads.Contains(c));
}
