using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// A page ready for registration. For a flat scan, <see cref="Image"/> is the upload's page itself and
/// <see cref="PageToUpload"/> is null; for a photo, <see cref="Image"/> is the sheet straightened and its light evened
/// out, and <see cref="PageToUpload"/> maps its pixels back to the upload's (as displayed), where results are reported.
/// </summary>
public sealed record FoundPage(GrayImage Image, Homography? PageToUpload, GrayImage Upload)
{
    public bool IsPhoto => PageToUpload is not null;

    /// <summary>
    /// The upload is a photo (its border is not a scan's page) in which no sheet was found; <see cref="Image"/> is the
    /// upload as it is. Registration failing on it is then the missing sheet's fault, not the form's.
    /// </summary>
    public bool SheetNotFound { get; private init; }

    public static FoundPage Flat(GrayImage page) => new(page, null, page);

    public static FoundPage NoSheetIn(GrayImage photo) => new(photo, null, photo) { SheetNotFound = true };

    /// <summary>A box on <see cref="Image"/> in the upload's pixels (the box around its corners there).</summary>
    public Box ToUpload(Box box) => PageToUpload is { } h ? h.Apply(box) : box;
}
