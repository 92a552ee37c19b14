using System.Diagnostics;
using System.Text;
using Pilgi.Core.Errors;
using Pilgi.Imaging.Tests.TestSupport;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests;

public class GuardedDecoderRefusalTests
{
    private readonly GuardedDecoder decoder = new();

    [Fact]
    public Task Empty_upload_is_refused() =>
        RefusalAssert.RefusedAsync(ReasonCodes.ImageEmpty, "empty.jpg", () => decoder.DecodeAsync([], "empty.jpg"));

    [Fact]
    public Task Empty_stream_is_refused() =>
        RefusalAssert.RefusedAsync(ReasonCodes.ImageEmpty, "empty.jpg",
            () => decoder.DecodeAsync(new MemoryStream(), "empty.jpg"));

    [Fact]
    public Task Three_bytes_of_jpeg_magic_are_corrupt() =>
        RefusalAssert.RefusedAsync(ReasonCodes.ImageCorrupt, "tiny.jpg",
            () => decoder.DecodeAsync([0xFF, 0xD8, 0xFF], "tiny.jpg"));

    [Fact]
    public Task Three_bytes_of_text_are_unsupported() =>
        RefusalAssert.RefusedAsync(ReasonCodes.ImageUnsupportedFormat, "tiny.jpg",
            () => decoder.DecodeAsync("abc"u8.ToArray(), "tiny.jpg"));

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.995)]
    public async Task Truncated_jpeg_is_corrupt(double keptFraction)
    {
        using var noise = SampleImages.Noise(300, 200);
        var jpeg = SampleImages.Jpeg(noise);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageCorrupt, "cut.jpg",
            () => decoder.DecodeAsync(jpeg[..(int)(jpeg.Length * keptFraction)], "cut.jpg"));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(0.995)]
    public async Task Truncated_png_is_corrupt(double keptFraction)
    {
        using var noise = SampleImages.Noise(300, 200);
        var png = SampleImages.Png(noise);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageCorrupt, "cut.png",
            () => decoder.DecodeAsync(png[..(int)(png.Length * keptFraction)], "cut.png"));
    }

    [Fact]
    public async Task Truncated_tiff_strip_is_corrupt()
    {
        var tiff = HandMadeFiles.GreyTiff(200, 150, pageCount: 1);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageCorrupt, "cut.tif",
            () => decoder.DecodeAsync(tiff[..^500], "cut.tif"));
    }

    [Fact]
    public async Task Tiff_whose_directories_loop_is_corrupt()
    {
        var tiff = HandMadeFiles.GreyTiff(120, 120, [10, 20, 30], loopBack: true);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageCorrupt, "loop.tif", () => decoder.DecodeAsync(tiff, "loop.tif"));
    }

    [Fact]
    public async Task Html_renamed_png_is_unsupported()
    {
        var html = Encoding.UTF8.GetBytes("\n  <!DOCTYPE html><html><body>Not an image</body></html>");

        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageUnsupportedFormat, "scan.png",
            () => decoder.DecodeAsync(html, "scan.png"));
        Assert.Contains("HTML", refusal.Message);
    }

    [Fact]
    public async Task A_zip_renamed_jpg_is_unsupported()
    {
        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageUnsupportedFormat, "scan.jpg",
            () => decoder.DecodeAsync(Encoding.Latin1.GetBytes("PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000"), "scan.jpg"));
        Assert.Contains("ZIP", refusal.Message);
    }

    [Fact]
    public async Task A_pdf_renamed_jpg_is_read_as_a_pdf_by_its_content()
    {
        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageCorrupt, "scan.jpg",
            () => decoder.DecodeAsync(Encoding.Latin1.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"), "scan.jpg"));
        Assert.Contains("PDF", refusal.Message);
    }

    [Fact]
    public async Task Bmp_is_unsupported()
    {
        using var form = SampleImages.Form();
        var bmp = SampleImages.Encode(form, new BmpEncoder());

        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageUnsupportedFormat, "scan.jpg",
            () => decoder.DecodeAsync(bmp, "scan.jpg"));
        Assert.Contains("BMP", refusal.Message);
    }

    [Fact]
    public async Task Gif_is_unsupported()
    {
        using var form = SampleImages.Form();
        var gif = SampleImages.Encode(form, new GifEncoder());

        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageUnsupportedFormat, "scan.jpg",
            () => decoder.DecodeAsync(gif, "scan.jpg"));
        Assert.Contains("GIF", refusal.Message);
    }

    [Fact]
    public async Task Png_declaring_100000_by_100000_is_refused_from_its_header_quickly()
    {
        var png = HandMadeFiles.PngDeclaring(100_000, 100_000);

        var clock = Stopwatch.StartNew();
        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooManyPixels, "huge.png", () => decoder.DecodeAsync(png, "huge.png"));

        // Decoding would need 30 GB; anything near a second means it was attempted.
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Tiff_with_ten_thousand_pages_is_refused_without_decoding_them()
    {
        var tiff = HandMadeFiles.GreyTiff(100, 100, pageCount: 10_000);

        var clock = Stopwatch.StartNew();
        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooManyPages, "pages.tif",
            () => decoder.DecodeAsync(tiff, "pages.tif"));

        Assert.Contains("more than 20", refusal.Message);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Tiff_with_more_pages_than_the_limit_is_refused()
    {
        var strict = new GuardedDecoder(new ImageLimits { MaxPages = 3 });
        var tiff = SampleImages.MultiPageTiff(100, 100, 10, 20, 30, 40, 50);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooManyPages, "five.tif", () => strict.DecodeAsync(tiff, "five.tif"));
    }

    [Fact]
    public async Task Tiff_at_the_page_limit_is_accepted()
    {
        var strict = new GuardedDecoder(new ImageLimits { MaxPages = 3 });
        var tiff = HandMadeFiles.GreyTiff(100, 100, pageCount: 3);

        var scan = await strict.DecodeAsync(tiff, "three.tif");

        Assert.Equal(3, scan.Pages.Count);
    }

    [Fact]
    public async Task One_pixel_image_is_too_small()
    {
        using var dot = SampleImages.Solid(1, 1, new Rgb24(0, 0, 0));

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooSmall, "dot.png",
            () => decoder.DecodeAsync(SampleImages.Png(dot), "dot.png"));
    }

    [Fact]
    public async Task Image_wider_than_the_limit_has_too_many_pixels()
    {
        var narrow = new GuardedDecoder(new ImageLimits { MaxWidth = 150 });
        using var form = SampleImages.Form(200, 150);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooManyPixels, "wide.png",
            () => narrow.DecodeAsync(SampleImages.Png(form), "wide.png"));
    }

    [Fact]
    public async Task Pages_over_the_total_pixel_limit_are_refused()
    {
        var limits = new ImageLimits { MaxTotalPixels = 25_000 };
        var tiff = HandMadeFiles.GreyTiff(100, 100, pageCount: 3);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooManyPixels, "three.tif",
            () => new GuardedDecoder(limits).DecodeAsync(tiff, "three.tif"));
    }

    [Fact]
    public async Task Bytes_over_the_limit_are_refused()
    {
        var small = new GuardedDecoder(new ImageLimits { MaxBytes = 1000 });
        using var noise = SampleImages.Noise(100, 100);
        var png = SampleImages.Png(noise);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooLarge, "big.png", () => small.DecodeAsync(png, "big.png"));
        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooLarge, "big.png",
            () => small.DecodeAsync(new MemoryStream(png), "big.png"));
        await RefusalAssert.RefusedAsync(ReasonCodes.ImageTooLarge, "big.png",
            () => small.DecodeAsync(new UnseekableStream(png), "big.png"));
    }

    [Fact]
    public async Task Decode_that_overruns_the_timeout_is_abandoned()
    {
        var impatient = new GuardedDecoder(new ImageLimits { DecodeTimeout = TimeSpan.FromMilliseconds(1) });
        var tiff = HandMadeFiles.GreyTiff(3000, 3000, pageCount: 1);

        await RefusalAssert.RefusedAsync(ReasonCodes.ImageDecodeTimeout, "slow.tif", () => impatient.DecodeAsync(tiff, "slow.tif"));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_refusal()
    {
        using var form = SampleImages.Form();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => decoder.DecodeAsync(SampleImages.Png(form), "form.png", cancelled.Token));
    }

    /// <summary>A network-like stream whose length is unknown up front.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
