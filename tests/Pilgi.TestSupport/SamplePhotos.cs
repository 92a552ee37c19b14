using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.TestSupport;

/// <summary>Phone photos made from scans, for the page finding's tests.</summary>
public static class SamplePhotos
{
    /// <summary>
    /// The scan as a photo: the sheet at an angle on a dark grained desk, lit more on one side than the other; also the
    /// map from the scan's pixels to the photo's.
    /// </summary>
    public static (GrayImage Photo, Homography ScanToPhoto) PhotoOf(GrayImage scan)
    {
        int w = scan.Width * 5 / 4, h = scan.Height * 5 / 4;
        double sx = scan.Width - 1, sy = scan.Height - 1;
        var scanToPhoto = Homography.FromCorners([new(0, 0), new(sx, 0), new(sx, sy), new(0, sy)],
            [new(0.14 * w, 0.10 * h), new(0.87 * w, 0.12 * h), new(0.90 * w, 0.88 * h), new(0.11 * w, 0.90 * h)]);
        var photoToScan = scanToPhoto.Inverse();
        var photo = Resampling.WarpPerspective(scan, photoToScan, w, h, fill: 0);
        var random = new Random(3);
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            var p = photoToScan.Apply(new PointD(x, y));
            bool onSheet = p.X >= 0 && p.Y >= 0 && p.X <= sx && p.Y <= sy;
            double value = onSheet ? photo[x, y] : 60 + random.Next(0, 25);
            photo[x, y] = (byte)Math.Clamp(value * (0.75 + 0.25 * x / w), 0, 255);
        }
        return (photo, scanToPhoto);
    }
}
