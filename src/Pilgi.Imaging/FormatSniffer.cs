namespace Pilgi.Imaging;

/// <summary>
/// Tells the container format from the first bytes, never from the file name:
/// uploads are often renamed (a PDF called scan.jpg).
/// </summary>
internal static class FormatSniffer
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> TiffLittleEndian => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBigEndian => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    /// <summary>The allowed format the bytes start with, or null for anything else.</summary>
    public static ScanFormat? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Jpeg)) return ScanFormat.Jpeg;
        if (data.StartsWith(Png)) return ScanFormat.Png;
        if (data.StartsWith(TiffLittleEndian) || data.StartsWith(TiffBigEndian)) return ScanFormat.Tiff;
        if (data.StartsWith(Pdf)) return ScanFormat.Pdf;
        return null;
    }

    /// <summary>A short human name for refused content, used only in error messages.</summary>
    public static string DescribeForeign(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Pdf)) return "a PDF document"; // where PDFs are not allowed (ImageLimits.AllowPdf)
        if (data.StartsWith("PK\x03\x04"u8)) return "a ZIP archive (or an Office document)";
        if (data.StartsWith("BM"u8)) return "a BMP image";
        if (data.StartsWith("GIF8"u8)) return "a GIF image";
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return "a WebP image";
        if (data.StartsWith("II+\0"u8) || data.StartsWith("MM\0+"u8)) return "a BigTIFF image";
        if (LooksLikeMarkup(data)) return "HTML or XML text";
        return "an unrecognised file";
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> data)
    {
        var start = data[..Math.Min(data.Length, 512)];
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = start[3..];
        start = start.TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
