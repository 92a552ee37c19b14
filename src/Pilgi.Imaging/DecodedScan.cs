using Pilgi.Core.Raster;

namespace Pilgi.Imaging;

/// <summary>An upload that passed every check: its format and one grey image per page, in file order.</summary>
public sealed record DecodedScan(ScanFormat Format, IReadOnlyList<GrayImage> Pages)
{
    /// <summary>"JPEG", "PNG", "TIFF" or "PDF".</summary>
    public string FormatName => Format.ToString().ToUpperInvariant();
}
