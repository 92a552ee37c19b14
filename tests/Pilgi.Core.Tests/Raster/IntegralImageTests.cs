using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class IntegralImageTests
{
    [Fact]
    public void Box_sums_match_brute_force_and_clamp()
    {
        var random = new Random(3);
        var pixels = new byte[31 * 17];
        random.NextBytes(pixels);
        var image = new GrayImage(31, 17, pixels);
        var integral = IntegralImage.FromImage(image);

        for (int trial = 0; trial < 200; trial++)
        {
            int x = random.Next(-5, 31), y = random.Next(-5, 17), w = random.Next(0, 20), h = random.Next(0, 20);
            long expected = 0;
            for (int yy = Math.Max(0, y); yy < Math.Min(17, y + h); yy++)
            for (int xx = Math.Max(0, x); xx < Math.Min(31, x + w); xx++)
                expected += image[xx, yy];
            Assert.Equal(expected, integral.Sum(x, y, w, h));
        }
        Assert.Equal(pixels.Sum(p => (long)p), integral.Sum(0, 0, 31, 17));
    }

    [Fact]
    public void Mask_integral_counts_set_pixels()
    {
        var mask = new BinaryMask(10, 10);
        mask.Fill(new IntRect(2, 2, 3, 4));
        var integral = IntegralImage.FromMask(mask);
        Assert.Equal(12, integral.Sum(new IntRect(0, 0, 10, 10)));
        Assert.Equal(0.5, integral.Mean(new IntRect(2, 2, 6, 4)));
    }
}
