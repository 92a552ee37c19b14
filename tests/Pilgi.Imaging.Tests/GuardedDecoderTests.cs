using Pilgi.Core.Raster;
using Pilgi.Imaging.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests;

/// <summary>Uploads the decoder must accept; refusals are in <see cref="GuardedDecoderRefusalTests"/>.</summary>
public class GuardedDecoderTests
{
    private readonly GuardedDecoder decoder = new();

    [Fact]
    public async Task Colour_jpeg_becomes_one_grey_page()
    {
        using var form = SampleImages.Form();
        var scan = await decoder.DecodeAsync(SampleImages.Jpeg(form), "form.jpg");

        Assert.Equal(ScanFormat.Jpeg, scan.Format);
        Assert.Equal("JPEG", scan.FormatName);
        var page = Assert.Single(scan.Pages);
        Assert.Equal((200, 150), (page.Width, page.Height));
        Assert.True(page[5, 5] > 245, "paper stays white");
        Assert.True(InkLevel(page, SampleImages.BlackInkX) < 30, "black ink stays black");
    }

    [Theory]
    [InlineData(1, 200, 150, 20, 20)]    // as stored
    [InlineData(6, 150, 200, 129, 20)]   // shot sideways: turn a quarter clockwise to view
    [InlineData(8, 150, 200, 20, 179)]   // a quarter anticlockwise
    [InlineData(3, 200, 150, 179, 129)]  // upside down
    public async Task Jpeg_is_read_as_its_exif_orientation_displays_it(ushort orientation, int width, int height, int inkX, int inkY)
    {
        using var photo = SampleImages.Solid(200, 150, SampleImages.Paper);
        for (int y = 10; y < 30; y++)
            for (int x = 10; x < 30; x++)
                photo[x, y] = SampleImages.BlackInk;  // a mark near the stored top left
        photo.Metadata.ExifProfile = new ExifProfile();
        photo.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);

        var page = Assert.Single((await decoder.DecodeAsync(SampleImages.Jpeg(photo), "phone.jpg")).Pages);

        Assert.Equal((width, height), (page.Width, page.Height));
        Assert.True(page[inkX, inkY] < 60, $"the mark is where a viewer shows it ({inkX}, {inkY})");
        Assert.True(page[width - 1 - inkX, height - 1 - inkY] > 200, "and not where it was stored");
    }

    [Fact]
    public async Task Greyscale_jpeg_is_accepted()
    {
        using var form = SampleImages.Form();
        var scan = await decoder.DecodeAsync(SampleImages.Jpeg(form, JpegColorType.Luminance), "grey.jpg");

        var page = Assert.Single(scan.Pages);
        Assert.True(InkLevel(page, SampleImages.BlackInkX) < 30);
        Assert.True(page[5, 5] > 245);
    }

    [Fact]
    public async Task Cmyk_jpeg_is_accepted_with_the_right_tones()
    {
        var scan = await decoder.DecodeAsync(CmykJpegSample.Bytes, "cmyk.jpg");

        var page = Assert.Single(scan.Pages);
        Assert.Equal((120, 110), (page.Width, page.Height));
        Assert.True(page[40, 80] > 240, "white half");
        Assert.True(page[100, 80] < 20, "black half");
        Assert.True(page[10, 10] < 100, "blue square is dark");
    }

    [Theory]
    [InlineData(PngColorType.Rgb, PngBitDepth.Bit8)]
    [InlineData(PngColorType.RgbWithAlpha, PngBitDepth.Bit8)]
    [InlineData(PngColorType.Grayscale, PngBitDepth.Bit8)]
    [InlineData(PngColorType.Grayscale, PngBitDepth.Bit16)]
    [InlineData(PngColorType.Rgb, PngBitDepth.Bit16)]
    [InlineData(PngColorType.Palette, PngBitDepth.Bit8)]
    [InlineData(PngColorType.Grayscale, PngBitDepth.Bit1)]
    public async Task Png_variants_are_accepted(PngColorType colorType, PngBitDepth bitDepth)
    {
        using var form = SampleImages.Form();
        var scan = await decoder.DecodeAsync(SampleImages.Png(form, colorType, bitDepth), "form.png");

        Assert.Equal(ScanFormat.Png, scan.Format);
        var page = Assert.Single(scan.Pages);
        Assert.Equal((200, 150), (page.Width, page.Height));
        Assert.Equal(255, page[5, 5]);
        Assert.True(InkLevel(page, SampleImages.BlackInkX) < 30);
    }

    [Theory]
    [InlineData(TiffBitsPerPixel.Bit24, TiffCompression.None)]
    [InlineData(TiffBitsPerPixel.Bit24, TiffCompression.Lzw)]
    [InlineData(TiffBitsPerPixel.Bit24, TiffCompression.Deflate)]
    [InlineData(TiffBitsPerPixel.Bit8, TiffCompression.None)]
    [InlineData(TiffBitsPerPixel.Bit8, TiffCompression.Lzw)]
    [InlineData(TiffBitsPerPixel.Bit8, TiffCompression.Deflate)]
    [InlineData(TiffBitsPerPixel.Bit1, TiffCompression.None)]
    [InlineData(TiffBitsPerPixel.Bit1, TiffCompression.CcittGroup4Fax)]
    public async Task Tiff_variants_are_accepted(TiffBitsPerPixel bitsPerPixel, TiffCompression compression)
    {
        using var form = SampleImages.Form();
        var scan = await decoder.DecodeAsync(SampleImages.Tiff(form, bitsPerPixel, compression), "form.tif");

        Assert.Equal(ScanFormat.Tiff, scan.Format);
        var page = Assert.Single(scan.Pages);
        Assert.Equal((200, 150), (page.Width, page.Height));
        Assert.Equal(255, page[5, 5]);
        Assert.True(InkLevel(page, SampleImages.BlackInkX) < 30);
    }

    [Fact]
    public async Task Multi_page_tiff_gives_one_grey_image_per_page_in_order()
    {
        var tiff = SampleImages.MultiPageTiff(120, 100, 30, 130, 230);

        var scan = await decoder.DecodeAsync(tiff, "three-pages.tif");

        Assert.Equal(3, scan.Pages.Count);
        Assert.Equal([30, 130, 230], scan.Pages.Select(p => (int)p[60, 50]));
        Assert.All(scan.Pages, p => Assert.Equal((120, 100), (p.Width, p.Height)));
    }

    [Fact]
    public async Task Hand_made_tiff_with_directories_first_decodes()
    {
        var tiff = HandMadeFiles.GreyTiff(110, 105, [40, 200]);

        var scan = await decoder.DecodeAsync(tiff, "hand-made.tif");

        Assert.Equal([40, 200], scan.Pages.Select(p => (int)p[100, 100]));
    }

    [Fact]
    public async Task Red_seal_is_whitened_while_blue_and_black_ink_stay_dark()
    {
        using var form = SampleImages.Form();
        var scan = await decoder.DecodeAsync(SampleImages.Png(form), "sealed.png");

        var page = scan.Pages[0];
        Assert.Equal(255, InkLevel(page, SampleImages.SealRedX));
        Assert.Equal(255, InkLevel(page, SampleImages.SealOrangeX));
        Assert.True(InkLevel(page, SampleImages.BlueInkX) < 80, "blue ink stays dark");
        Assert.True(InkLevel(page, SampleImages.BlackInkX) < 20, "black ink stays black");
    }

    [Fact]
    public async Task Seal_filter_can_be_switched_off()
    {
        var keepSeals = new GuardedDecoder(sealInk: SealInkFilter.Disabled);
        using var form = SampleImages.Form();

        var scan = await keepSeals.DecodeAsync(SampleImages.Png(form), "sealed.png");

        Assert.Equal(PageConverter.Luminance(SampleImages.SealRed.R, SampleImages.SealRed.G, SampleImages.SealRed.B),
            InkLevel(scan.Pages[0], SampleImages.SealRedX));
    }

    [Fact]
    public async Task Stream_upload_decodes_like_bytes()
    {
        using var form = SampleImages.Form();
        var png = SampleImages.Png(form);

        var fromStream = await decoder.DecodeAsync(new MemoryStream(png), "form.png");
        var fromBytes = await decoder.DecodeAsync(png, "form.png");

        Assert.Equal(fromBytes.Pages[0].Pixels, fromStream.Pages[0].Pixels);
    }

    [Fact]
    public async Task Png_with_trailing_bytes_after_iend_is_accepted()
    {
        using var form = SampleImages.Form();
        byte[] png = [.. SampleImages.Png(form), .. "trailing"u8.ToArray()];

        var scan = await decoder.DecodeAsync(png, "form.png");

        Assert.Single(scan.Pages);
    }

    private static byte InkLevel(GrayImage page, int inkX) =>
        page[inkX + SampleImages.InkSize / 2, SampleImages.InkY + SampleImages.InkSize / 2];
}
