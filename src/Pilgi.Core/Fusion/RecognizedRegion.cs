using Pilgi.Core.Geometry;

namespace Pilgi.Core.Fusion;

/// <summary>A detected and recognised text region in scan pixels of page <see cref="Page"/> (1-based).</summary>
public sealed record RecognizedRegion(Box ScanBox, int Page, string Text, double Confidence);
