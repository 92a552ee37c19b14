using Pilgi.Core.Templates;

namespace Pilgi.Core.Metrics;

/// <summary>One labelled handwritten field for evaluation: the reference text and what was read (null when nothing).</summary>
public sealed record FieldSample(string Template, string Key, FieldKind Kind, string Reference, string? Predicted)
{
    /// <summary>Read, and equal to the reference once both are normalised with <see cref="TextNormalizer"/>.</summary>
    public bool IsExact => Predicted is not null && TextNormalizer.Normalize(Reference) == TextNormalizer.Normalize(Predicted);
}
