using Pilgi.Core.Raster;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// Evens out the light on a photographed sheet: the paper's own brightness is estimated on a coarse grid (the
/// brightest nearby blocks, so print and writing do not pull it down), smoothed, and every pixel divided by it, so a
/// gradient or a soft shadow leaves white paper and ink as dark as where the light was good.
/// </summary>
internal static class PaperLight
{
    private const int Block = 32;
    private const int Reach = 2;

    public static GrayImage Even(GrayImage page, byte paperLevel)
    {
        int w = page.Width, h = page.Height;
        var means = Resampling.Downsample(page, Block);
        int gw = means.Width, gh = means.Height;
        var paper = MinFilter(MaxFilter(ToDoubles(means), gw, gh, Reach), gw, gh, Reach);
        paper = Blur(Blur(paper, gw, gh), gw, gh);
        var output = new byte[w * h];
        var px = page.Pixels;
        for (int y = 0; y < h; y++)
        {
            double gy = Math.Clamp((y + 0.5) / Block - 0.5, 0, gh - 1);
            int y0 = (int)gy, y1 = Math.Min(gh - 1, y0 + 1);
            double fy = gy - y0;
            for (int x = 0; x < w; x++)
            {
                double gx = Math.Clamp((x + 0.5) / Block - 0.5, 0, gw - 1);
                int x0 = (int)gx, x1 = Math.Min(gw - 1, x0 + 1);
                double fx = gx - x0;
                double top = paper[y0 * gw + x0] + (paper[y0 * gw + x1] - paper[y0 * gw + x0]) * fx;
                double bottom = paper[y1 * gw + x0] + (paper[y1 * gw + x1] - paper[y1 * gw + x0]) * fx;
                double level = Math.Max(8, top + (bottom - top) * fy);
                output[y * w + x] = (byte)Math.Min(255, px[y * w + x] * paperLevel / level + 0.5);
            }
        }
        return new GrayImage(w, h, output);
    }

    private static double[] ToDoubles(GrayImage image) => image.Pixels.Select(p => (double)p).ToArray();

    private static double[] MaxFilter(double[] v, int w, int h, int r) => Filter(v, w, h, r, Math.Max, double.MinValue);

    private static double[] MinFilter(double[] v, int w, int h, int r) => Filter(v, w, h, r, Math.Min, double.MaxValue);

    private static double[] Filter(double[] v, int w, int h, int r, Func<double, double, double> pick, double start)
    {
        var o = new double[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            double m = start;
            for (int dy = -r; dy <= r; dy++)
            {
                int yy = y + dy;
                if (yy < 0 || yy >= h) continue;
                for (int dx = -r; dx <= r; dx++)
                {
                    int xx = x + dx;
                    if (xx >= 0 && xx < w) m = pick(m, v[yy * w + xx]);
                }
            }
            o[y * w + x] = m;
        }
        return o;
    }

    private static double[] Blur(double[] v, int w, int h)
    {
        var o = new double[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            double s = 0;
            int n = 0;
            for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
                int xx = x + dx, yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                s += v[yy * w + xx];
                n++;
            }
            o[y * w + x] = s / n;
        }
        return o;
    }
}
