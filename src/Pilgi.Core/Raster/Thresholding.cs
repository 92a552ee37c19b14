namespace Pilgi.Core.Raster;

/// <summary>Global binarisation. Ink is dark, so pixels at or below the threshold become set.</summary>
public static class Thresholding
{
    /// <summary>Mask of pixels with value &lt;= <paramref name="threshold"/>.</summary>
    public static BinaryMask Threshold(GrayImage image, byte threshold)
    {
        ArgumentNullException.ThrowIfNull(image);
        var src = image.Pixels;
        var bits = new byte[src.Length];
        for (int i = 0; i < src.Length; i++) bits[i] = src[i] <= threshold ? (byte)1 : (byte)0;
        return new BinaryMask(image.Width, image.Height, bits);
    }

    public static long[] Histogram(GrayImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var histogram = new long[256];
        foreach (byte p in image.Pixels) histogram[p]++;
        return histogram;
    }

    /// <summary>
    /// The grey level at or below which <paramref name="share"/> of the pixels from level <paramref name="from"/> up lie
    /// (the first <paramref name="count"/> of them, by default all): of an image's <see cref="Histogram"/>.
    /// </summary>
    public static int Quantile(long[] histogram, double share, int from = 0, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long pixels = count ?? histogram.Skip(from).Sum();
        long rank = Math.Max(1, (long)Math.Ceiling(share * pixels)), seen = 0;
        for (int v = from; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen >= rank) return v;
        }
        return histogram.Length - 1;
    }

    /// <summary>
    /// Otsu's threshold: the t maximising between-class variance of {p &lt;= t} and {p &gt; t}.
    /// Feed it to <see cref="Threshold"/>. A single-level image gives that level.
    /// </summary>
    public static byte Otsu(GrayImage image) => Otsu(Histogram(image));

    /// <summary><see cref="Otsu(GrayImage)"/> of an image whose <see cref="Histogram"/> is already at hand.</summary>
    public static byte Otsu(long[] histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Length != 256) throw new ArgumentException("A histogram has 256 grey levels.", nameof(histogram));
        long total = histogram.Sum();
        double sumAll = 0;
        for (int i = 0; i < 256; i++) sumAll += i * (double)histogram[i];

        double sumBelow = 0, bestVariance = -1;
        long countBelow = 0;
        int best = 0;
        for (int t = 0; t < 256; t++)
        {
            countBelow += histogram[t];
            sumBelow += t * (double)histogram[t];
            long countAbove = total - countBelow;
            if (countBelow == 0) continue;
            if (countAbove == 0) break;
            double meanBelow = sumBelow / countBelow, meanAbove = (sumAll - sumBelow) / countAbove;
            double diff = meanBelow - meanAbove;
            double variance = (double)countBelow * countAbove * diff * diff;
            if (variance > bestVariance) { bestVariance = variance; best = t; }
        }
        if (bestVariance < 0)
        {
            // One grey level only: return it so that Threshold marks nothing darker as ink.
            for (int i = 0; i < 256; i++) if (histogram[i] > 0) return (byte)i;
        }
        return (byte)best;
    }
}
