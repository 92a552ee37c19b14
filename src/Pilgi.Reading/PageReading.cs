using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading;

/// <summary>One page after registration and detection: where the form lies and the crops to read.</summary>
public sealed record PageReading(int Page, GrayImage Scan, Registration Registration,
    IReadOnlyList<HandwritingRegion> Regions, IReadOnlyList<GrayImage> Crops);
