using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;

namespace Pilgi.Core.Tests.Registration;

public class PageRegistrarTests
{
    private const int W = 1240, H = 1754;

    /// <summary>A ruled page with text-like blocks: structure in both directions, as on a printed form.</summary>
    private static GrayImage Form()
    {
        var img = new GrayImage(W, H);
        var rng = new Random(11);
        void Fill(int x, int y, int w, int h)
        {
            for (int yy = y; yy < Math.Min(H, y + h); yy++)
                for (int xx = x; xx < Math.Min(W, x + w); xx++) img[xx, yy] = 0;
        }
        for (int r = 0; r < 8; r++) Fill(80, 200 + r * 150, 1080, 3);
        for (int c = 0; c < 4; c++) Fill(80 + c * 360, 200, 3, 1053);
        for (int k = 0; k < 120; k++) Fill(100 + rng.Next(1000), 220 + rng.Next(1300), 12 + rng.Next(30), 14 + rng.Next(20));
        return img;
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.0, 0.0)]
    [InlineData(2.0, 1.03, 35.0, -28.0)]
    [InlineData(-1.7, 0.667, -20.0, 15.0)] // a 300 dpi template, scanned at 200 dpi
    [InlineData(-2.0, 0.96, 40.0, 40.0)]
    public void Recovers_a_known_skew_scale_and_shift(double degrees, double scale, double tx, double ty)
    {
        var reference = Form();
        var truth = AffineTransform.Similarity(scale, degrees * Math.PI / 180, tx + 30, ty + 30);
        var scan = Resampling.WarpAffine(reference, truth.Inverse(), (int)(W * scale) + 60, (int)(H * scale) + 60);

        var registrar = new PageRegistrar();
        var result = registrar.Register(scan, registrar.Prepare(reference));

        Assert.NotNull(result);
        Assert.True(result.Score > 0.5, $"score {result.Score}");
        foreach (var corner in new[] { new PointD(0, 0), new PointD(W, 0), new PointD(0, H), new PointD(W, H) })
        {
            var expected = truth.Apply(corner);
            var actual = result.ReferenceToScan.Apply(corner);
            Assert.True(Math.Abs(expected.X - actual.X) < 2 && Math.Abs(expected.Y - actual.Y) < 2,
                $"corner {corner}: expected {expected}, got {actual}");
        }
    }

    [Theory]
    [InlineData(180, 0.0, W, H)]      // fed the wrong way round
    [InlineData(181.5, 0.98, W, H)]   // and a little skewed
    [InlineData(90, 0.0, H, W)]       // scanned landscape, turned clockwise
    [InlineData(270, 0.0, H, W)]      // … or anticlockwise
    public void Registers_a_page_that_was_scanned_turned(double degrees, double scaleOffset, int width, int height)
    {
        var reference = Form();
        double scale = 1 - scaleOffset * 0.05;
        // reference -> scan: turn about the page centre, then centre on a scan of the turned page's size
        var truth = AffineTransform.Translate(-W / 2.0, -H / 2.0)
            .Then(AffineTransform.Similarity(scale, degrees * Math.PI / 180, 0, 0))
            .Then(AffineTransform.Translate(width / 2.0 + 12, height / 2.0 - 9));
        var scan = Resampling.WarpAffine(reference, truth.Inverse(), width + 40, height + 40);

        var registrar = new PageRegistrar();
        var result = registrar.Register(scan, registrar.Prepare(reference));

        Assert.NotNull(result);
        Assert.True(result.Score >= registrar.Options.MinScore, $"score {result.Score}");
        foreach (var corner in new[] { new PointD(0, 0), new PointD(W, 0), new PointD(0, H), new PointD(W, H) })
        {
            var expected = truth.Apply(corner);
            var actual = result.ReferenceToScan.Apply(corner);
            Assert.True(Math.Abs(expected.X - actual.X) < 3 && Math.Abs(expected.Y - actual.Y) < 3,
                $"corner {corner}: expected {expected}, got {actual}");
        }
    }

    [Fact]
    public void A_blank_page_does_not_register()
    {
        var registrar = new PageRegistrar();
        var result = registrar.Register(new GrayImage(W, H), registrar.Prepare(Form()));
        Assert.True(result is null || result.Score < registrar.Options.MinScore);
    }
}
