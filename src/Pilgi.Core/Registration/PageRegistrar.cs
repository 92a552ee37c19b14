using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Registration;

/// <summary>
/// Registers a scanned page to a template's blank reference: a coarse similarity from patch correlation on
/// heavily downsampled images, then an affine refinement at half resolution. Handwriting and seals only
/// cost a few patches, which RANSAC drops.
/// </summary>
public sealed class PageRegistrar(RegistrationOptions? options = null)
{
    private readonly RegistrationOptions _o = options ?? new RegistrationOptions();

    public RegistrationOptions Options => _o;

    public ReferencePage Prepare(GrayImage reference)
    {
        var coarse = Resampling.Downsample(reference, _o.CoarseFactor);
        var fine = Resampling.Downsample(reference, _o.FineFactor);
        var coarsePatches = PatchMatcher.SelectPatches(coarse, _o.CoarsePatch, _o.CoarsePatches, _o.CoarseRadius / 2);
        var finePatches = PatchMatcher.SelectPatches(fine, _o.FinePatch, _o.FinePatches, _o.FineRadius);
        return new ReferencePage(reference, coarse, fine, coarsePatches, finePatches);
    }

    /// <summary>The coarse stage alone: cheap enough to try every template when identifying a scan.</summary>
    public Registration? RegisterCoarse(GrayImage scan, ReferencePage reference)
    {
        var initial = InitialGuess(scan, reference);
        return Refine(scan, reference, initial, _o.CoarseFactor, reference.Coarse, reference.CoarsePatches,
            _o.CoarsePatch, _o.CoarseRadius, TransformModel.Similarity, 1.5);
    }

    /// <summary>Full registration; null when the page does not match the reference well enough.</summary>
    public Registration? Register(GrayImage scan, ReferencePage reference, Registration? coarse = null)
    {
        coarse ??= RegisterCoarse(scan, reference);
        if (coarse is null || coarse.Score < _o.MinScore) return coarse;
        var fine = Refine(scan, reference, coarse.ReferenceToScan, _o.FineFactor, reference.Fine, reference.FinePatches,
            _o.FinePatch, _o.FineRadius, TransformModel.Affine, 1.0);
        if (fine is null || fine.Inliers < 8 || !Plausible(fine.ReferenceToScan, coarse.ReferenceToScan)) return coarse;
        return fine;
    }

    /// <summary>Scale from the page sizes, no rotation, centred.</summary>
    private static AffineTransform InitialGuess(GrayImage scan, ReferencePage reference)
    {
        double s = Math.Min((double)scan.Width / reference.Width, (double)scan.Height / reference.Height);
        double tx = (scan.Width - s * reference.Width) / 2, ty = (scan.Height - s * reference.Height) / 2;
        return new AffineTransform(s, 0, tx, 0, s, ty);
    }

    private Registration? Refine(GrayImage scan, ReferencePage reference, AffineTransform referenceToScan, int factor,
        GrayImage level, List<(int X, int Y)> patches, int patch, int radius, TransformModel model, double thresholdPx)
    {
        var warped = WarpToLevel(scan, referenceToScan, factor, level.Width, level.Height);
        var src = new List<PointD>();
        var dst = new List<PointD>();
        double scoreSum = 0;
        var scores = new List<double>();
        foreach (var (x, y) in patches)
        {
            var m = PatchMatcher.Find(level, warped, x, y, patch, radius, _o.MinCorrelation);
            if (m is null) continue;
            src.Add(m.Value.Source);
            dst.Add(m.Value.Target);
            scores.Add(m.Value.Score);
        }
        if (src.Count < AffineFit.MinimumPoints(model) + 2) return null;
        var fit = AffineFit.Ransac(src, dst, model, thresholdPx, 400, _o.Seed);
        if (fit is null) return null;
        for (int i = 0; i < scores.Count; i++)
            if (fit.InlierMask[i]) scoreSum += scores[i];
        double meanScore = fit.InlierCount > 0 ? scoreSum / fit.InlierCount : 0;
        // the correction acts in level pixels of the already-warped frame: level -> full reference -> scan
        var correction = AffineTransform.Scale(1.0 / factor, 1.0 / factor)
            .Then(fit.Transform)
            .Then(AffineTransform.Scale(factor, factor));
        var refined = correction.Then(referenceToScan);
        double score = (double)fit.InlierCount / patches.Count * meanScore;
        return new Registration(refined, score, fit.InlierCount, patches.Count, fit.RmsResidual * factor);
    }

    /// <summary>The scan resampled into the reference frame at 1/<paramref name="factor"/> resolution.</summary>
    public static GrayImage WarpToLevel(GrayImage scan, AffineTransform referenceToScan, int factor, int width, int height)
    {
        // pre-shrink the scan by an integer factor so that bilinear sampling does not alias
        double scale = Math.Sqrt(Math.Abs(referenceToScan.Determinant)) * factor;
        int k = Math.Max(1, (int)Math.Floor(scale));
        var source = k > 1 ? Resampling.Downsample(scan, k) : scan;
        var levelToScan = AffineTransform.Scale(factor, factor).Then(referenceToScan).Then(AffineTransform.Scale(1.0 / k, 1.0 / k));
        return Resampling.WarpAffine(source, levelToScan, width, height);
    }

    private static bool Plausible(AffineTransform fine, AffineTransform coarse)
    {
        double ratio = fine.ScaleX / coarse.ScaleX;
        return ratio is > 0.95 and < 1.05 && Math.Abs(fine.RotationDegrees - coarse.RotationDegrees) < 1.0;
    }
}
