using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;

namespace Pilgi.Inference.Detection;

/// <summary>
/// Finds handwriting by subtracting the registered blank form: ink on the scan that the printed reference does
/// not explain, inside (or spilling slightly out of) a field's box, is the customer's writing. Each field's
/// components are gathered into one region, tight around its ink.
/// </summary>
public sealed class TemplateSubtractionDetector(DetectionOptions? options = null) : IHandwritingDetector
{
    private readonly DetectionOptions _o = options ?? new DetectionOptions();

    public DetectionOptions Options => _o;

    /// <summary>
    /// The page seen in the template's frame at the working scale, with the printed form whitened: detection and
    /// the recogniser's crops both come from it.
    /// </summary>
    public sealed record DetectionResult(IReadOnlyList<HandwritingRegion> Regions, GrayImage CleanPage, int Factor);

    public DetectionResult Detect(GrayImage scan, int page, FormReference form, Registration registration)
    {
        int f = _o.Factor;
        int w = form.PrintInk.Width, h = form.PrintInk.Height;
        var working = PageRegistrar.WarpToLevel(scan, registration.ReferenceToScan, f, w, h);
        byte paper = PaperLevel(working);
        byte threshold = (byte)Math.Clamp(paper - _o.InkContrast, 90, 200);

        var ink = Thresholding.Threshold(working, threshold);
        var residual = ink.Bits;
        var grown = form.PrintInkGrown.Bits;
        for (int i = 0; i < residual.Length; i++)
            if (grown[i] != 0) residual[i] = 0;

        var clean = working.Clone();
        var printed = form.PrintInk.Bits;
        var cp = clean.Pixels;
        for (int i = 0; i < cp.Length; i++)
            if (printed[i] != 0) cp[i] = paper;

        var fields = form.Template.Fields;
        var boxes = fields.Select(fd => new Box(fd.Box.X / f, fd.Box.Y / f, fd.Box.W / f, fd.Box.H / f)).ToArray();
        RuleResidueEraser.Erase(ink, (int)(boxes.Min(b => b.H) * 0.5), 3);
        var components = ConnectedComponents.Find(ink, 8, _o.MinComponentPixels);
        var members = boxes.Select(_ => new List<ConnectedComponent>()).ToArray();
        foreach (var c in components)
        {
            int owner = NearestField(c, boxes);
            if (owner >= 0 && !IsRuleResidue(c, boxes[owner])) members[owner].Add(c);
        }
        var regions = new List<HandwritingRegion>();
        for (int k = 0; k < fields.Count; k++)
        {
            var kept = MainLine(members[k], boxes[k]);
            int mass = kept.Sum(c => c.PixelCount);
            if (mass < _o.MinFieldInk) continue;
            var union = kept[0].Bounds.ToBox();
            foreach (var c in kept.Skip(1)) union = union.Union(c.Bounds.ToBox());
            var templateBox = new Box(union.X * f, union.Y * f, union.W * f, union.H * f);
            var scanBox = registration.ReferenceToScan.Apply(templateBox).Clamp(scan.Width, scan.Height);
            regions.Add(new HandwritingRegion(scanBox, templateBox, page, fields[k].Key, mass));
        }
        return new DetectionResult(regions, clean, f);
    }

    /// <summary>The regions of <see cref="Detect"/> with the crop of each.</summary>
    public DetectedHandwriting DetectHandwriting(GrayImage scan, int page, FormReference form, Registration registration)
    {
        var detection = Detect(scan, page, form, registration);
        return new DetectedHandwriting(detection.Regions, detection.Regions.Select(r => Crop(detection, r)).ToList());
    }

    public Task<DetectedHandwriting> DetectAsync(GrayImage page, int pageNumber, FormReference form, Registration registration,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(DetectHandwriting(page, pageNumber, form, registration));
    }

    /// <summary>The crop the recogniser reads for a region: from the clean page, with a small margin.</summary>
    public static GrayImage Crop(DetectionResult detection, HandwritingRegion region)
    {
        int f = detection.Factor;
        var b = new Box(region.TemplateBox.X / f, region.TemplateBox.Y / f, region.TemplateBox.W / f, region.TemplateBox.H / f);
        double pad = Math.Max(1, b.H * 0.06);
        return detection.CleanPage.Crop(b.Inflate(pad, pad));
    }

    /// <summary>
    /// The field a component belongs to: the one whose box holds its centre, else the nearest whose margin
    /// (sideways <see cref="DetectionOptions.FieldMarginX"/>, above/below <see cref="DetectionOptions.FieldMarginY"/>
    /// field heights) reaches it; -1 when none does. Each component goes to one field only, so a neighbour's
    /// value is never swallowed.
    /// </summary>
    private int NearestField(ConnectedComponent c, Box[] fields)
    {
        double cx = c.Bounds.X + c.Bounds.W / 2.0, cy = c.Bounds.Y + c.Bounds.H / 2.0;
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int k = 0; k < fields.Length; k++)
        {
            var b = fields[k];
            double dx = Math.Max(0, Math.Max(b.X - cx, cx - b.Right)) / Math.Max(1e-6, _o.FieldMarginX * b.H);
            double dy = Math.Max(0, Math.Max(b.Y - cy, cy - b.Bottom)) / Math.Max(1e-6, _o.FieldMarginY * b.H);
            double d = Math.Max(dx, dy); // in units of the margin: <= 1 is within reach
            if (d <= 1 && d < bestDistance) { bestDistance = d; best = k; }
        }
        return best;
    }

    /// <summary>
    /// Left-overs of printed rules that registration did not cover exactly: long and about one or two pixels
    /// thick everywhere (pixels per unit of length), unlike any handwritten stroke.
    /// </summary>
    private static bool IsRuleResidue(ConnectedComponent c, Box field)
    {
        var r = c.Bounds;
        double length = Math.Max(r.W, r.H);
        double thickness = c.PixelCount / Math.Max(1.0, length);
        return length >= field.H * 0.8 && thickness <= 2.0;
    }

    /// <summary>
    /// A value is written on one line: drop components whose centre lies far above or below the ink-weighted centre
    /// (seal rims, a neighbour's descenders); then grow the line sideways from its heaviest component, taking every
    /// component within a gap of what it holds, so that isolated specks stay out but every word of a long value
    /// comes in. A far component still joins when it is a stroke rather than a speck (digits in per-digit boxes).
    /// </summary>
    private static List<ConnectedComponent> MainLine(List<ConnectedComponent> comps, Box field)
    {
        if (comps.Count <= 1) return comps;
        double total = comps.Sum(c => (double)c.PixelCount);
        double cy = comps.Sum(c => (c.Bounds.Y + c.Bounds.H / 2.0) * c.PixelCount) / total;
        double reach = field.H * 0.55;
        var pool = comps.Where(c => Math.Abs(c.Bounds.Y + c.Bounds.H / 2.0 - cy) <= reach).ToList();
        if (pool.Count == 0) return comps;
        double lineH = Median(pool.Where(c => c.PixelCount >= total * 0.01).Select(c => (double)c.Bounds.H));
        double gap = Math.Max(lineH, field.H * 0.3) * 1.5;
        // a stroke, not a speck or a seal's left-over (digits in per-digit boxes stand far apart yet belong)
        var strokes = pool.Where(c => c.PixelCount >= total * 0.01).Select(c => (double)c.PixelCount);
        double substantial = Math.Max(0.05 * lineH * lineH, 0.25 * Median(strokes));

        var line = new List<ConnectedComponent>();
        var seed = pool.MaxBy(c => c.PixelCount);
        line.Add(seed);
        pool.Remove(seed);
        double left = seed.Bounds.X, right = seed.Bounds.Right;
        bool grew = true;
        while (grew)
        {
            grew = false;
            for (int i = pool.Count - 1; i >= 0; i--)
            {
                var c = pool[i];
                bool near = c.Bounds.Right >= left - gap && c.Bounds.X <= right + gap;
                if (!near && c.PixelCount < substantial) continue;
                line.Add(c);
                pool.RemoveAt(i);
                if (c.PixelCount < substantial) continue; // specks may join but never extend the line (no chains)
                left = Math.Min(left, c.Bounds.X);
                right = Math.Max(right, c.Bounds.Right);
                grew = true;
            }
        }
        return line;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length == 0 ? 0 : v[v.Length / 2];
    }

    /// <summary>The paper's grey level: most of a form page is paper, so a high percentile of the histogram.</summary>
    private static byte PaperLevel(GrayImage image)
    {
        var hist = Thresholding.Histogram(image);
        long target = (long)(image.Pixels.Length * 0.2);
        long seen = 0;
        for (int v = 255; v >= 0; v--)
        {
            seen += hist[v];
            if (seen >= target) return (byte)v;
        }
        return 255;
    }
}
