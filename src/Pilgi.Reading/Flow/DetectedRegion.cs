using Pilgi.Core.Raster;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading.Flow;

/// <summary>Handwriting found on a page and the crop the recogniser reads for it.</summary>
public sealed record DetectedRegion(HandwritingRegion Region, GrayImage Crop);
