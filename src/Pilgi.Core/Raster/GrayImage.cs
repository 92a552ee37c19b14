using Pilgi.Core.Geometry;

namespace Pilgi.Core.Raster;

/// <summary>8-bit grayscale image, row-major, 0 = black ink, 255 = white paper.</summary>
public sealed class GrayImage
{
    public const byte White = 255;
    public const byte Black = 0;

    /// <summary>A blank image filled with <paramref name="fill"/> (white by default).</summary>
    public GrayImage(int width, int height, byte fill = White)
        : this(width, height, NewPixels(width, height, fill))
    {
    }

    /// <summary>Wraps <paramref name="pixels"/> (not copied); its length must be width * height.</summary>
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        CheckSize(width, height);
        if (pixels.Length != width * height)
            throw new ArgumentException($"Expected {width}x{height} = {width * height} pixels, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public byte this[int x, int y]
    {
        get => Pixels[Index(x, y)];
        set => Pixels[Index(x, y)] = value;
    }

    public Span<byte> Row(int y)
    {
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y));
        return Pixels.AsSpan(y * Width, Width);
    }

    public GrayImage Clone() => new(Width, Height, (byte[])Pixels.Clone());

    /// <summary>
    /// The whole pixels covered by <paramref name="box"/>, clamped to the image. Throws
    /// <see cref="ArgumentException"/> when nothing of the box lies inside the image.
    /// </summary>
    public GrayImage Crop(Box box) => Crop(IntRect.Covering(box));

    public GrayImage Crop(IntRect rect)
    {
        var r = rect.Clamp(Width, Height);
        if (r.IsEmpty)
            throw new ArgumentException($"Crop {rect} lies outside the {Width}x{Height} image.", nameof(rect));
        var pixels = new byte[r.W * r.H];
        for (int y = 0; y < r.H; y++)
            Pixels.AsSpan((r.Y + y) * Width + r.X, r.W).CopyTo(pixels.AsSpan(y * r.W, r.W));
        return new GrayImage(r.W, r.H, pixels);
    }

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException($"({x}, {y}) lies outside the {Width}x{Height} image.", (Exception?)null);
        return y * Width + x;
    }

    internal static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if ((long)width * height > Array.MaxLength)
            throw new ArgumentException($"{width}x{height} pixels do not fit in one array.");
    }

    private static byte[] NewPixels(int width, int height, byte fill)
    {
        CheckSize(width, height);
        var pixels = new byte[width * height];
        if (fill != 0) Array.Fill(pixels, fill);
        return pixels;
    }
}
