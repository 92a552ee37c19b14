namespace Pilgi.Core.Raster;

/// <summary>
/// Tells an empty sheet (or an empty side of a duplex scan) from a page with print on it, so that it can be reported
/// as blank rather than as a form that does not line up.
/// </summary>
public static class BlankPage
{
    /// <summary>Share of inked pixels below which a page counts as blank: a few specks of dust, no printed form.</summary>
    public const double MaxInkShare = 0.001;

    /// <summary>Darker than the paper by this much is ink.</summary>
    public const int InkContrast = 80;

    public static bool IsBlank(GrayImage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var pixels = page.Pixels;
        // paper: the brightest level that a tenth of the page reaches (robust to a grey scan or a dark border strip)
        var histogram = new int[256];
        foreach (var p in pixels) histogram[p]++;
        int paper = 255, seen = 0;
        for (; paper > 0; paper--)
        {
            seen += histogram[paper];
            if (seen >= pixels.Length / 10) break;
        }
        int threshold = paper - InkContrast;
        long ink = 0;
        for (int v = 0; v < Math.Max(0, threshold); v++) ink += histogram[v];
        return ink < MaxInkShare * pixels.Length;
    }
}
