using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// A field read on labelled data: its kind, what fusion knew, whether its value was right, and the scan it was read
/// from (null where unknown), so that fields of one form can be looked at together.
/// </summary>
public sealed record CalibrationSample(FieldKind Kind, ConfidenceFeatures Features, bool Right, string? Scan = null);
