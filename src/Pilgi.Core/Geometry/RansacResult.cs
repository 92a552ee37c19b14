namespace Pilgi.Core.Geometry;

/// <summary>
/// The outcome of <see cref="AffineFit.Ransac"/>: the transform refitted on all inliers,
/// which correspondences are inliers, and the RMS distance (pixels) of the inliers under the transform.
/// </summary>
public sealed record RansacResult(AffineTransform Transform, bool[] InlierMask, int InlierCount, double RmsResidual)
{
    public double InlierRatio => InlierMask.Length > 0 ? (double)InlierCount / InlierMask.Length : 0;
}
