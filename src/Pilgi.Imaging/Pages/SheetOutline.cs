using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// The outline of a sheet of paper in a (downsampled) photo: paper is brighter than what lies around it where they
/// meet, whatever the light does across the frame. Pixels brighter than their neighbourhood are paper candidates;
/// everything darker that reaches the frame's edge is outside; the largest piece left is the sheet. Its corners come
/// from a straight line fitted to each side (so a thumb or a shadow over part of an edge does not move them).
/// </summary>
internal static class SheetOutline
{
    /// <returns>The corners top-left, top-right, bottom-right, bottom-left in <paramref name="small"/>'s pixels; null when no sheet is found.</returns>
    public static PointD[]? Find(GrayImage small, double minShare)
    {
        int w = small.Width, h = small.Height;
        if (w < 32 || h < 32) return null;
        var bright = BrighterThanSurroundings(Smooth(small));
        var outside = ReachableFromEdge(bright, w, h);
        var sheet = LargestPiece(outside, w, h, out int area);
        if (sheet is null || area < minShare * w * h) return null;

        var rows = new List<(int Y, int Left, int Right)>();
        var cols = new List<(int X, int Top, int Bottom)>();
        for (int y = 0; y < h; y++)
        {
            int l = -1, r = -1;
            for (int x = 0; x < w; x++)
                if (sheet[y * w + x]) { if (l < 0) l = x; r = x; }
            if (l >= 0) rows.Add((y, l, r));
        }
        for (int x = 0; x < w; x++)
        {
            int t = -1, b = -1;
            for (int y = 0; y < h; y++)
                if (sheet[y * w + x]) { if (t < 0) t = y; b = y; }
            if (t >= 0) cols.Add((x, t, b));
        }

        // Rough corners: the sheet's extreme points along the diagonals.
        var edge = rows.SelectMany(r => new[] { new PointD(r.Left, r.Y), new PointD(r.Right, r.Y) }).ToList();
        var tl = edge.MinBy(p => p.X + p.Y);
        var tr = edge.MaxBy(p => p.X - p.Y);
        var br = edge.MaxBy(p => p.X + p.Y);
        var bl = edge.MinBy(p => p.X - p.Y);

        // Each side: the boundary points between its rough corners (away from them), a robust straight line.
        var topLine = FitSide(cols.Where(c => Between(c.X, tl.X, tr.X)).Select(c => new PointD(c.X, c.Top)), alongX: true);
        var bottomLine = FitSide(cols.Where(c => Between(c.X, bl.X, br.X)).Select(c => new PointD(c.X, c.Bottom)), alongX: true);
        var leftLine = FitSide(rows.Where(r => Between(r.Y, tl.Y, bl.Y)).Select(r => new PointD(r.Left, r.Y)), alongX: false);
        var rightLine = FitSide(rows.Where(r => Between(r.Y, tr.Y, br.Y)).Select(r => new PointD(r.Right, r.Y)), alongX: false);
        if (topLine is null || bottomLine is null || leftLine is null || rightLine is null) return null;

        var quad = StraightLine.Corners(topLine.Value, rightLine.Value, bottomLine.Value, leftLine.Value);
        return quad is not null && SheetShape.WithinFrame(quad, w, h) && SheetShape.IsConvex(quad) ? quad : null;
    }

    /// <summary>Inside the span between two rough corners, keeping clear of the 10 % at either end.</summary>
    private static bool Between(double v, double a, double b)
    {
        double lo = Math.Min(a, b), hi = Math.Max(a, b), margin = 0.1 * (hi - lo);
        return v >= lo + margin && v <= hi - margin;
    }

    /// <summary>A 5x5 box blur: camera noise and desk grain must not make paper of their own.</summary>
    private static GrayImage Smooth(GrayImage image)
    {
        var integral = IntegralImage.FromImage(image);
        int w = image.Width, h = image.Height;
        var output = new byte[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int x0 = Math.Max(0, x - 2), y0 = Math.Max(0, y - 2), x1 = Math.Min(w, x + 3), y1 = Math.Min(h, y + 3);
            output[y * w + x] = (byte)Math.Round(integral.Mean(new IntRect(x0, y0, x1 - x0, y1 - y0)));
        }
        return new GrayImage(w, h, output);
    }

    /// <summary>
    /// Pixels brighter than the mean of a window an eighth of the frame wide by half its standard deviation: paper
    /// next to the desk always is; desk grain mostly is not, so the dark desk stays one connected piece.
    /// </summary>
    private static bool[] BrighterThanSurroundings(GrayImage image)
    {
        int w = image.Width, h = image.Height, r = Math.Max(4, Math.Min(w, h) / 16);
        var px = image.Pixels;
        var sum = new double[(w + 1) * (h + 1)];
        var sq = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++)
        {
            double rowSum = 0, rowSq = 0;
            for (int x = 0; x < w; x++)
            {
                double v = px[y * w + x];
                rowSum += v;
                rowSq += v * v;
                sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + rowSum;
                sq[(y + 1) * (w + 1) + x + 1] = sq[y * (w + 1) + x + 1] + rowSq;
            }
        }
        var bright = new bool[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int x0 = Math.Max(0, x - r), y0 = Math.Max(0, y - r), x1 = Math.Min(w, x + r + 1), y1 = Math.Min(h, y + r + 1);
            double n = (x1 - x0) * (y1 - y0);
            double s = sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0] + sum[y0 * (w + 1) + x0];
            double s2 = sq[y1 * (w + 1) + x1] - sq[y0 * (w + 1) + x1] - sq[y1 * (w + 1) + x0] + sq[y0 * (w + 1) + x0];
            double mean = s / n, sd = Math.Sqrt(Math.Max(0, s2 / n - mean * mean));
            bright[y * w + x] = px[y * w + x] > mean + 0.5 * sd + 2;
        }
        return bright;
    }

    /// <summary>Not-bright pixels connected (4-way) to the frame's edge.</summary>
    private static bool[] ReachableFromEdge(bool[] bright, int w, int h)
    {
        var outside = new bool[w * h];
        var stack = new Stack<int>();
        void Push(int i)
        {
            if (!bright[i] && !outside[i]) { outside[i] = true; stack.Push(i); }
        }
        for (int x = 0; x < w; x++) { Push(x); Push((h - 1) * w + x); }
        for (int y = 0; y < h; y++) { Push(y * w); Push(y * w + w - 1); }
        while (stack.Count > 0)
        {
            int i = stack.Pop(), x = i % w, y = i / w;
            if (x > 0) Push(i - 1);
            if (x < w - 1) Push(i + 1);
            if (y > 0) Push(i - w);
            if (y < h - 1) Push(i + w);
        }
        return outside;
    }

    /// <summary>The largest 4-connected piece of what is not outside (the sheet, with its print and writing).</summary>
    private static bool[]? LargestPiece(bool[] outside, int w, int h, out int area)
    {
        var label = new int[w * h];
        int best = 0, bestSize = 0, next = 0;
        var stack = new Stack<int>();
        for (int start = 0; start < w * h; start++)
        {
            if (outside[start] || label[start] != 0) continue;
            int id = ++next, size = 0;
            label[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop(), x = i % w, y = i / w;
                size++;
                if (x > 0 && !outside[i - 1] && label[i - 1] == 0) { label[i - 1] = id; stack.Push(i - 1); }
                if (x < w - 1 && !outside[i + 1] && label[i + 1] == 0) { label[i + 1] = id; stack.Push(i + 1); }
                if (y > 0 && !outside[i - w] && label[i - w] == 0) { label[i - w] = id; stack.Push(i - w); }
                if (y < h - 1 && !outside[i + w] && label[i + w] == 0) { label[i + w] = id; stack.Push(i + w); }
            }
            if (size > bestSize) { bestSize = size; best = id; }
        }
        area = bestSize;
        if (best == 0) return null;
        var piece = new bool[w * h];
        for (int i = 0; i < piece.Length; i++) piece[i] = label[i] == best;
        return piece;
    }

    /// <summary>
    /// A line through side points, refitted twice without the points far from it (a thumb, a torn corner, the shadow
    /// of the phone). <paramref name="alongX"/>: the side runs left to right (y as a function of x), else top to bottom.
    /// </summary>
    private static StraightLine? FitSide(IEnumerable<PointD> points, bool alongX)
    {
        var kept = points.Select(p => alongX ? p : new PointD(p.Y, p.X)).ToList();
        if (kept.Count < 8) return null;
        (double Slope, double Offset) fit = default;
        for (int round = 0; round < 3; round++)
        {
            if (kept.Count < 8) return null;
            double mx = kept.Average(p => p.X), my = kept.Average(p => p.Y);
            double sxx = kept.Sum(p => (p.X - mx) * (p.X - mx)), sxy = kept.Sum(p => (p.X - mx) * (p.Y - my));
            if (sxx <= 0) return null;
            double slope = sxy / sxx;
            fit = (slope, my - slope * mx);
            var residuals = kept.Select(p => Math.Abs(p.Y - (fit.Slope * p.X + fit.Offset))).ToList();
            var sorted = residuals.Order().ToList();
            double limit = Math.Max(1.5, 3 * sorted[sorted.Count / 2]);
            kept = kept.Where((p, i) => residuals[i] <= limit).ToList();
        }
        return alongX ? StraightLine.FromYOfX(fit.Slope, fit.Offset) : StraightLine.FromXOfY(fit.Slope, fit.Offset);
    }
}
