using System.Runtime.InteropServices;
using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.Imaging;

/// <summary>
/// Conversions between <see cref="GrayImage"/> and ImageSharp, PNG encoding, and resizing, all
/// through <see cref="GuardedConfiguration.Shared"/>. For images the pipeline made itself
/// (templates, crops, debug output); uploads go through <see cref="GuardedDecoder"/>.
/// </summary>
public static class ImageCodec
{
    public static Image<L8> ToImage(GrayImage gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        return Image.LoadPixelData<L8>(GuardedConfiguration.Shared, gray.Pixels, gray.Width, gray.Height);
    }

    public static GrayImage FromImage(Image<L8> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = new byte[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        return new GrayImage(image.Width, image.Height, pixels);
    }

    /// <summary>An Rgb24 copy of the page, e.g. to draw a review overlay on.</summary>
    public static Image<Rgb24> ToRgbImage(GrayImage gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        var rgb = new Image<Rgb24>(GuardedConfiguration.Shared, gray.Width, gray.Height);
        rgb.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                var source = gray.Row(y);
                var target = rows.GetRowSpan(y);
                for (int x = 0; x < target.Length; x++) target[x] = new Rgb24(source[x], source[x], source[x]);
            }
        });
        return rgb;
    }

    /// <summary>8-bit greyscale PNG (pages, crops and overlays are written on the hot path: <see cref="FastPng"/>).</summary>
    public static byte[] EncodePng(GrayImage gray)
    {
        ArgumentNullException.ThrowIfNull(gray);
        return FastPng.Encode(gray.Pixels, gray.Width, gray.Height, channels: 1);
    }

    /// <summary>8-bit RGB PNG (<see cref="FastPng"/>).</summary>
    public static byte[] EncodePng(Image<Rgb24> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var writer = new FastPng.RowWriter(image.Width, image.Height, channels: 3);
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++) writer.Write(MemoryMarshal.AsBytes(rows.GetRowSpan(y)));
        });
        return writer.Complete();
    }

    /// <summary>
    /// Decodes an image the pipeline produced itself (first page only, no seal-ink filtering, no
    /// size limits). Failures are <see cref="PilgiException"/>s with the usual image reason codes.
    /// </summary>
    public static GrayImage LoadGray(byte[] data, string subject = "internal image")
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0) throw ImageRefusals.Empty(subject);
        if (FormatSniffer.Sniff(data) is null)
            throw ImageRefusals.UnsupportedFormat(subject, FormatSniffer.DescribeForeign(data));
        // the pipeline's own greyscale PNGs (pages, crops) without ImageSharp's detour through RGB
        if (FastPng.TryDecodeGray(data, out int width, out int height, out var pixels)) return new GrayImage(width, height, pixels);
        try
        {
            using var image = Image.Load<Rgb24>(GuardedConfiguration.Shared, data);
            return PageConverter.ToGray(image.Frames.RootFrame, SealInkFilter.Disabled);
        }
        catch (Exception ex)
        {
            throw ImageRefusals.Corrupt(subject, ex.Message, ex);
        }
    }

    /// <summary>Resized to exactly <paramref name="width"/> x <paramref name="height"/> with a triangle (bilinear) filter.</summary>
    public static GrayImage Resize(GrayImage gray, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        using var image = ToImage(gray);
        image.Mutate(x => x.Resize(width, height, KnownResamplers.Triangle));
        return FromImage(image);
    }

    /// <summary>The whole pixels covered by <paramref name="box"/>, clamped to the image (see <see cref="GrayImage.Crop(Box)"/>).</summary>
    public static GrayImage Crop(GrayImage gray, Box box)
    {
        ArgumentNullException.ThrowIfNull(gray);
        return gray.Crop(box);
    }
}
