using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests;

public class PageConverterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(128)]
    [InlineData(254)]
    [InlineData(255)]
    public void Grey_stays_exactly_grey(byte level) => Assert.Equal(level, PageConverter.Luminance(level, level, level));

    [Fact]
    public void Converts_row_major_with_seal_ink_whitened()
    {
        using var image = new Image<Rgb24>(3, 2, new Rgb24(255, 255, 255));
        image[0, 0] = new Rgb24(0, 0, 0);
        image[2, 0] = new Rgb24(220, 30, 40);
        image[1, 1] = new Rgb24(20, 40, 160);

        var gray = PageConverter.ToGray(image.Frames.RootFrame, SealInkFilter.Default);

        Assert.Equal((3, 2), (gray.Width, gray.Height));
        Assert.Equal(0, gray[0, 0]);
        Assert.Equal(255, gray[2, 0]);
        Assert.Equal(PageConverter.Luminance(20, 40, 160), gray[1, 1]);
        Assert.Equal(255, gray[1, 0]);
    }

    [Fact]
    public void Faintly_red_pixels_are_whitened_only_next_to_seal_ink()
    {
        using var image = new Image<Rgb24>(12, 1, new Rgb24(255, 255, 255));
        image[0, 0] = new Rgb24(220, 30, 40);    // seal ink
        image[2, 0] = new Rgb24(160, 120, 125);  // its JPEG-smeared edge: greyish pink
        image[10, 0] = new Rgb24(160, 120, 125); // the same colour far from any seal stays

        var gray = PageConverter.ToGray(image.Frames.RootFrame, SealInkFilter.Default);

        Assert.Equal(255, gray[2, 0]);
        Assert.Equal(PageConverter.Luminance(160, 120, 125), gray[10, 0]);
    }
}
