namespace Pilgi.Core.Raster;

/// <summary>Binary morphology with square structuring elements, O(1) per pixel whatever the radius.</summary>
public static class Morphology
{
    /// <summary>
    /// Dilation by a (2r+1) x (2r+1) square: a pixel is set when any pixel within Chebyshev distance
    /// <paramref name="radius"/> is set. Done as a horizontal then a vertical running-count pass.
    /// </summary>
    public static BinaryMask Dilate(BinaryMask mask, int radius)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        if (radius == 0) return mask.Clone();
        int w = mask.Width, h = mask.Height;
        var horizontal = new byte[w * h];
        var src = mask.Bits;

        ParallelRows.For(h, w, y =>
        {
            var row = src.AsSpan(y * w, w);
            var dst = horizontal.AsSpan(y * w, w);
            int count = 0;
            for (int x = 0; x < Math.Min(radius, w); x++) count += row[x];
            for (int x = 0; x < w; x++)
            {
                int enter = x + radius, leave = x - radius - 1;
                if (enter < w) count += row[enter];
                if (leave >= 0) count -= row[leave];
                dst[x] = count > 0 ? (byte)1 : (byte)0;
            }
        });

        // Vertical pass row by row with per-column counts, which keeps memory access sequential.
        var result = new byte[w * h];
        var counts = new int[w];
        for (int y = 0; y < Math.Min(radius, h); y++) AddRow(counts, horizontal.AsSpan(y * w, w), 1);
        for (int y = 0; y < h; y++)
        {
            int enter = y + radius, leave = y - radius - 1;
            if (enter < h) AddRow(counts, horizontal.AsSpan(enter * w, w), 1);
            if (leave >= 0) AddRow(counts, horizontal.AsSpan(leave * w, w), -1);
            var dst = result.AsSpan(y * w, w);
            for (int x = 0; x < w; x++) dst[x] = counts[x] > 0 ? (byte)1 : (byte)0;
        }
        return new BinaryMask(w, h, result);
    }

    private static void AddRow(int[] counts, ReadOnlySpan<byte> row, int sign)
    {
        for (int x = 0; x < counts.Length; x++) counts[x] += sign * row[x];
    }
}
