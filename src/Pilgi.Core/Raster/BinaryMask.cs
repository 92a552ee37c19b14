using Pilgi.Core.Geometry;

namespace Pilgi.Core.Raster;

/// <summary>A foreground mask, row-major, one byte per pixel: 1 = set (ink), 0 = clear.</summary>
public sealed class BinaryMask
{
    public BinaryMask(int width, int height)
        : this(width, height, NewBits(width, height))
    {
    }

    /// <summary>Wraps <paramref name="bits"/> (not copied); values must be 0 or 1.</summary>
    public BinaryMask(int width, int height, byte[] bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        GrayImage.CheckSize(width, height);
        if (bits.Length != width * height)
            throw new ArgumentException($"Expected {width * height} values, got {bits.Length}.", nameof(bits));
        Width = width;
        Height = height;
        Bits = bits;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Bits { get; }

    public bool this[int x, int y]
    {
        get => Bits[Index(x, y)] != 0;
        set => Bits[Index(x, y)] = value ? (byte)1 : (byte)0;
    }

    public long CountSet()
    {
        long count = 0;
        foreach (byte b in Bits) count += b;
        return count;
    }

    public void Fill(IntRect rect)
    {
        var r = rect.Clamp(Width, Height);
        for (int y = r.Y; y < r.Bottom; y++) Bits.AsSpan(y * Width + r.X, r.W).Fill(1);
    }

    public BinaryMask Clone() => new(Width, Height, (byte[])Bits.Clone());

    /// <summary>Black ink on white paper, for debugging and tests.</summary>
    public GrayImage ToImage()
    {
        var pixels = new byte[Bits.Length];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = Bits[i] != 0 ? GrayImage.Black : GrayImage.White;
        return new GrayImage(Width, Height, pixels);
    }

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException($"({x}, {y}) lies outside the {Width}x{Height} mask.", (Exception?)null);
        return y * Width + x;
    }

    private static byte[] NewBits(int width, int height)
    {
        GrayImage.CheckSize(width, height);
        return new byte[width * height];
    }
}
