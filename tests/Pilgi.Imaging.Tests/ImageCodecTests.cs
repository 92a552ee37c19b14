using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Imaging.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests;

public class ImageCodecTests
{
    [Fact]
    public void Gray_image_round_trips_through_imagesharp()
    {
        var gray = Gradient(40, 30);

        using var image = ImageCodec.ToImage(gray);
        var back = ImageCodec.FromImage(image);

        Assert.Equal((40, 30), (image.Width, image.Height));
        Assert.Equal(gray.Pixels, back.Pixels);
    }

    [Fact]
    public void Gray_png_round_trips_exactly()
    {
        var gray = Gradient(40, 30);

        var png = ImageCodec.EncodePng(gray);

        Assert.Equal(ScanFormat.Png, FormatSniffer.Sniff(png));
        Assert.Equal(gray.Pixels, ImageCodec.LoadGray(png).Pixels);
    }

    [Fact]
    public void Rgb_png_keeps_colour()
    {
        using var form = SampleImages.Form();

        var png = ImageCodec.EncodePng(form);

        using var back = Image.Load<Rgb24>(png);
        Assert.Equal(SampleImages.SealRed, back[SampleImages.SealRedX + 5, SampleImages.InkY + 5]);
    }

    [Fact]
    public void Load_gray_keeps_seal_ink_because_internal_images_are_not_filtered()
    {
        using var form = SampleImages.Form();

        var gray = ImageCodec.LoadGray(ImageCodec.EncodePng(form));

        Assert.True(gray[SampleImages.SealRedX + 5, SampleImages.InkY + 5] < 128);
    }

    [Fact]
    public void Load_gray_refuses_formats_outside_the_guarded_configuration()
    {
        using var form = SampleImages.Form();
        var bmp = SampleImages.Encode(form, new BmpEncoder());

        var refusal = Assert.Throws<PilgiException>(() => ImageCodec.LoadGray(bmp, "template.bmp"));
        Assert.Equal(ReasonCodes.ImageUnsupportedFormat, refusal.Reason);
        Assert.Contains("template.bmp", refusal.Message);
    }

    [Fact]
    public void Load_gray_reports_garbage_as_corrupt()
    {
        byte[] notReallyPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        Assert.Equal(ReasonCodes.ImageCorrupt, Assert.Throws<PilgiException>(() => ImageCodec.LoadGray(notReallyPng)).Reason);
    }

    [Fact]
    public void Resize_gives_the_requested_size_and_keeps_flat_areas_flat()
    {
        var gray = new GrayImage(200, 100, 180);

        var half = ImageCodec.Resize(gray, 100, 50);
        var larger = ImageCodec.Resize(gray, 300, 150);

        Assert.Equal((100, 50), (half.Width, half.Height));
        Assert.Equal((300, 150), (larger.Width, larger.Height));
        Assert.All(half.Pixels, p => Assert.Equal(180, p));
        Assert.All(larger.Pixels, p => Assert.Equal(180, p));
    }

    [Fact]
    public void Resize_averages_when_shrinking()
    {
        var stripes = new GrayImage(100, 10);
        for (int y = 0; y < 10; y++)
            for (int x = 0; x < 100; x += 2) stripes[x, y] = 0;

        var shrunk = ImageCodec.Resize(stripes, 10, 1);

        Assert.All(shrunk.Pixels, p => Assert.InRange(p, 110, 145));
    }

    [Fact]
    public void Crop_takes_the_covered_pixels_clamped_to_the_image()
    {
        var gray = Gradient(40, 30);

        var crop = ImageCodec.Crop(gray, new Box(35.5, 10.2, 10, 2));

        Assert.Equal((5, 3), (crop.Width, crop.Height));
        Assert.Equal(gray[35, 10], crop[0, 0]);
    }

    [Fact]
    public void To_rgb_image_copies_grey_into_all_channels()
    {
        var gray = Gradient(20, 10);

        using var rgb = ImageCodec.ToRgbImage(gray);

        Assert.Equal(new Rgb24(gray[7, 3], gray[7, 3], gray[7, 3]), rgb[7, 3]);
    }

    private static GrayImage Gradient(int width, int height)
    {
        var gray = new GrayImage(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) gray[x, y] = (byte)((x * 7 + y * 3) % 256);
        return gray;
    }
}
