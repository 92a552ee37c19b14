using Pilgi.Core.Raster;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// How much of the image's border band is as bright as its paper, all round; and whether some side of it shows what
/// only a scan shows there: its page's own paper, or the black of the scanner's bed (a strip along one side or several,
/// where the page did not cover the glass). A photo's border is desk; a light desk is neither as bright as the paper
/// nor as dark as a bed.
/// </summary>
internal readonly record struct PaperBorder(double Share, bool LooksScanned)
{
    /// <summary>A side is paper when this share of it is nearly as bright as the paper…</summary>
    private const double NearlyPaper = 0.9;

    /// <summary>…and a scanner's bed when half of it is darker than this share of the paper's brightness.</summary>
    private const double BedDark = 0.4;

    /// <param name="band">The band's width as a share of the short side.</param>
    /// <param name="paperShare">The share of a side's band that must be nearly paper-bright for the side to count as paper.</param>
    public static PaperBorder Of(GrayImage small, double band, double paperShare)
    {
        int w = small.Width, h = small.Height;
        int b = Math.Max(1, (int)Math.Round(Math.Min(w, h) * band));
        int paper = Thresholding.Quantile(Thresholding.Histogram(small), 0.95);
        int bright = (int)(paper * 0.75);
        var px = small.Pixels;
        long inBand = 0, brightInBand = 0;
        // per side: top, right, bottom, left (the corners count for both sides they touch)
        int nearlyPaper = (int)(paper * NearlyPaper), dark = (int)(paper * BedDark);
        var sideCount = new long[4];
        var sidePaper = new long[4];
        var sideDark = new long[4];
        for (int y = 0; y < h; y++)
        {
            bool top = y < b, bottom = y >= h - b;
            for (int x = 0; x < w; x++)
            {
                bool left = x < b, right = x >= w - b;
                if (!top && !bottom && !left && !right) continue;
                byte v = px[y * w + x];
                bool isBright = v >= bright;
                inBand++;
                if (isBright) brightInBand++;
                if (top) Count(0);
                if (right) Count(1);
                if (bottom) Count(2);
                if (left) Count(3);

                void Count(int side)
                {
                    sideCount[side]++;
                    if (v >= nearlyPaper) sidePaper[side]++;
                    if (v < dark) sideDark[side]++;
                }
            }
        }
        bool scanned = Enumerable.Range(0, 4).Any(s => sideCount[s] > 0
            && (sidePaper[s] >= paperShare * sideCount[s] || sideDark[s] >= 0.5 * sideCount[s]));
        return new PaperBorder(inBand > 0 ? brightInBand / (double)inBand : 0, scanned);
    }
}
