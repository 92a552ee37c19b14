using System.Text;

namespace Pilgi.Imaging.Tests;

public class FormatSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ScanFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, ScanFormat.Png)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0 }, ScanFormat.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8 }, ScanFormat.Tiff)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, ScanFormat.Pdf)]
    public void Allowed_formats_are_recognised_by_magic_bytes(byte[] start, ScanFormat expected) =>
        Assert.Equal(expected, FormatSniffer.Sniff(start));

    [Theory]
    [InlineData("PK\u0003\u0004", "ZIP")]
    [InlineData("BM6\u0000", "BMP")]
    [InlineData("GIF89a", "GIF")]
    [InlineData("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ", "WebP")]
    [InlineData("II+\u0000", "BigTIFF")]
    [InlineData("\uFEFF<html>", "HTML")]
    [InlineData("  <?xml version=\"1.0\"?>", "XML")]
    [InlineData("\u0089PN", "unrecognised")]
    public void Everything_else_is_refused_and_described(string content, string description)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (content.StartsWith('\u0089') || content.Contains('\u0000')) bytes = Encoding.Latin1.GetBytes(content);

        Assert.Null(FormatSniffer.Sniff(bytes));
        Assert.Contains(description, FormatSniffer.DescribeForeign(bytes));
    }
}
