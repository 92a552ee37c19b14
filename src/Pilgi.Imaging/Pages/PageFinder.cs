using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// Finds the page in an upload. A scan whose page fills the image is passed through after one cheap look at its border;
/// in a photo (a sheet on a desk, seen at an angle) the sheet's outline is found, the sheet straightened with the
/// homography its corners give, and its light and shadow evened out, so that registration and subtraction see what a
/// scanner would have given. Thread-safe; meant to be a singleton.
/// </summary>
public sealed class PageFinder(PageFinderOptions? options = null)
{
    private readonly PageFinderOptions _o = options ?? new PageFinderOptions();

    public PageFinderOptions Options => _o;

    public FoundPage Find(GrayImage upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        int factor = Math.Max(1, (int)Math.Ceiling(Math.Max(upload.Width, upload.Height) / (double)_o.SearchLongSide));
        var small = Resampling.Downsample(upload, factor);
        if (FillsImage(small)) return FoundPage.Flat(upload);

        var corners = SheetOutline.Find(small, _o.MinSheetShare);
        if (corners is null) return FoundPage.Flat(upload);
        // A small-image pixel i covers upload pixels [i f, (i + 1) f): its centre is at i f + (f - 1) / 2.
        var quad = corners.Select(p => new PointD(p.X * factor + (factor - 1) / 2.0, p.Y * factor + (factor - 1) / 2.0)).ToArray();
        if (NearlyWholeImage(quad, upload)) return FoundPage.Flat(upload);

        double top = quad[0].DistanceTo(quad[1]), bottom = quad[3].DistanceTo(quad[2]);
        double left = quad[0].DistanceTo(quad[3]), right = quad[1].DistanceTo(quad[2]);
        int width = (int)Math.Round((top + bottom) / 2), height = (int)Math.Round((left + right) / 2);
        if (width < 16 || height < 16) return FoundPage.Flat(upload);
        var pageToUpload = Homography.FromCorners(
            [new(0, 0), new(width - 1, 0), new(width - 1, height - 1), new(0, height - 1)], quad);
        var straight = Resampling.WarpPerspective(upload, pageToUpload, width, height);
        return new FoundPage(PaperLight.Even(straight, _o.PaperLevel), pageToUpload, upload);
    }

    /// <summary>A scan: its border band is paper-bright almost all round (a desk or a background would be darker).</summary>
    private bool FillsImage(GrayImage small)
    {
        int w = small.Width, h = small.Height;
        int band = Math.Max(1, (int)Math.Round(Math.Min(w, h) * _o.BorderBand));
        var histogram = Thresholding.Histogram(small);
        int paper = Percentile(histogram, small.Pixels.LongLength, 0.95);
        int bright = (int)(paper * 0.75);
        long inBand = 0, brightInBand = 0;
        var px = small.Pixels;
        for (int y = 0; y < h; y++)
        {
            bool edgeRow = y < band || y >= h - band;
            for (int x = 0; x < w; x++)
            {
                if (!edgeRow && x >= band && x < w - band) continue;
                inBand++;
                if (px[y * w + x] >= bright) brightInBand++;
            }
        }
        return inBand > 0 && brightInBand >= _o.FlatBorderShare * inBand;
    }

    private static bool NearlyWholeImage(PointD[] quad, GrayImage upload)
    {
        double tolerance = 0.01 * Math.Min(upload.Width, upload.Height);
        PointD[] corners = [new(0, 0), new(upload.Width - 1, 0), new(upload.Width - 1, upload.Height - 1), new(0, upload.Height - 1)];
        return quad.Zip(corners).All(p => p.First.DistanceTo(p.Second) <= tolerance);
    }

    private static int Percentile(long[] histogram, long total, double share)
    {
        long target = (long)(total * share), seen = 0;
        for (int v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen >= target) return v;
        }
        return 255;
    }

}
