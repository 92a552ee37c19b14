namespace Pilgi.Imaging;

/// <summary>The only container formats an upload may be in.</summary>
public enum ScanFormat
{
    Jpeg,
    Png,
    Tiff,
}
