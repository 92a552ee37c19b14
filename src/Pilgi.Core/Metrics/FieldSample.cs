using Pilgi.Core.Templates;

namespace Pilgi.Core.Metrics;

/// <summary>
/// One labelled handwritten field for evaluation: the reference text and what was read (null when nothing), its
/// confidence, and whether it was accepted (read, valid and not flagged for review: acted on without a look).
/// </summary>
public sealed record FieldSample(string Template, string Key, FieldKind Kind, string Reference, string? Predicted,
    double Confidence = 0, bool Accepted = false)
{
    /// <summary>Read, and equal to the reference once both are normalised with <see cref="TextNormalizer"/>.</summary>
    public bool IsExact => Predicted is not null && TextNormalizer.Normalize(Reference) == TextNormalizer.Normalize(Predicted);
}
