using Pilgi.Core.Geometry;

namespace Pilgi.Core.Raster;

/// <summary>
/// Summed-area table for O(1) rectangle sums. Built from grey values or from a mask (then sums are counts of
/// set pixels). Sums are 64-bit, so pages of any size are safe.
/// </summary>
public sealed class IntegralImage
{
    private readonly long[] _sums; // (Width + 1) x (Height + 1), first row and column are zero
    private readonly int _stride;

    private IntegralImage(int width, int height, ReadOnlySpan<byte> values)
    {
        Width = width;
        Height = height;
        _stride = width + 1;
        _sums = new long[(long)_stride * (height + 1) > Array.MaxLength
            ? throw new ArgumentException("Image too large for an integral image.")
            : _stride * (height + 1)];
        for (int y = 0; y < height; y++)
        {
            long rowSum = 0;
            var row = values.Slice(y * width, width);
            var above = _sums.AsSpan(y * _stride + 1, width);
            var here = _sums.AsSpan((y + 1) * _stride + 1, width);
            for (int x = 0; x < row.Length; x++)
            {
                rowSum += row[x];
                here[x] = above[x] + rowSum;
            }
        }
    }

    public int Width { get; }
    public int Height { get; }

    public static IntegralImage FromImage(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new IntegralImage(image.Width, image.Height, image.Pixels);
    }

    public static IntegralImage FromMask(BinaryMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return new IntegralImage(mask.Width, mask.Height, mask.Bits);
    }

    /// <summary>Sum over columns [x, x+w) and rows [y, y+h), clamped to the image (0 when empty).</summary>
    public long Sum(int x, int y, int w, int h) => Sum(new IntRect(x, y, w, h));

    public long Sum(IntRect rect)
    {
        var r = rect.Clamp(Width, Height);
        if (r.IsEmpty) return 0;
        int top = r.Y * _stride, bottom = r.Bottom * _stride;
        return _sums[bottom + r.Right] - _sums[top + r.Right] - _sums[bottom + r.X] + _sums[top + r.X];
    }

    /// <summary>Mean over the clamped rectangle; 0 when it is empty.</summary>
    public double Mean(IntRect rect)
    {
        var r = rect.Clamp(Width, Height);
        return r.IsEmpty ? 0 : (double)Sum(r) / r.Area;
    }
}
