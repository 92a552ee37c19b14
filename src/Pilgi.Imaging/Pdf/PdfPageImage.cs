using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;

namespace Pilgi.Imaging.Pdf;

/// <summary>How a page image's samples are stored, by its one filter.</summary>
internal enum PdfImageEncoding
{
    Jpeg,
    Flate,
    CcittFax,
    Uncompressed,
}

/// <summary>
/// The one image of a scanned PDF page, as its dictionary declares it: nothing is decoded yet.
/// <see cref="Rotation"/> is the page's /Rotate (clockwise, 0, 90, 180 or 270): the page as displayed is the image turned by it.
/// </summary>
internal sealed record PdfPageImage(
    int PageNumber, IPdfImage Image, PdfImageEncoding Encoding, PageSize Samples, int Components, int Rotation)
{
    /// <summary>A scanned page's image covers at least this share of the page (margins and rounding aside).</summary>
    private const double MinCoverage = 0.5;

    /// <summary>The image's size as displayed (its width and height swapped by a quarter turn).</summary>
    public PageSize Displayed => Rotation is 90 or 270 ? new PageSize(Samples.Height, Samples.Width) : Samples;

    /// <summary>
    /// The page's single image, or a refusal: <c>pdf_page_not_scanned</c> for a page without exactly one image covering
    /// it, <c>image_unsupported_format</c> for an image stored in a way Pilgi does not read.
    /// </summary>
    public static PdfPageImage Find(Page page, string subject)
    {
        int number = page.Number;
        var images = page.GetImages().ToList();
        if (images.Count != 1)
            throw ImageRefusals.PdfPageNotScanned(subject, number,
                images.Count == 0 ? "it holds no image." : $"it holds {images.Count} images.");
        var image = images[0];
        if (image.IsImageMask) throw ImageRefusals.PdfPageNotScanned(subject, number, "its only image is a stencil mask.");

        double pageArea = Math.Abs(page.Width * page.Height);
        double coverage = pageArea > 0 ? Math.Abs(image.BoundingBox.Area) / pageArea : 0;
        if (coverage < MinCoverage)
            throw ImageRefusals.PdfPageNotScanned(subject, number, $"its image covers {coverage:P0} of the page.");

        if (image.WidthInSamples <= 0 || image.HeightInSamples <= 0)
            throw ImageRefusals.Corrupt(subject, $"the image on page {number} declares no width or height.");
        var encoding = EncodingOf(image, number, subject);
        int components = encoding == PdfImageEncoding.Jpeg ? 0 : ComponentsOf(image, number, subject);
        int rotation = ((page.Rotation.Value % 360) + 360) % 360;
        return new PdfPageImage(number, image, encoding, new PageSize(image.WidthInSamples, image.HeightInSamples), components, rotation);
    }

    private static PdfImageEncoding EncodingOf(IPdfImage image, int number, string subject)
    {
        var filters = new List<string>();
        if (image.ImageDictionary.TryGet(NameToken.Filter, out var filter))
        {
            switch (filter)
            {
                case NameToken name: filters.Add(name.Data); break;
                case ArrayToken array: filters.AddRange(array.Data.Select(t => (t as NameToken)?.Data ?? t.ToString() ?? "?")); break;
                default: throw ImageRefusals.Corrupt(subject, $"the image on page {number} names its filter oddly ({filter}).");
            }
        }
        if (filters.Count > 1)
            throw ImageRefusals.PdfImageUnsupported(subject, number, $"it is encoded twice over ({string.Join(", ", filters)}).");
        return filters.Count == 0 ? PdfImageEncoding.Uncompressed : filters[0] switch
        {
            "DCTDecode" or "DCT" => PdfImageEncoding.Jpeg,
            "FlateDecode" or "Fl" => PdfImageEncoding.Flate,
            "CCITTFaxDecode" or "CCF" => PdfImageEncoding.CcittFax,
            var other => throw ImageRefusals.PdfImageUnsupported(subject, number,
                $"it is {other}-encoded; scanned pages are read as JPEG (DCTDecode), Flate or CCITT fax."),
        };
    }

    /// <summary>1 (grey) or 3 (RGB): the colour spaces whose samples are read directly.</summary>
    private static int ComponentsOf(IPdfImage image, int number, string subject)
    {
        var space = image.ColorSpaceDetails;
        // named in the dictionary itself: PdfPig reports 1-bit DeviceGray as an Indexed space of two greys
        string? named = image.ImageDictionary.TryGet(NameToken.ColorSpace, out var token) ? (token as NameToken)?.Data : null;
        int components = named switch
        {
            "DeviceGray" or "G" => 1,
            "DeviceRGB" or "RGB" => 3,
            _ => 0,
        };
        if (components == 0) components = space?.Type switch
        {
            ColorSpace.DeviceGray or ColorSpace.CalGray => 1,
            ColorSpace.DeviceRGB or ColorSpace.CalRGB => 3,
            ColorSpace.ICCBased when space.NumberOfColorComponents is 1 or 3 => space.NumberOfColorComponents,
            null when image.BitsPerComponent == 1 => 1,
            _ => 0,
        };
        if (components == 0)
            throw ImageRefusals.PdfImageUnsupported(subject, number, $"its colour space ({space?.Type.ToString() ?? "none"}) is not grey or RGB.");
        bool bitsFit = image.BitsPerComponent == 8 || (image.BitsPerComponent == 1 && components == 1);
        if (!bitsFit)
            throw ImageRefusals.PdfImageUnsupported(subject, number,
                $"it has {image.BitsPerComponent} bits per sample; 8-bit grey or RGB and 1-bit black and white are read.");
        return components;
    }
}
