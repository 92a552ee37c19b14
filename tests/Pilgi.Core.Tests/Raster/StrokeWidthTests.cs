using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class StrokeWidthTests
{
    /// <summary>Vertical bars <paramref name="width"/> wide and 40 high, every 20 px, on a 200 x 60 crop.</summary>
    private static GrayImage Bars(int width)
    {
        var crop = new GrayImage(200, 60, 240);
        for (int y = 10; y < 50; y++)
            for (int x = 0; x < 200; x++)
                if (x % 20 >= 5 && x % 20 < 5 + width) crop[x, y] = 30;
        return crop;
    }

    private static int InkInRow(GrayImage image, int y) => image.Row(y).ToArray().Count(p => p < 128);

    [Fact]
    public void The_ratio_is_about_the_stroke_width_over_the_writing_s_height()
    {
        Assert.InRange(StrokeWidth.Ratio(Bars(3)), 0.06, 0.08); // 3 / 40
        Assert.InRange(StrokeWidth.Ratio(Bars(8)), 0.16, 0.20); // 8 / 40
    }

    [Fact]
    public void A_crop_without_ink_has_no_stroke_width()
    {
        Assert.Equal(0, StrokeWidth.Ratio(new GrayImage(100, 40, 235)));
    }

    [Fact]
    public void Thinning_takes_the_given_pixels_off_every_stroke()
    {
        var thick = Bars(7);

        var thinned = StrokeWidth.Thinned(thick, 4);

        Assert.Equal(10 * 7, InkInRow(thick, 30));
        Assert.Equal(10 * 3, InkInRow(thinned, 30));
        Assert.Equal(240, thinned[0, 0]);
        Assert.Same(thick, StrokeWidth.Thinned(thick, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StrokeWidth.Thinned(thick, -1));
    }

    [Fact]
    public void Only_writing_thicker_than_the_target_is_thinned_and_then_back_to_about_the_target()
    {
        Assert.Equal(0, StrokeWidth.ThinningFor(Bars(3), 0.10));
        int grow = StrokeWidth.ThinningFor(Bars(8), 0.10);

        Assert.InRange(grow, 2, 4);
        Assert.InRange(StrokeWidth.Ratio(StrokeWidth.Thinned(Bars(8), grow)), 0.08, 0.13); // the bars lose height too
    }

    [Fact]
    public void Thinning_takes_each_pixel_the_lightest_of_its_square_as_a_plain_scan_of_it_would()
    {
        var random = new Random(7);
        var crop = new GrayImage(37, 23);
        random.NextBytes(crop.Pixels);
        for (int pixels = 1; pixels <= 6; pixels++)
        {
            int size = pixels + 1, before = size / 2;
            var thinned = StrokeWidth.Thinned(crop, pixels);
            for (int y = 0; y < crop.Height; y++)
                for (int x = 0; x < crop.Width; x++)
                {
                    byte lightest = 0;
                    for (int v = Math.Max(0, y - before); v <= Math.Min(crop.Height - 1, y - before + size - 1); v++)
                        for (int u = Math.Max(0, x - before); u <= Math.Min(crop.Width - 1, x - before + size - 1); u++)
                            lightest = Math.Max(lightest, crop[u, v]);
                    Assert.Equal(lightest, thinned[x, y]);
                }
        }
    }
}
