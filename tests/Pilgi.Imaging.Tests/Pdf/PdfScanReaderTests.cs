using Pilgi.BadInputs;
using Pilgi.Core.Raster;
using Pilgi.Imaging.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests.Pdf;

/// <summary>Scanned PDFs the decoder reads; the refusals are in <see cref="PdfRefusalTests"/>.</summary>
public class PdfScanReaderTests
{
    private readonly GuardedDecoder decoder = new();

    [Fact]
    public async Task A_one_page_scan_reads_like_its_jpeg()
    {
        using var form = SampleImages.Form();
        var jpeg = SampleImages.Jpeg(form);
        var pdf = PdfFiles.Scanned([PdfFiles.Jpeg(jpeg)]);

        var scan = await decoder.DecodeAsync(pdf, "scan.pdf");

        Assert.Equal(ScanFormat.Pdf, scan.Format);
        Assert.Equal("PDF", scan.FormatName);
        var page = Assert.Single(scan.Pages);
        var direct = Assert.Single((await decoder.DecodeAsync(jpeg, "scan.jpg")).Pages);
        Assert.Equal(direct.Pixels, page.Pixels);
    }

    [Fact]
    public async Task A_multi_page_scan_reads_every_page_in_order()
    {
        byte[] levels = [40, 120, 200];
        var pdf = PdfFiles.Scanned(levels.Select(l => PdfFiles.Jpeg(Jpeg(Solid(160, 120, l)))).ToList());

        var scan = await decoder.DecodeAsync(pdf, "batch.pdf");

        Assert.Equal(levels.Length, scan.Pages.Count);
        for (int i = 0; i < levels.Length; i++)
            Assert.InRange(scan.Pages[i][80, 60], levels[i] - 3, levels[i] + 3);
    }

    [Theory]
    [InlineData(0, 200, 150, 20, 20)]
    [InlineData(90, 150, 200, 129, 20)]   // /Rotate 90: shown a quarter turn clockwise
    [InlineData(180, 200, 150, 179, 129)]
    [InlineData(270, 150, 200, 20, 179)]
    public async Task A_rotated_page_is_read_as_displayed(int rotate, int width, int height, int inkX, int inkY)
    {
        using var image = SampleImages.Solid(200, 150, SampleImages.Paper);
        for (int y = 10; y < 30; y++)
            for (int x = 10; x < 30; x++)
                image[x, y] = SampleImages.BlackInk; // a mark near the stored top left
        var pdf = PdfFiles.Scanned([PdfFiles.Jpeg(SampleImages.Jpeg(image))], rotate);

        var page = Assert.Single((await decoder.DecodeAsync(pdf, "turned.pdf")).Pages);

        Assert.Equal((width, height), (page.Width, page.Height));
        Assert.True(page[inkX, inkY] < 60, $"the mark is where a viewer shows it ({inkX}, {inkY})");
        Assert.True(page[width - 1 - inkX, height - 1 - inkY] > 200, "and not where it was stored");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Flate_grey_samples_are_read_exactly(bool pngPredictor)
    {
        const int width = 130, height = 110;
        var pixels = new byte[width * height];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7 % 251);
        var pdf = PdfFiles.Scanned([PdfFiles.FlateGray(width, height, pixels, pngPredictor)]);

        var page = Assert.Single((await decoder.DecodeAsync(pdf, "flate.pdf")).Pages);

        Assert.Equal((width, height), (page.Width, page.Height));
        Assert.Equal(pixels, page.Pixels);
    }

    [Fact]
    public async Task Black_and_white_ccitt_fax_pages_are_read()
    {
        const int width = 128, height = 104;
        var pixels = new byte[width * height];
        Array.Fill(pixels, GrayImage.White);
        for (int y = 20; y < 40; y++)
            for (int x = 16; x < 48; x++)
                pixels[y * width + x] = GrayImage.Black;
        var pdf = PdfFiles.Scanned([PdfFiles.CcittGroup4(width, height, pixels)]);

        var page = Assert.Single((await decoder.DecodeAsync(pdf, "fax.pdf")).Pages);

        Assert.Equal(pixels, page.Pixels);
    }

    private static Image<Rgb24> Solid(int width, int height, byte level) => SampleImages.Solid(width, height, SampleImages.Grey(level));

    private static byte[] Jpeg(Image<Rgb24> image)
    {
        using (image) return SampleImages.Jpeg(image);
    }
}
