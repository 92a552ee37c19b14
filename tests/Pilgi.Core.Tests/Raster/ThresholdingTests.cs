using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class ThresholdingTests
{
    [Fact]
    public void Otsu_splits_a_bimodal_page_between_ink_and_paper()
    {
        var random = new Random(5);
        var pixels = new byte[100 * 100];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = i % 7 == 0 ? (byte)random.Next(20, 60) : (byte)random.Next(200, 250);
        var image = new GrayImage(100, 100, pixels);

        byte t = Thresholding.Otsu(image);

        Assert.InRange(t, 59, 199);
        var mask = Thresholding.Threshold(image, t);
        Assert.Equal(pixels.Count(p => p < 100), mask.CountSet());
    }

    [Fact]
    public void Threshold_marks_dark_pixels_inclusive()
    {
        var image = new GrayImage(3, 1, [10, 128, 200]);
        var mask = Thresholding.Threshold(image, 128);
        Assert.Equal([1, 1, 0], mask.Bits);
    }

    [Fact]
    public void A_quantile_is_the_level_at_or_below_which_that_share_of_the_counted_pixels_lie()
    {
        var histogram = new long[256];
        histogram[10] = 2; histogram[50] = 8; histogram[200] = 30; histogram[250] = 60;

        Assert.Equal(10, Thresholding.Quantile(histogram, 0.01));
        Assert.Equal(200, Thresholding.Quantile(histogram, 0.40)); // the 40th of 100
        Assert.Equal(250, Thresholding.Quantile(histogram, 0.41));
        Assert.Equal(50, Thresholding.Quantile(histogram, 0.5, count: 10)); // the dark ten alone
        Assert.Equal(250, Thresholding.Quantile(histogram, 0.5, from: 100));
        Assert.Equal(Thresholding.Otsu(new GrayImage(4, 4, 90)), Thresholding.Otsu(Thresholding.Histogram(new GrayImage(4, 4, 90))));
    }

    [Fact]
    public void Otsu_of_a_flat_image_marks_nothing_darker()
    {
        Assert.Equal(200, Thresholding.Otsu(new GrayImage(5, 5, 200)));
    }
}
