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

    /// <summary>
    /// The coarse stage alone: cheap enough to try every template when identifying a scan. Upright first; a page
    /// that does not match upright is tried upside down (a sheet fed the wrong way round) and, when its sides are
    /// swapped against the reference's, turned a quarter either way.
    /// </summary>
    /// <param name="sheetFillsPage">The page is a sheet cut out of a photo along its edges: its corners are the form's
    /// corners, so the first guesses stretch the reference onto it (a photo taken at an angle foreshortens one side,
    /// which a single scale cannot follow).</param>
    public Registration? RegisterCoarse(GrayImage scan, ReferencePage reference, bool sheetFillsPage = false)
    {
        Registration? best = null;
        var guesses = InitialGuesses(scan, reference);
        if (sheetFillsPage) guesses = StretchedGuesses(scan, reference).Concat(guesses);
        foreach (var initial in guesses)
        {
            var r = Refine(scan, reference, initial, _o.CoarseFactor, reference.Coarse, reference.CoarsePatches,
                _o.CoarsePatch, _o.CoarseRadius, TransformModel.Similarity, 1.5);
            if (r is not null && (best is null || r.Score > best.Score)) best = r;
            if (best is not null && best.Score >= _o.MinScore) break;
        }
        return best;
    }

    /// <summary>Full registration; null when the page does not match the reference well enough.</summary>
    public Registration? Register(GrayImage scan, ReferencePage reference, Registration? coarse = null, bool sheetFillsPage = false)
    {
        coarse ??= RegisterCoarse(scan, reference, sheetFillsPage);
        if (coarse is null || coarse.Score < _o.MinScore) return coarse;
        var fine = Refine(scan, reference, coarse.ReferenceToScan, _o.FineFactor, reference.Fine, reference.FinePatches,
            _o.FinePatch, _o.FineRadius, TransformModel.Affine, 1.0);
        if (fine is null || fine.Inliers < 8 || !Plausible(fine.ReferenceToScan, coarse.ReferenceToScan)) return coarse;
        return fine;
    }

    /// <summary>The reference fitted into the scan, centred: upright, upside down, then a quarter turn either way.</summary>
    private static IEnumerable<AffineTransform> InitialGuesses(GrayImage scan, ReferencePage reference)
    {
        yield return Fit(scan, reference, 0);
        yield return Fit(scan, reference, 180);
        bool scanLandscape = scan.Width > scan.Height, referenceLandscape = reference.Width > reference.Height;
        if (scanLandscape != referenceLandscape)
        {
            yield return Fit(scan, reference, 90);
            yield return Fit(scan, reference, 270);
        }
    }

    /// <summary>
    /// Where a registered page is not flat to the reference (a sheet photographed at an angle whose corners were found a
    /// little off): a homography reference → scan fitted to the fine patches, when it lines them up clearly better than
    /// <paramref name="registration"/>'s affine map does; null when the affine map fits.
    /// </summary>
    public Homography? RefinePerspective(GrayImage scan, ReferencePage reference, Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        int factor = _o.FineFactor;
        var warped = WarpToLevel(scan, registration.ReferenceToScan, factor, reference.Fine.Width, reference.Fine.Height);
        var src = new List<PointD>();
        var dst = new List<PointD>();
        foreach (var (x, y) in reference.FinePatches)
        {
            var m = PatchMatcher.Find(reference.Fine, warped, x, y, _o.FinePatch, _o.FineRadius, _o.MinCorrelation);
            if (m is null) continue;
            src.Add(m.Value.Source);
            dst.Add(m.Value.Target);
        }
        var homography = HomographyFit.Ransac(src, dst, 1.0, 400, _o.Seed);
        if (homography is null) return null;
        var (h, mask, inliers, rms) = homography.Value;
        // The affine map's own residual on the same patches: the correction is worth a second warp only where it is clearly off.
        var affine = AffineFit.Fit(TransformModel.Affine, src.Where((_, i) => mask[i]).ToList(), dst.Where((_, i) => mask[i]).ToList());
        double affineRms = HomographyFit.Rms(Homography.From(affine), src, dst, mask);
        if (affineRms < _o.PerspectiveMinResidual || rms > 0.7 * affineRms || inliers < src.Count / 2) return null;
        // the correction acts in level pixels of the already-warped frame: level -> full reference -> scan
        return Homography.From(AffineTransform.Scale(1.0 / factor, 1.0 / factor)).Then(h)
            .Then(AffineTransform.Scale(factor, factor)).Then(registration.ReferenceToScan);
    }

    /// <summary>The reference stretched corner to corner onto the page, upright and upside down.</summary>
    private static IEnumerable<AffineTransform> StretchedGuesses(GrayImage scan, ReferencePage reference)
    {
        var stretch = AffineTransform.Scale((double)scan.Width / reference.Width, (double)scan.Height / reference.Height);
        yield return stretch;
        yield return new AffineTransform(-1, 0, reference.Width, 0, -1, reference.Height).Then(stretch);
    }

    /// <summary>Reference → scan: turned clockwise by <paramref name="degrees"/> (a multiple of 90), scaled to fit, centred.</summary>
    private static AffineTransform Fit(GrayImage scan, ReferencePage reference, int degrees)
    {
        bool quarter = degrees is 90 or 270;
        double w = quarter ? reference.Height : reference.Width, h = quarter ? reference.Width : reference.Height;
        var turn = degrees switch
        {
            0 => AffineTransform.Identity,
            90 => new AffineTransform(0, -1, reference.Height, 1, 0, 0),
            180 => new AffineTransform(-1, 0, reference.Width, 0, -1, reference.Height),
            270 => new AffineTransform(0, 1, 0, -1, 0, reference.Width),
            _ => throw new ArgumentOutOfRangeException(nameof(degrees)),
        };
        double s = Math.Min(scan.Width / w, scan.Height / h);
        return turn.Then(AffineTransform.Scale(s, s)).Then(AffineTransform.Translate((scan.Width - s * w) / 2, (scan.Height - s * h) / 2));
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
        double turn = Math.Abs(fine.RotationDegrees - coarse.RotationDegrees) % 360;
        return ratio is > 0.95 and < 1.05 && Math.Min(turn, 360 - turn) < 1.0;
    }
}
