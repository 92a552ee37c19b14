using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests.TestSupport;

/// <summary>Test inputs made with ImageSharp's own encoders (which know more formats than Pilgi accepts).</summary>
internal static class SampleImages
{
    public static readonly Rgb24 Paper = new(255, 255, 255);
    public static readonly Rgb24 BlackInk = new(10, 10, 10);
    public static readonly Rgb24 BlueInk = new(20, 40, 160);
    public static readonly Rgb24 SealRed = new(220, 30, 40);
    public static readonly Rgb24 SealOrange = new(240, 140, 30);

    /// <summary>Where <see cref="Form"/> puts each ink: a 20x20 square at (x, 10).</summary>
    public const int BlackInkX = 10, BlueInkX = 50, SealRedX = 90, SealOrangeX = 130, InkY = 10, InkSize = 20;

    public static Image<Rgb24> Solid(int width, int height, Rgb24 color) => new(width, height, color);

    /// <summary>White paper with squares of black ink, blue ink, a red seal and an orange stamp.</summary>
    public static Image<Rgb24> Form(int width = 200, int height = 150)
    {
        var image = Solid(width, height, Paper);
        Paint(image, BlackInkX, BlackInk);
        Paint(image, BlueInkX, BlueInk);
        Paint(image, SealRedX, SealRed);
        Paint(image, SealOrangeX, SealOrange);
        return image;
    }

    /// <summary>Random colour noise; compresses badly, so it makes files of a predictable size.</summary>
    public static Image<Rgb24> Noise(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
                foreach (ref var p in rows.GetRowSpan(y))
                    p = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        });
        return image;
    }

    public static byte[] Encode(Image image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    public static byte[] Png(Image image, PngColorType colorType = PngColorType.Rgb, PngBitDepth bitDepth = PngBitDepth.Bit8) =>
        Encode(image, new PngEncoder { ColorType = colorType, BitDepth = bitDepth });

    public static byte[] Jpeg(Image image, JpegColorType colorType = JpegColorType.YCbCrRatio444) =>
        Encode(image, new JpegEncoder { ColorType = colorType, Quality = 95 });

    public static byte[] Tiff(Image image, TiffBitsPerPixel bitsPerPixel = TiffBitsPerPixel.Bit24,
        SixLabors.ImageSharp.Formats.Tiff.Constants.TiffCompression compression =
            SixLabors.ImageSharp.Formats.Tiff.Constants.TiffCompression.None) =>
        Encode(image, new TiffEncoder { BitsPerPixel = bitsPerPixel, Compression = compression });

    /// <summary>A TIFF with one uniformly grey page per level, encoded by ImageSharp.</summary>
    public static byte[] MultiPageTiff(int width, int height, params byte[] greyLevels)
    {
        using var image = Solid(width, height, Grey(greyLevels[0]));
        foreach (byte level in greyLevels.Skip(1))
        {
            using var page = Solid(width, height, Grey(level));
            image.Frames.AddFrame(page.Frames.RootFrame);
        }
        return Tiff(image);
    }

    public static Rgb24 Grey(byte level) => new(level, level, level);

    private static void Paint(Image<Rgb24> image, int x0, Rgb24 color)
    {
        for (int y = InkY; y < InkY + InkSize; y++)
            for (int x = x0; x < x0 + InkSize; x++)
                image[x, y] = color;
    }
}
