using Pilgi.Core.Labels;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// Labelled line crops cut from the sample scans at their labels' boxes: at half the scan's resolution with a margin of
/// 6% of the line's height, as the detector cuts the crops it hands the recogniser (there from the page with the
/// printed form whitened; here the form's rules near a value stay).
/// </summary>
internal static class LineCrops
{
    public sealed record Crop(string Scan, string Field, string Text, byte[] Png);

    /// <summary>The handwritten values of the sample scans whose labels' fields are <paramref name="fields"/>, in scan order.</summary>
    public static List<Crop> FromSamples(params string[] fields)
    {
        var crops = new List<Crop>();
        foreach (var labelPath in Directory.GetFiles(Path.Combine(RepoPaths.SampleForms, "labels"), "*.json").Order(StringComparer.Ordinal))
        {
            var label = LabelLoader.Load(labelPath);
            var boxes = label.Boxes.Where(b => b.Handwritten && b.Field is not null && fields.Contains(b.Field)).ToList();
            if (boxes.Count == 0) continue;
            using var scan = Image.Load<Rgb24>(Path.Combine(RepoPaths.SampleScans, Path.ChangeExtension(Path.GetFileName(labelPath), ".jpg")));
            scan.Mutate(x => x.Resize(scan.Width / 2, scan.Height / 2));
            foreach (var box in boxes)
            {
                var b = box.Bounds;
                double pad = Math.Max(1, b.H / 2 * 0.06);
                int x0 = (int)Math.Floor(b.X / 2 - pad), y0 = (int)Math.Floor(b.Y / 2 - pad);
                int x1 = (int)Math.Ceiling((b.X + b.W) / 2 + pad), y1 = (int)Math.Ceiling((b.Y + b.H) / 2 + pad);
                var rect = Rectangle.Intersect(new Rectangle(x0, y0, x1 - x0, y1 - y0), new Rectangle(0, 0, scan.Width, scan.Height));
                using var crop = scan.Clone(x => x.Crop(rect));
                using var png = new MemoryStream();
                crop.SaveAsPng(png);
                crops.Add(new Crop(label.Identifier, box.Field!, box.Data, png.ToArray()));
            }
        }
        return crops;
    }
}
