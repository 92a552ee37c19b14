namespace Pilgi.Imaging;

/// <summary>The only container formats an upload may be in.</summary>
public enum ScanFormat
{
    Jpeg,
    Png,
    Tiff,

    /// <summary>A scanned document: one JPEG (or Flate, or CCITT fax) image filling each page.</summary>
    Pdf,
}
