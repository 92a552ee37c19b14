using Pilgi.Core.Raster;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading;

/// <summary>The handwriting found on one page and, at the same index, the crop the recogniser reads for it.</summary>
public sealed record PageDetection(int Page, IReadOnlyList<HandwritingRegion> Regions, IReadOnlyList<GrayImage> Crops);
