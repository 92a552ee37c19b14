using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;

namespace Pilgi.Inference.Tests.Detection;

public class TemplateSubtractionDetectorTests
{
    [Theory]
    [InlineData(0.0, 1.0, 0, 0)]
    [InlineData(1.5, 0.97, 25, -30)]
    [InlineData(-2.0, 0.70, -12, 18)] // a 300 dpi template scanned at ~200 dpi
    public void Finds_each_filled_field_tight_around_its_ink_on_a_skewed_scan(double degrees, double scale, double tx, double ty)
    {
        var template = SyntheticForm.Template();
        var reference = SyntheticForm.Reference();
        var filled = reference.Clone();
        var truth = new Dictionary<string, Box>
        {
            ["name"] = SyntheticForm.Scribble(filled, template.Fields[0].Box, 1),
            ["amount"] = SyntheticForm.Scribble(filled, template.Fields[1].Box, 2),
        };
        // the scan: the filled page mapped by a known similarity
        var refToScan = AffineTransform.Similarity(scale, degrees * Math.PI / 180, tx + 20, ty + 20);
        int w = (int)(SyntheticForm.Width * scale) + 40, h = (int)(SyntheticForm.Height * scale) + 40;
        var scan = Resampling.WarpAffine(filled, refToScan.Inverse(), w, h);

        var registrar = new PageRegistrar();
        var options = new DetectionOptions();
        var form = new FormReference(template, reference, registrar, options);
        var registration = registrar.Register(scan, form.Reference);
        Assert.NotNull(registration);
        foreach (var corner in new[] { new PointD(0, 0), new PointD(1240, 1754), new PointD(1240, 0) })
        {
            var expected = refToScan.Apply(corner);
            var actual = registration.ReferenceToScan.Apply(corner);
            Assert.True(Math.Abs(expected.X - actual.X) < 2.5 && Math.Abs(expected.Y - actual.Y) < 2.5,
                $"corner {corner}: expected {expected}, got {actual}");
        }

        var result = new TemplateSubtractionDetector(options).Detect(scan, 1, form, registration);
        Assert.Equal(2, result.Regions.Count); // the memo field is blank
        foreach (var region in result.Regions)
        {
            var expected = refToScan.Apply(truth[region.FieldKey!]);
            Assert.True(region.ScanBox.Iou(expected) > 0.85, $"{region.FieldKey}: {region.ScanBox} vs {expected}");
        }
        var crop = TemplateSubtractionDetector.Crop(result, result.Regions[0]);
        Assert.True(crop.Width > crop.Height);
    }

    [Fact]
    public void A_different_page_does_not_register()
    {
        var form = new FormReference(SyntheticForm.Template(), SyntheticForm.Reference(), new PageRegistrar(), new DetectionOptions());
        var other = new GrayImage(SyntheticForm.Width, SyntheticForm.Height);
        var rng = new Random(3);
        for (int k = 0; k < 200; k++) SyntheticForm.FillRect(other, rng.Next(1200), rng.Next(1700), 5 + rng.Next(80), 5 + rng.Next(40), 0);
        var registration = new PageRegistrar().Register(other, form.Reference);
        Assert.True(registration is null || registration.Score < new RegistrationOptions().MinScore, $"score {registration?.Score}");
    }
}
