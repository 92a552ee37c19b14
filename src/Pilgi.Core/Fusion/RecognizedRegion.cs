using Pilgi.Core.Geometry;

namespace Pilgi.Core.Fusion;

/// <summary>
/// A detected and recognised text region in scan pixels of page <see cref="Page"/> (1-based). <see cref="Alternatives"/>
/// are the recogniser's likeliest readings, best first (the first is <see cref="Text"/>); null or empty when it gave none.
/// <see cref="SecondOpinion"/> is the crop's second reading (null where it has none).
/// </summary>
public sealed record RecognizedRegion(Box ScanBox, int Page, string Text, double Confidence,
    IReadOnlyList<ReadCandidate>? Alternatives = null, SecondOpinion? SecondOpinion = null);
