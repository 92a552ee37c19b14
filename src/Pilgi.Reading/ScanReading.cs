using Pilgi.Core.Raster;
using Pilgi.Core.Results;

namespace Pilgi.Reading;

/// <summary>
/// The result document for a scan plus the decoded pages (for the overlay) and, at the index of each of the result's
/// regions, the crop the recogniser read for it.
/// </summary>
public sealed record ScanReading(ScanResult Result, IReadOnlyList<GrayImage> Pages, IReadOnlyList<GrayImage> Crops);
