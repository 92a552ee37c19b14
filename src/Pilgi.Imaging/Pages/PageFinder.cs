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
    /// <summary>A border band this bright all round is a scan's page; no desk is looked for behind it.</summary>
    private const double SurelyPaperBorder = 0.97;

    private readonly PageFinderOptions _o = options ?? new PageFinderOptions();

    public PageFinderOptions Options => _o;

    public FoundPage Find(GrayImage upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        int factor = Math.Max(1, (int)Math.Ceiling(Math.Max(upload.Width, upload.Height) / (double)_o.SearchLongSide));
        var small = Resampling.Downsample(upload, factor);
        var border = PaperBorder.Of(small, _o.BorderBand, _o.FlatBorderShare);
        if (border.Share >= _o.FlatBorderShare)
        {
            // A light desk can pass for paper in the border band; only a whole sheet outlined by edges all round
            // (paper inside, something darker outside, on all four sides) then says it is a photo after all.
            var whole = border.Share < SurelyPaperBorder && !border.LooksScanned ? EdgeOutline.Find(SheetEdges.Of(small), _o.MinSheetShare) : null;
            if (whole is null) return FoundPage.Flat(upload);
            return Straightened(upload, whole, factor);
        }

        // A border with a scanner's black bed or its page's paper on some side is a scan's: the brightness outline
        // alone, as ever (edges inside a form, a grey box, can look like a sheet's); edges only for a desk all round.
        var corners = border.LooksScanned ? SheetOutline.Find(small, _o.MinSheetShare) : Outline(small);
        if (corners is null) return border.LooksScanned ? FoundPage.Flat(upload) : FoundPage.NoSheetIn(upload);
        return Straightened(upload, corners, factor);
    }

    /// <summary>The sheet within <paramref name="corners"/> (in pixels of the image downsampled by <paramref name="factor"/>) straightened, its light evened.</summary>
    private FoundPage Straightened(GrayImage upload, PointD[] corners, int factor)
    {
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

    /// <summary>
    /// The sheet's corners: by brightness where its every side is borne out by a desk-to-paper edge, else by edges
    /// (paper barely brighter than a light desk, a deep shadow over it), else by brightness whatever the edges say.
    /// </summary>
    private PointD[]? Outline(GrayImage small)
    {
        var byBrightness = SheetOutline.Find(small, _o.MinSheetShare);
        if (small.Width < 32 || small.Height < 32) return byBrightness;
        var edges = SheetEdges.Of(small);
        if (byBrightness is not null && EdgeOutline.Confirms(edges, byBrightness)) return byBrightness;
        return EdgeOutline.Find(edges, _o.MinSheetShare) ?? byBrightness;
    }

    private static bool NearlyWholeImage(PointD[] quad, GrayImage upload)
    {
        double tolerance = 0.01 * Math.Min(upload.Width, upload.Height);
        PointD[] corners = [new(0, 0), new(upload.Width - 1, 0), new(upload.Width - 1, upload.Height - 1), new(0, upload.Height - 1)];
        return quad.Zip(corners).All(p => p.First.DistanceTo(p.Second) <= tolerance);
    }
}
