using Pilgi.Core.Geometry;

namespace Pilgi.Core.Registration;

/// <summary>
/// Where a template's reference lies on a scan: <see cref="ReferenceToScan"/> maps template pixels to scan pixels.
/// <see cref="Score"/> (0..1) is the share of patches that agree with the fit times their mean correlation.
/// </summary>
public sealed record Registration(AffineTransform ReferenceToScan, double Score, int Inliers, int Patches, double RmsPixels)
{
    public AffineTransform ScanToReference => ReferenceToScan.Inverse();
}
