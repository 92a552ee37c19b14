using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;

namespace Pilgi.Inference.Detection;

/// <summary>
/// Finds handwriting by subtracting the registered blank form: ink on the scan that the printed reference does
/// not explain, inside (or spilling slightly out of) a field's box, is the customer's writing. Each field's
/// components are gathered into one region, tight around its ink.
/// </summary>
public sealed class TemplateSubtractionDetector(DetectionOptions? options = null)
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
        byte threshold = (byte)Math.Clamp(paper * 0.66, 90, 185);

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

        var components = ConnectedComponents.Find(ink, 8, _o.MinComponentPixels);
        var regions = new List<HandwritingRegion>();
        foreach (var field in form.Template.Fields)
        {
            var fb = new Box(field.Box.X / f, field.Box.Y / f, field.Box.W / f, field.Box.H / f);
            var zone = fb.Inflate(_o.FieldMarginX * fb.H, _o.FieldMarginY * fb.H);
            var inside = new List<ConnectedComponent>();
            foreach (var c in components)
            {
                double cx = c.Bounds.X + c.Bounds.W / 2.0, cy = c.Bounds.Y + c.Bounds.H / 2.0;
                if (cx < zone.X || cx > zone.Right || cy < zone.Y || cy > zone.Bottom) continue;
                if (IsRuleResidue(c, fb)) continue;
                inside.Add(c);
            }
            var kept = MainLine(inside, fb);
            int mass = kept.Sum(c => c.PixelCount);
            if (mass < _o.MinFieldInk) continue;
            var union = kept[0].Bounds.ToBox();
            foreach (var c in kept.Skip(1)) union = union.Union(c.Bounds.ToBox());
            var templateBox = new Box(union.X * f, union.Y * f, union.W * f, union.H * f);
            var scanBox = registration.ReferenceToScan.Apply(templateBox).Clamp(scan.Width, scan.Height);
            regions.Add(new HandwritingRegion(scanBox, templateBox, page, field.Key, mass));
        }
        return new DetectionResult(regions, clean, f);
    }

    /// <summary>The crop the recogniser reads for a region: from the clean page, with a small margin.</summary>
    public static GrayImage Crop(DetectionResult detection, HandwritingRegion region)
    {
        int f = detection.Factor;
        var b = new Box(region.TemplateBox.X / f, region.TemplateBox.Y / f, region.TemplateBox.W / f, region.TemplateBox.H / f);
        double pad = Math.Max(1, b.H * 0.06);
        return detection.CleanPage.Crop(b.Inflate(pad, pad));
    }

    /// <summary>Thin long strokes along a field's border are left-overs of printed rules, not writing.</summary>
    private static bool IsRuleResidue(ConnectedComponent c, Box field)
    {
        var r = c.Bounds;
        bool thinHorizontal = r.H <= 3 && r.W > field.H * 0.8;
        bool thinVertical = r.W <= 3 && r.H > field.H * 0.9;
        double fill = (double)c.PixelCount / Math.Max(1, r.W * r.H);
        return (thinHorizontal || thinVertical) && fill > 0.5;
    }

    /// <summary>
    /// A value is written on one line: keep the components that share the band of the heaviest ink and drop
    /// specks far from it.
    /// </summary>
    private static List<ConnectedComponent> MainLine(List<ConnectedComponent> comps, Box field)
    {
        if (comps.Count <= 1) return comps;
        // band: ink-weighted centre and spread of the components
        double total = comps.Sum(c => (double)c.PixelCount);
        double cy = comps.Sum(c => (c.Bounds.Y + c.Bounds.H / 2.0) * c.PixelCount) / total;
        var big = comps.Where(c => c.PixelCount >= total * 0.02).ToList();
        double lineH = big.Count > 0 ? Median(big.Select(c => (double)c.Bounds.H)) : field.H * 0.5;
        double top = cy - Math.Max(lineH, field.H * 0.25) * 0.9, bottom = cy + Math.Max(lineH, field.H * 0.25) * 0.9;
        var kept = comps.Where(c => c.Bounds.Bottom >= top && c.Bounds.Y <= bottom).ToList();
        if (kept.Count == 0) return comps;
        // drop small specks that stand apart horizontally from everything heavier
        var heavy = kept.Where(c => c.PixelCount >= total * 0.03).ToList();
        if (heavy.Count == 0) return kept;
        double left = heavy.Min(c => c.Bounds.X), right = heavy.Max(c => c.Bounds.Right);
        double gap = lineH * 1.5;
        return kept.Where(c => c.PixelCount >= total * 0.03 || (c.Bounds.Right >= left - gap && c.Bounds.X <= right + gap)).ToList();
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
