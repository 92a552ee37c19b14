namespace Pilgi.Core.Geometry;

/// <summary>A homography fitted to point pairs of which some are wrong (patches over handwriting, a seal, a shadow).</summary>
public static class HomographyFit
{
    /// <summary>
    /// RANSAC over four-pair samples, then a least-squares refit on the inliers (pairs within
    /// <paramref name="thresholdPx"/>); null when fewer than eight pairs agree. Deterministic for a seed.
    /// </summary>
    public static (Homography Transform, bool[] InlierMask, int InlierCount, double RmsResidual)? Ransac(
        IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, double thresholdPx, int iterations, int seed)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(dst);
        if (src.Count != dst.Count) throw new ArgumentException("One partner per point is needed.");
        int n = src.Count;
        if (n < 8) return null;
        var random = new Random(seed);
        bool[]? bestMask = null;
        int bestCount = 0;
        var sample = new int[4];
        for (int it = 0; it < iterations; it++)
        {
            for (int k = 0; k < 4; k++)
            {
                int pick;
                do pick = random.Next(n); while (Array.IndexOf(sample, pick, 0, k) >= 0);
                sample[k] = pick;
            }
            var h = Homography.Fit(sample.Select(i => src[i]).ToList(), sample.Select(i => dst[i]).ToList());
            if (h is null) continue;
            var mask = Inliers(h.Value, src, dst, thresholdPx, out int count);
            if (count > bestCount) { bestCount = count; bestMask = mask; }
        }
        if (bestMask is null || bestCount < 8) return null;
        for (int round = 0; round < 2; round++)
        {
            var refit = Homography.Fit(Pick(src, bestMask), Pick(dst, bestMask));
            if (refit is null) return null;
            var mask = Inliers(refit.Value, src, dst, thresholdPx, out int count);
            if (count < 8) return null;
            bestMask = mask;
            bestCount = count;
            if (round == 1) return (refit.Value, mask, count, Rms(refit.Value, src, dst, mask));
        }
        return null;
    }

    /// <summary>Root mean square distance between mapped points and their partners, over the pairs in <paramref name="mask"/>.</summary>
    public static double Rms(Homography h, IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, bool[] mask)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (!mask[i]) continue;
            sum += h.Apply(src[i]).DistanceSquaredTo(dst[i]);
            count++;
        }
        return count > 0 ? Math.Sqrt(sum / count) : 0;
    }

    private static bool[] Inliers(Homography h, IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, double threshold, out int count)
    {
        var mask = new bool[src.Count];
        count = 0;
        double t2 = threshold * threshold;
        for (int i = 0; i < src.Count; i++)
        {
            if (h.Apply(src[i]).DistanceSquaredTo(dst[i]) <= t2) { mask[i] = true; count++; }
        }
        return mask;
    }

    private static List<PointD> Pick(IReadOnlyList<PointD> points, bool[] mask) => points.Where((_, i) => mask[i]).ToList();
}
