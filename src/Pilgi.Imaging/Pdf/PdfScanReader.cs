using Pilgi.Core.Errors;
using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Pilgi.Imaging.Pdf;

/// <summary>
/// Reads a scanned PDF (one image filling each page, as copiers write them) into grey pages, like a multi-page TIFF.
/// Order: the raw-byte checks of <see cref="PdfPreflight"/>, then PdfPig opens the file (strict parsing: a damaged
/// cross-reference table is refused, not guessed at), the page count, each page's one image and its declared size
/// against the limits for every page, and only then the pixels. The caller runs this on a thread with a large stack
/// and under <see cref="ImageLimits.DecodeTimeout"/>.
/// </summary>
internal static class PdfScanReader
{
    /// <summary>Enough for PdfPig's recursion over any page tree that <see cref="PdfPreflight"/> lets through.</summary>
    public const int StackBytes = 64 * 1024 * 1024;

    public static IReadOnlyList<GrayImage> Read(
        byte[] data, ImageLimits limits, Configuration configuration, SealInkFilter sealInk, string subject,
        CancellationToken cancellationToken)
    {
        try
        {
            return ReadPages(data, limits, configuration, sealInk, subject, cancellationToken);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw ImageRefusals.PdfEncrypted(subject);
        }
    }

    private static IReadOnlyList<GrayImage> ReadPages(
        byte[] data, ImageLimits limits, Configuration configuration, SealInkFilter sealInk, string subject,
        CancellationToken cancellationToken)
    {
        PdfPreflight.Check(data, limits, subject);
        using var document = Open(data, subject);
        if (document.IsEncrypted) throw ImageRefusals.PdfEncrypted(subject);

        int pageCount = document.NumberOfPages;
        if (pageCount == 0) throw ImageRefusals.Corrupt(subject, "the PDF has no pages.");
        if (pageCount > limits.MaxPages) throw ImageRefusals.TooManyPages(subject, pageCount, atLeast: false, limits.MaxPages);

        var images = new List<PdfPageImage>(pageCount);
        for (int number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            images.Add(PdfPageImage.Find(document.GetPage(number), subject));
        }
        PageLimitGuard.Check(images.Select(i => i.Displayed).ToList(), limits, subject);

        var decoder = new PdfPageDecoder(configuration, limits, sealInk, subject);
        var pages = new List<GrayImage>(pageCount);
        foreach (var image in images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add(decoder.Decode(image));
        }
        return pages;
    }

    private static PdfDocument Open(byte[] data, string subject)
    {
        try
        {
            return PdfDocument.Open(data, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw ImageRefusals.PdfEncrypted(subject);
        }
        catch (Exception ex) when (ex is not PilgiException and not OutOfMemoryException)
        {
            throw ImageRefusals.Corrupt(subject, $"the PDF structure is broken ({ex.Message})", ex);
        }
    }
}
