using Pilgi.Core.Raster;
using Pilgi.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Pipeline.Steps;

/// <summary>
/// PNG encoding for the blobs the pipeline writes itself (work pages, crops, overlays): lossless, so a page read
/// back from the work container is the page that was stored, and tuned for speed (zlib level 1: about 10% larger
/// than the default level, several times faster on a full page). Decoding goes through <see cref="ImageCodec.LoadGray"/>.
/// </summary>
internal static class WorkImageCodec
{
    private static readonly PngEncoder Gray = new()
    {
        ColorType = PngColorType.Grayscale,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    private static readonly PngEncoder Rgb = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.BestSpeed,
    };

    public static byte[] EncodePng(GrayImage image)
    {
        using var img = ImageCodec.ToImage(image);
        return Encode(img, Gray);
    }

    public static byte[] EncodePng(Image<Rgb24> image) => Encode(image, Rgb);

    private static byte[] Encode<TPixel>(Image<TPixel> image, PngEncoder encoder) where TPixel : unmanaged, IPixel<TPixel>
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
