using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class GrayImageTests
{
    [Fact]
    public void Constructor_validates_sizes()
    {
        Assert.ThrowsAny<ArgumentException>(() => new GrayImage(0, 5));
        Assert.ThrowsAny<ArgumentException>(() => new GrayImage(3, -1));
        Assert.Throws<ArgumentException>(() => new GrayImage(3, 3, new byte[8]));
        Assert.All(new GrayImage(4, 2).Pixels, p => Assert.Equal(255, p));
    }

    [Fact]
    public void Indexer_is_row_major_and_bounds_checked()
    {
        var image = new GrayImage(4, 3);
        image[2, 1] = 7;
        Assert.Equal(7, image.Pixels[1 * 4 + 2]);
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => image[4, 0]);
    }

    [Fact]
    public void Crop_is_clamped_to_the_image()
    {
        var image = new GrayImage(10, 10, Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());
        var crop = image.Crop(new Box(8, -3, 5, 5));
        Assert.Equal(2, crop.Width);
        Assert.Equal(2, crop.Height);
        Assert.Equal([8, 9, 18, 19], crop.Pixels);
        Assert.Throws<ArgumentException>(() => image.Crop(new Box(20, 20, 5, 5)));
    }

    [Fact]
    public void Clone_is_independent()
    {
        var image = new GrayImage(2, 2, 100);
        var copy = image.Clone();
        copy[0, 0] = 0;
        Assert.Equal(100, image[0, 0]);
    }
}
