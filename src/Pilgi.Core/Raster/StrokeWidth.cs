namespace Pilgi.Core.Raster;

/// <summary>
/// How thick a crop's writing is, as a share of its height, and the crop with its strokes made thinner: a felt-tip
/// (sign) pen writes a line two or three times a ballpoint's, which fills a syllable's small counters and gaps.
/// </summary>
public static class StrokeWidth
{
    /// <summary>
    /// The writing's stroke width over the height of the rows that hold ink: ink pixels (at or below the crop's Otsu
    /// threshold, <see cref="Thresholding.Otsu"/>, and at most 200) over half its boundary pixels (ink with a paper or
    /// outside 4-neighbour), since a stroke of width w and length L has about wL ink and 2L boundary. 0 for a crop with
    /// fewer than <see cref="MinInk"/> ink pixels.
    /// </summary>
    public static double Ratio(GrayImage crop) => Measure(crop).Ratio;

    /// <summary>Fewer ink pixels than this and a crop has no stroke width to speak of.</summary>
    public const int MinInk = 20;

    /// <summary>
    /// The pixels by which the crop's strokes grow thinner to bring <see cref="Ratio"/> down to <paramref name="target"/>
    /// (0 where it is no more than that): (ratio − target) × the ink's height, rounded.
    /// </summary>
    public static int ThinningFor(GrayImage crop, double target)
    {
        ArgumentNullException.ThrowIfNull(crop);
        var (ratio, height) = Measure(crop);
        return ratio <= target ? 0 : (int)Math.Round((ratio - target) * height);
    }

    /// <summary>
    /// The crop with its paper grown by <paramref name="pixels"/>: each pixel the lightest of the
    /// (pixels + 1) × (pixels + 1) square around it (offsets −⌊(pixels+1)/2⌋ … pixels − ⌊(pixels+1)/2⌋), so every stroke
    /// loses that many pixels of width; a fresh image (the same one where <paramref name="pixels"/> is 0).
    /// </summary>
    public static GrayImage Thinned(GrayImage crop, int pixels)
    {
        ArgumentNullException.ThrowIfNull(crop);
        ArgumentOutOfRangeException.ThrowIfNegative(pixels);
        if (pixels == 0) return crop;
        int size = pixels + 1, before = size / 2;
        int w = crop.Width, h = crop.Height;
        var rows = new byte[w * h];
        var result = new byte[w * h];
        var line = new byte[Math.Max(w, h) + size];
        var prefix = new byte[line.Length];
        var suffix = new byte[line.Length];
        for (int y = 0; y < h; y++)
            WindowMax(crop.Pixels, y * w, 1, w, size, before, rows, line, prefix, suffix);
        for (int x = 0; x < w; x++)
            WindowMax(rows, x, w, h, size, before, result, line, prefix, suffix);
        return new GrayImage(w, h, result);
    }

    /// <summary>
    /// The running maximum over a window of <paramref name="size"/> (from <paramref name="before"/> before each element)
    /// along one row or column (<paramref name="count"/> elements from <paramref name="start"/>, <paramref name="stride"/>
    /// apart), written alike into <paramref name="output"/>: van Herk and Gil-Werman's block prefix and suffix maxima,
    /// three comparisons an element whatever the size; outside the image counts as 0, which no maximum takes.
    /// </summary>
    private static void WindowMax(byte[] input, int start, int stride, int count, int size, int before, byte[] output,
        byte[] line, byte[] prefix, byte[] suffix)
    {
        int padded = count + size - 1;
        Array.Clear(line, 0, padded);
        for (int i = 0; i < count; i++) line[before + i] = input[start + i * stride];
        for (int i = 0; i < padded; i++)
            prefix[i] = i % size == 0 ? line[i] : Math.Max(prefix[i - 1], line[i]);
        for (int i = padded - 1; i >= 0; i--)
            suffix[i] = i % size == size - 1 || i == padded - 1 ? line[i] : Math.Max(suffix[i + 1], line[i]);
        for (int i = 0; i < count; i++)
            output[start + i * stride] = Math.Max(suffix[i], prefix[i + size - 1]);
    }

    /// <summary><see cref="Ratio"/> and the height of the rows holding ink (both 0 with too little ink).</summary>
    private static (double Ratio, int Height) Measure(GrayImage crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        int threshold = Math.Min((int)Thresholding.Otsu(crop), 200);
        int w = crop.Width, h = crop.Height;
        var px = crop.Pixels;
        long ink = 0, boundary = 0;
        int top = h, bottom = -1;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                if (px[y * w + x] > threshold) continue;
                ink++;
                if (y < top) top = y;
                bottom = y;
                if (x == 0 || x == w - 1 || y == 0 || y == h - 1 || px[y * w + x - 1] > threshold
                    || px[y * w + x + 1] > threshold || px[(y - 1) * w + x] > threshold || px[(y + 1) * w + x] > threshold)
                    boundary++;
            }
        }
        if (ink < MinInk) return (0, 0);
        int height = bottom - top + 1;
        return (2.0 * ink / Math.Max(boundary, 1) / height, height);
    }
}
