using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>A field read on labelled data: its kind, what fusion knew, and whether its value was right.</summary>
public sealed record CalibrationSample(FieldKind Kind, ConfidenceFeatures Features, bool Right);
