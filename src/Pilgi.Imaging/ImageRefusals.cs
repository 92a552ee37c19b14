using Pilgi.Core.Errors;

namespace Pilgi.Imaging;

/// <summary>The <see cref="PilgiException"/>s an upload can be refused with; every message names the upload.</summary>
internal static class ImageRefusals
{
    public static PilgiException Empty(string subject) =>
        new(ReasonCodes.ImageEmpty, $"'{subject}' is empty (0 bytes).", subject);

    public static PilgiException TooLarge(string subject, long? byteCount, long maxBytes) =>
        new(ReasonCodes.ImageTooLarge,
            byteCount is { } n
                ? $"'{subject}' is {n:N0} bytes; uploads may be at most {maxBytes:N0} bytes."
                : $"'{subject}' is over the {maxBytes:N0}-byte upload limit.",
            subject);

    public static PilgiException StreamTooLarge(string subject, long maxBytes) =>
        new(ReasonCodes.ImageTooLarge,
            $"'{subject}' holds a compressed stream (not an image) that inflates to more than {maxBytes:N0} bytes.", subject);

    public static PilgiException UnsupportedFormat(string subject, string whatItIs) =>
        new(ReasonCodes.ImageUnsupportedFormat,
            $"'{subject}' is {whatItIs}, not a JPEG, PNG or TIFF image or a scanned PDF.", subject);

    public static PilgiException Corrupt(string subject, string detail, Exception? cause = null) =>
        new(ReasonCodes.ImageCorrupt, $"'{subject}' could not be read as an image: {detail}", subject, cause);

    public static PilgiException TooManyPixels(string subject, string detail) =>
        new(ReasonCodes.ImageTooManyPixels, $"'{subject}' is too large to process: {detail}", subject);

    public static PilgiException TooManyPages(string subject, int pagesSeen, bool atLeast, int maxPages) =>
        new(ReasonCodes.ImageTooManyPages,
            $"'{subject}' has {(atLeast ? "more than " + maxPages : pagesSeen.ToString())} pages; at most {maxPages} are accepted.",
            subject);

    public static PilgiException TooSmall(string subject, string detail) =>
        new(ReasonCodes.ImageTooSmall, $"'{subject}' is too small to be a scanned form: {detail}", subject);

    public static PilgiException PdfEncrypted(string subject) =>
        new(ReasonCodes.PdfEncrypted, $"'{subject}' is an encrypted PDF; only unprotected scanned PDFs are read.", subject);

    public static PilgiException PdfPageNotScanned(string subject, int page, string detail) =>
        new(ReasonCodes.PdfPageNotScanned,
            $"Page {page} of '{subject}' is not a scanned page (one image filling the page): {detail}", subject);

    public static PilgiException PdfImageUnsupported(string subject, int page, string detail) =>
        new(ReasonCodes.ImageUnsupportedFormat, $"The image on page {page} of '{subject}' cannot be read: {detail}", subject);

    public static PilgiException DecodeTimeout(string subject, TimeSpan timeout) =>
        new(ReasonCodes.ImageDecodeTimeout,
            $"Decoding '{subject}' took longer than the {timeout.TotalSeconds:0.###} s allowed.", subject);
}
