using Pilgi.Core.Raster;
using Pilgi.Core.Results;

namespace Pilgi.Reading;

/// <summary>The result document for a scan plus the decoded pages (for the overlay).</summary>
public sealed record ScanReading(ScanResult Result, IReadOnlyList<GrayImage> Pages);
