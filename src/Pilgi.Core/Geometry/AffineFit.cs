namespace Pilgi.Core.Geometry;

/// <summary>
/// Least-squares and RANSAC estimation of transforms mapping <c>src[i]</c> onto <c>dst[i]</c>.
/// The plain fits throw <see cref="ArgumentException"/> on degenerate input (too few points,
/// all points equal, collinear points for the affine model); <see cref="Ransac"/> returns null instead,
/// because few or bad matches are an ordinary runtime outcome for registration.
/// </summary>
public static class AffineFit
{
    // Spreads below this (squared pixels, summed) count as "all points coincide".
    private const double DegenerateSpread = 1e-9;

    public static int MinimumPoints(TransformModel model) => model == TransformModel.Similarity ? 2 : 3;

    /// <summary>Least-squares similarity (rotation, uniform scale, shift).</summary>
    public static AffineTransform FitSimilarity(IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst)
    {
        CheckPairs(src, dst, 2);
        return TrySimilarity(src, dst, null, out var t)
            ? t
            : throw new ArgumentException("Source points coincide; a similarity is undetermined.", nameof(src));
    }

    /// <summary>Least-squares affine map.</summary>
    public static AffineTransform FitAffine(IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst)
    {
        CheckPairs(src, dst, 3);
        return TryAffine(src, dst, null, out var t)
            ? t
            : throw new ArgumentException("Source points are collinear; an affine map is undetermined.", nameof(src));
    }

    public static AffineTransform Fit(TransformModel model, IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst) =>
        model == TransformModel.Similarity ? FitSimilarity(src, dst) : FitAffine(src, dst);

    /// <summary>
    /// RANSAC over minimal samples, then a least-squares refit on the inliers (repeated while the inlier set grows).
    /// Deterministic for a given <paramref name="seed"/>. Returns null when there are fewer points than the model
    /// needs or no sample gave a usable transform. Throws <see cref="ArgumentException"/> for mismatched lists
    /// or non-positive threshold/iterations.
    /// </summary>
    public static RansacResult? Ransac(
        IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, TransformModel model,
        double inlierThresholdPx, int iterations, int seed)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(dst);
        if (src.Count != dst.Count)
            throw new ArgumentException($"src has {src.Count} points but dst has {dst.Count}.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inlierThresholdPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);

        int n = src.Count, need = MinimumPoints(model);
        if (n < need) return null;

        var random = new Random(seed);
        var sample = new int[need];
        var sampleSrc = new PointD[need];
        var sampleDst = new PointD[need];
        double threshold2 = inlierThresholdPx * inlierThresholdPx;

        AffineTransform best = default;
        int bestCount = 0;
        double bestError = double.PositiveInfinity;
        for (int iter = 0; iter < iterations; iter++)
        {
            DrawDistinct(random, n, sample);
            for (int k = 0; k < need; k++) { sampleSrc[k] = src[sample[k]]; sampleDst[k] = dst[sample[k]]; }
            if (!TryFit(model, sampleSrc, sampleDst, null, out var candidate)) continue;

            int count = 0;
            double error = 0;
            for (int i = 0; i < n; i++)
            {
                double d2 = candidate.Apply(src[i]).DistanceSquaredTo(dst[i]);
                if (d2 <= threshold2) { count++; error += d2; }
            }
            if (count > bestCount || (count == bestCount && error < bestError))
            {
                best = candidate; bestCount = count; bestError = error;
            }
        }
        if (bestCount < need) return null;

        var mask = InliersOf(best, src, dst, threshold2, out int inliers);
        for (int round = 0; round < 5; round++)
        {
            if (!TryFit(model, src, dst, mask, out var refit)) break;
            var refitMask = InliersOf(refit, src, dst, threshold2, out int refitInliers);
            if (refitInliers < inliers) break;
            bool unchanged = refitMask.AsSpan().SequenceEqual(mask);
            best = refit; mask = refitMask; inliers = refitInliers;
            if (unchanged) break;
        }
        return new RansacResult(best, mask, inliers, Rms(best, src, dst, mask));
    }

    private static bool TryFit(TransformModel model, IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, bool[]? use, out AffineTransform t) =>
        model == TransformModel.Similarity ? TrySimilarity(src, dst, use, out t) : TryAffine(src, dst, use, out t);

    private static bool TrySimilarity(IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, bool[]? use, out AffineTransform t)
    {
        t = default;
        if (!Means(src, dst, use, out var ms, out var md, out int count) || count < 2) return false;
        double sxx = 0, num = 0, numB = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (use is not null && !use[i]) continue;
            double x = src[i].X - ms.X, y = src[i].Y - ms.Y;
            double u = dst[i].X - md.X, v = dst[i].Y - md.Y;
            sxx += x * x + y * y;
            num += x * u + y * v;
            numB += x * v - y * u;
        }
        if (sxx <= DegenerateSpread) return false;
        double a = num / sxx, b = numB / sxx;
        t = new AffineTransform(a, -b, md.X - (a * ms.X - b * ms.Y), b, a, md.Y - (b * ms.X + a * ms.Y));
        return true;
    }

    private static bool TryAffine(IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, bool[]? use, out AffineTransform t)
    {
        t = default;
        if (!Means(src, dst, use, out var ms, out var md, out int count) || count < 3) return false;
        double sxx = 0, sxy = 0, syy = 0, sxu = 0, syu = 0, sxv = 0, syv = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (use is not null && !use[i]) continue;
            double x = src[i].X - ms.X, y = src[i].Y - ms.Y;
            double u = dst[i].X - md.X, v = dst[i].Y - md.Y;
            sxx += x * x; sxy += x * y; syy += y * y;
            sxu += x * u; syu += y * u; sxv += x * v; syv += y * v;
        }
        double det = sxx * syy - sxy * sxy;
        // Relative test: collinear points make the scatter matrix singular whatever their scale.
        if (det <= 1e-9 * (sxx + syy) * (sxx + syy) || sxx + syy <= DegenerateSpread) return false;
        double a = (sxu * syy - syu * sxy) / det, b = (syu * sxx - sxu * sxy) / det;
        double d = (sxv * syy - syv * sxy) / det, e = (syv * sxx - sxv * sxy) / det;
        t = new AffineTransform(a, b, md.X - a * ms.X - b * ms.Y, d, e, md.Y - d * ms.X - e * ms.Y);
        return true;
    }

    private static bool Means(IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, bool[]? use, out PointD ms, out PointD md, out int count)
    {
        double sx = 0, sy = 0, dx = 0, dy = 0;
        count = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (use is not null && !use[i]) continue;
            sx += src[i].X; sy += src[i].Y; dx += dst[i].X; dy += dst[i].Y;
            count++;
        }
        ms = count > 0 ? new PointD(sx / count, sy / count) : default;
        md = count > 0 ? new PointD(dx / count, dy / count) : default;
        return count > 0;
    }

    private static bool[] InliersOf(AffineTransform t, IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, double threshold2, out int count)
    {
        var mask = new bool[src.Count];
        count = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (t.Apply(src[i]).DistanceSquaredTo(dst[i]) <= threshold2) { mask[i] = true; count++; }
        }
        return mask;
    }

    private static double Rms(AffineTransform t, IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, bool[] mask)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < src.Count; i++)
        {
            if (!mask[i]) continue;
            sum += t.Apply(src[i]).DistanceSquaredTo(dst[i]);
            count++;
        }
        return count > 0 ? Math.Sqrt(sum / count) : 0;
    }

    private static void DrawDistinct(Random random, int n, int[] sample)
    {
        for (int k = 0; k < sample.Length; k++)
        {
            int pick;
            do pick = random.Next(n);
            while (Array.IndexOf(sample, pick, 0, k) >= 0);
            sample[k] = pick;
        }
    }

    private static void CheckPairs(IReadOnlyList<PointD> src, IReadOnlyList<PointD> dst, int minimum)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(dst);
        if (src.Count != dst.Count)
            throw new ArgumentException($"src has {src.Count} points but dst has {dst.Count}.");
        if (src.Count < minimum)
            throw new ArgumentException($"At least {minimum} point pairs are needed, got {src.Count}.", nameof(src));
    }
}
