using Pilgi.BadInputs;
using Pilgi.Core.Errors;
using Pilgi.Imaging.Tests.TestSupport;
using UglyToad.PdfPig;

namespace Pilgi.Imaging.Tests.Pdf;

/// <summary>PDFs that are no scan, are locked, broken or hostile: each ends in its reason code, nothing hangs or crashes.</summary>
public class PdfRefusalTests
{
    private readonly GuardedDecoder decoder = new();

    private static byte[] SmallJpeg()
    {
        using var form = SampleImages.Form();
        return SampleImages.Jpeg(form);
    }

    private Task Refused(string reason, byte[] pdf, string name = "upload.pdf", GuardedDecoder? with = null) =>
        RefusalAssert.RefusedAsync(reason, name, () => (with ?? decoder).DecodeAsync(pdf, name));

    [Fact]
    public async Task A_page_of_text_is_not_a_scan()
    {
        var pdf = PdfFiles.Build([[PdfFiles.Jpeg(SmallJpeg())], []]);
        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.PdfPageNotScanned, "statement.pdf",
            () => decoder.DecodeAsync(pdf, "statement.pdf"));
        Assert.Contains("Page 2", refusal.Message);
    }

    [Fact]
    public Task A_page_cut_into_two_images_is_not_a_scan() =>
        Refused(ReasonCodes.PdfPageNotScanned, PdfFiles.Build([[PdfFiles.Jpeg(SmallJpeg()), PdfFiles.Jpeg(SmallJpeg())]]));

    [Fact]
    public Task An_encrypted_pdf_is_refused() => Refused(ReasonCodes.PdfEncrypted, PdfFiles.Encrypted(SmallJpeg()));

    [Fact]
    public async Task A_pdf_encrypted_with_only_an_owner_password_is_refused_too()
    {
        var pdf = PdfFiles.EncryptedOpenToAnyone(SmallJpeg());
        using (var document = PdfDocument.Open(pdf)) Assert.True(document.IsEncrypted, "it opens without a password");

        await Refused(ReasonCodes.PdfEncrypted, pdf);
    }

    [Fact]
    public Task A_page_count_bomb_is_refused_before_any_page_is_read() =>
        Refused(ReasonCodes.ImageTooManyPages, PdfFiles.ManyPages(SmallJpeg(), 10_000));

    [Fact]
    public Task One_page_over_the_limit_is_refused()
    {
        var strict = new GuardedDecoder(new ImageLimits { MaxPages = 2 });
        return Refused(ReasonCodes.ImageTooManyPages, PdfFiles.Scanned([.. Enumerable.Repeat(PdfFiles.Jpeg(SmallJpeg()), 3)]), with: strict);
    }

    [Fact]
    public Task An_image_declaring_a_huge_size_is_refused_before_decoding() =>
        Refused(ReasonCodes.ImageTooManyPixels, PdfFiles.DeclaringImageSize(SmallJpeg(), 60_000, 60_000));

    [Fact]
    public async Task A_jpeg_whose_own_header_is_huge_is_refused_whatever_the_pdf_declares()
    {
        var jpeg = SmallJpeg();
        var pdf = PdfFiles.Scanned([PdfFiles.Jpeg(jpeg)]);
        var strict = new GuardedDecoder(new ImageLimits { MaxWidth = 190 }); // the PDF declares 200 x 150 like the JPEG
        await Refused(ReasonCodes.ImageTooManyPixels, pdf, with: strict);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(90)]
    [InlineData(99)]
    public Task A_truncated_pdf_is_corrupt(int percentKept)
    {
        var pdf = PdfFiles.Scanned([PdfFiles.Jpeg(SmallJpeg())]);
        return Refused(ReasonCodes.ImageCorrupt, pdf[..(pdf.Length * percentKept / 100)]);
    }

    [Fact]
    public Task A_cut_off_jpeg_inside_an_intact_pdf_is_corrupt()
    {
        var jpeg = SmallJpeg();
        var cut = jpeg[..(jpeg.Length / 2)];
        var image = PdfFiles.Jpeg(jpeg) with { Data = cut };
        return Refused(ReasonCodes.ImageCorrupt, PdfFiles.Scanned([image]));
    }

    [Fact]
    public Task Flate_data_shorter_than_the_declared_size_is_corrupt()
    {
        var image = PdfFiles.FlateGray(120, 110, new byte[120 * 110]);
        var other = PdfFiles.FlateGray(120, 50, new byte[120 * 50]);
        return Refused(ReasonCodes.ImageCorrupt, PdfFiles.Scanned([image with { Data = other.Data }]));
    }

    [Fact]
    public async Task A_cross_reference_loop_neither_hangs_nor_fails_the_read()
    {
        var scan = await decoder.DecodeAsync(PdfFiles.CrossReferenceLoop(SmallJpeg()), "loop.pdf");
        Assert.Single(scan.Pages);
    }

    [Fact]
    public Task A_page_tree_that_loops_is_corrupt() => Refused(ReasonCodes.ImageCorrupt, PdfFiles.PageTreeLoop());

    [Fact]
    public Task A_page_tree_deep_enough_to_overflow_the_parsers_stack_is_refused_first() =>
        Refused(ReasonCodes.ImageCorrupt, PdfFiles.DeepPageTree(200_000));

    [Fact]
    public Task A_page_tree_the_preflight_lets_through_is_walked_without_overflowing_the_stack()
    {
        // limits loose enough that 9,000 levels pass the raw-byte checks and reach the parser, which recurses per level
        var loose = new GuardedDecoder(new ImageLimits { MaxPages = 5_000 });
        return Refused(ReasonCodes.PdfPageNotScanned, PdfFiles.DeepPageTree(9_000), with: loose);
    }

    [Fact]
    public Task Arrays_nested_deep_are_corrupt() => Refused(ReasonCodes.ImageCorrupt, PdfFiles.DeepArrays(100_000));

    [Fact]
    public Task A_content_stream_that_inflates_without_end_is_refused() =>
        Refused(ReasonCodes.ImageTooLarge, PdfFiles.InflatingContent(SmallJpeg(), 64 * 1024 * 1024));

    [Fact]
    public Task An_image_in_an_unread_encoding_is_unsupported()
    {
        var image = PdfFiles.Jpeg(SmallJpeg());
        return Refused(ReasonCodes.ImageUnsupportedFormat,
            PdfFiles.Scanned([image with { Dictionary = image.Dictionary.Replace("/DCTDecode", "/JBIG2Decode") }]));
    }

    [Fact]
    public async Task Where_pdfs_are_not_allowed_a_pdf_is_an_unsupported_format()
    {
        var crops = new GuardedDecoder(ImageLimits.ForCrops());
        var refusal = await RefusalAssert.RefusedAsync(ReasonCodes.ImageUnsupportedFormat, "crop.png",
            () => crops.DecodeAsync(PdfFiles.Scanned([PdfFiles.Jpeg(SmallJpeg())]), "crop.png"));
        Assert.Contains("PDF", refusal.Message);
    }

    [Fact]
    public Task Reading_past_the_time_limit_is_a_timeout()
    {
        var slow = new GuardedDecoder(new ImageLimits { DecodeTimeout = TimeSpan.FromTicks(1) });
        return Refused(ReasonCodes.ImageDecodeTimeout, PdfFiles.Scanned([PdfFiles.Jpeg(SmallJpeg())]), with: slow);
    }
}
