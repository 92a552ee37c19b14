using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Registration;

/// <summary>
/// Finds where square patches of one image lie in another by normalised cross-correlation over a search window.
/// Both images are in the same (approximately aligned) frame; the result is a displacement per patch.
/// </summary>
internal static class PatchMatcher
{
    internal readonly record struct Match(PointD Source, PointD Target, double Score);

    /// <summary>Centres of patches with structure in both directions (corners, text), strongest first, spaced apart.</summary>
    public static List<(int X, int Y)> SelectPatches(GrayImage image, int patch, int count, int margin)
    {
        int w = image.Width, h = image.Height, half = patch / 2;
        var px = image.Pixels;
        var gx = new float[w * h];
        var gy = new float[w * h];
        for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++)
        {
            int i = y * w + x;
            gx[i] = Math.Abs(px[i + 1] - px[i - 1]);
            gy[i] = Math.Abs(px[i + w] - px[i - w]);
        }
        var candidates = new List<(int X, int Y, double Score)>();
        int step = Math.Max(2, patch / 4);
        for (int cy = margin + half; cy < h - margin - half; cy += step)
        for (int cx = margin + half; cx < w - margin - half; cx += step)
        {
            double sx = 0, sy = 0;
            for (int y = cy - half; y < cy + half; y++)
            {
                int row = y * w;
                for (int x = cx - half; x < cx + half; x++) { sx += gx[row + x]; sy += gy[row + x]; }
            }
            double score = Math.Min(sx, sy); // both directions: a lone line slides along itself
            if (score > 0) candidates.Add((cx, cy, score));
        }
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var chosen = new List<(int X, int Y)>();
        int minDist = patch;
        foreach (var c in candidates)
        {
            if (chosen.Count >= count) break;
            bool far = true;
            foreach (var p in chosen)
                if (Math.Abs(p.X - c.X) < minDist && Math.Abs(p.Y - c.Y) < minDist) { far = false; break; }
            if (far) chosen.Add((c.X, c.Y));
        }
        return chosen;
    }

    /// <summary>
    /// Best NCC position of <paramref name="source"/>'s patch centred at (cx, cy) inside <paramref name="target"/>
    /// within ±<paramref name="radius"/> pixels, with a parabolic sub-pixel peak; null when nothing correlates.
    /// </summary>
    public static Match? Find(GrayImage source, GrayImage target, int cx, int cy, int patch, int radius, double minScore)
    {
        int half = patch / 2, n = patch * patch;
        int sw = source.Width;
        var sp = source.Pixels;
        var a = new float[n];
        double mean = 0;
        for (int y = 0; y < patch; y++)
        for (int x = 0; x < patch; x++)
        {
            float v = sp[(cy - half + y) * sw + cx - half + x];
            a[y * patch + x] = v;
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) { a[i] -= (float)mean; var += a[i] * a[i]; }
        if (var < n * 25) return null; // flat patch

        var area = SearchArea.Around(target, cx - half - radius, cy - half - radius, patch + 2 * radius);
        int size = 2 * radius + 1;
        var scores = new double[size * size];
        Array.Fill(scores, double.NegativeInfinity);
        double best = double.NegativeInfinity;
        int bx = 0, by = 0;
        for (int dy = -radius; dy <= radius; dy++)
        {
            int y0 = cy - half + dy;
            if (y0 < 0 || y0 + patch > target.Height) continue;
            for (int dx = -radius; dx <= radius; dx++)
            {
                int x0 = cx - half + dx;
                if (x0 < 0 || x0 + patch > target.Width) continue;
                var (sb, sbb) = area.Window(x0, y0, patch);
                double vb = sbb - (double)sb * sb / n;
                if (vb < n * 25) continue;
                // a has its mean taken out, so Σ a·b is the covariance of the patch and the window
                double sab = 0;
                for (int y = 0; y < patch; y++)
                    sab += Dot(a.AsSpan(y * patch, patch), area.Row(x0, y0 + y, patch));
                double ncc = sab / Math.Sqrt(var * vb);
                scores[(dy + radius) * size + dx + radius] = ncc;
                if (ncc > best) { best = ncc; bx = dx; by = dy; }
            }
        }
        if (best < minScore) return null;
        double subX = bx + Parabola(scores, size, bx + radius, by + radius, 1, 0);
        double subY = by + Parabola(scores, size, bx + radius, by + radius, 0, 1);
        return new Match(new PointD(cx, cy), new PointD(cx + subX, cy + subY), best);
    }

    /// <summary>
    /// The part of a target image one patch is searched in, as floats, with running sums of its pixels and their
    /// squares: each window's sum and spread then cost four lookups, and its correlation one vectorised pass.
    /// </summary>
    private sealed class SearchArea
    {
        private readonly int _left, _top, _width;
        private readonly float[] _pixels;
        private readonly long[] _sums, _squares;

        private SearchArea(int left, int top, int width, float[] pixels, long[] sums, long[] squares) =>
            (_left, _top, _width, _pixels, _sums, _squares) = (left, top, width, pixels, sums, squares);

        /// <summary>The square of <paramref name="extent"/> pixels at (x, y), clipped to the image.</summary>
        public static SearchArea Around(GrayImage image, int x, int y, int extent)
        {
            int left = Math.Max(0, x), top = Math.Max(0, y);
            int width = Math.Max(0, Math.Min(image.Width, x + extent) - left), height = Math.Max(0, Math.Min(image.Height, y + extent) - top);
            var pixels = new float[width * height];
            int stride = width + 1;
            var sums = new long[stride * (height + 1)];
            var squares = new long[stride * (height + 1)];
            var px = image.Pixels;
            for (int r = 0; r < height; r++)
            {
                long rowSum = 0, rowSquares = 0;
                int from = (top + r) * image.Width + left;
                for (int c = 0; c < width; c++)
                {
                    int v = px[from + c];
                    pixels[r * width + c] = v;
                    rowSum += v;
                    rowSquares += v * v;
                    sums[(r + 1) * stride + c + 1] = sums[r * stride + c + 1] + rowSum;
                    squares[(r + 1) * stride + c + 1] = squares[r * stride + c + 1] + rowSquares;
                }
            }
            return new SearchArea(left, top, width, pixels, sums, squares);
        }

        /// <summary>Sum of the pixels and of their squares in the <paramref name="size"/>-square window at image (x0, y0).</summary>
        public (long Sum, long Squares) Window(int x0, int y0, int size)
        {
            int stride = _width + 1, x = x0 - _left, top = (y0 - _top) * stride, bottom = (y0 - _top + size) * stride;
            return (_sums[bottom + x + size] - _sums[bottom + x] - _sums[top + x + size] + _sums[top + x],
                _squares[bottom + x + size] - _squares[bottom + x] - _squares[top + x + size] + _squares[top + x]);
        }

        /// <summary><paramref name="length"/> pixels of image row <paramref name="y"/> from image column <paramref name="x0"/>.</summary>
        public ReadOnlySpan<float> Row(int x0, int y, int length) => _pixels.AsSpan((y - _top) * _width + x0 - _left, length);
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0, lanes = System.Numerics.Vector<float>.Count;
        var sum = System.Numerics.Vector<float>.Zero;
        for (; i <= a.Length - lanes; i += lanes)
            sum += new System.Numerics.Vector<float>(a.Slice(i)) * new System.Numerics.Vector<float>(b.Slice(i));
        float total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    private static double Parabola(double[] s, int size, int x, int y, int ux, int uy)
    {
        int x1 = x - ux, y1 = y - uy, x2 = x + ux, y2 = y + uy;
        if (x1 < 0 || y1 < 0 || x2 >= size || y2 >= size) return 0;
        double l = s[y1 * size + x1], c = s[y * size + x], r = s[y2 * size + x2];
        if (double.IsInfinity(l) || double.IsInfinity(r)) return 0;
        double d = l - 2 * c + r;
        return d < 0 ? Math.Clamp(0.5 * (l - r) / d, -0.5, 0.5) : 0;
    }
}
