using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.Cli.Tests.Support;

internal static class TestImages
{
    /// <summary>A scan as two pages of one grey TIFF, at half resolution (quicker to read; the forms register at any scale).</summary>
    public static byte[] TwoPageTiff(byte[] jpeg)
    {
        using var page = Image.Load<L8>(jpeg);
        page.Mutate(x => x.Resize(page.Width / 2, page.Height / 2));
        using var tiff = page.Clone();
        tiff.Frames.AddFrame(page.Frames.RootFrame);
        using var output = new MemoryStream();
        tiff.Save(output, new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit8, Compression = TiffCompression.None });
        return output.ToArray();
    }

    /// <summary>Bytes that start like a JPEG and then are noise: the decoder refuses them.</summary>
    public static byte[] Unreadable() => [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 251))];
}
