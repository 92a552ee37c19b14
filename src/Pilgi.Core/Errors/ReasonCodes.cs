namespace Pilgi.Core.Errors;

/// <summary>Stable reason codes written into error records. Never rename one: consumers match on them.</summary>
public static class ReasonCodes
{
    public const string ImageEmpty = "image_empty";
    public const string ImageTooLarge = "image_too_large";
    public const string ImageUnsupportedFormat = "image_unsupported_format";
    public const string ImageCorrupt = "image_corrupt";
    public const string ImageTooManyPixels = "image_too_many_pixels";
    public const string ImageTooManyPages = "image_too_many_pages";
    public const string ImageTooSmall = "image_too_small";
    public const string ImageDecodeTimeout = "image_decode_timeout";
    public const string PdfEncrypted = "pdf_encrypted";
    public const string PdfPageNotScanned = "pdf_page_not_scanned";
    public const string TemplateUnknown = "template_unknown";
    public const string TemplateInvalid = "template_invalid";
    public const string TemplateNotIdentified = "template_not_identified";
    public const string ReferenceMissing = "reference_missing";
    public const string LabelInvalid = "label_invalid";
    public const string RegistrationFailed = "registration_failed";
    public const string PageBlank = "page_blank";
    /// <summary>A photo in which no sheet of paper could be found (so nothing to register).</summary>
    public const string PageNotFound = "page_not_found";
    public const string InferenceFailed = "inference_failed";
    public const string InternalError = "internal_error";

    /// <summary>Every code above, for documentation and validation of error records.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ImageEmpty, ImageTooLarge, ImageUnsupportedFormat, ImageCorrupt, ImageTooManyPixels, ImageTooManyPages,
        ImageTooSmall, ImageDecodeTimeout, PdfEncrypted, PdfPageNotScanned, TemplateUnknown, TemplateInvalid, TemplateNotIdentified, ReferenceMissing,
        LabelInvalid, RegistrationFailed, PageBlank, PageNotFound, InferenceFailed, InternalError,
    ];
}
