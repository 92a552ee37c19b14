namespace Pilgi.Core.Raster;

/// <summary>
/// A crop's ink brought to the darkness a recogniser learned: a blue ballpoint scanned grey, a worn pen or a pale
/// photo writes lighter than any training line did, and reads worse for it.
/// </summary>
public static class InkContrast
{
    /// <summary>Ink and paper closer than this are no writing to darken (an empty crop's noise, a smudge).</summary>
    public const int MinContrast = 40;

    /// <summary>
    /// The crop with its ink's level (<see cref="Measure"/>) brought down to <paramref name="inkLevel"/> and every
    /// pixel between ink and paper moved in proportion, the paper's level kept; the crop itself where its ink is
    /// already that dark, or where there is too little ink or contrast to tell ink from paper.
    /// </summary>
    public static GrayImage Darkened(GrayImage crop, byte inkLevel)
    {
        ArgumentNullException.ThrowIfNull(crop);
        if (Measure(crop) is not var (ink, paper) || ink <= inkLevel || paper - ink < MinContrast) return crop;
        double scale = (paper - inkLevel) / (double)(paper - ink);
        var map = new byte[256];
        for (int v = 0; v < 256; v++)
            map[v] = (byte)Math.Clamp(Math.Round(paper - (paper - v) * scale), 0, 255);
        var source = crop.Pixels;
        var result = new byte[source.Length];
        for (int i = 0; i < source.Length; i++) result[i] = map[source[i]];
        return new GrayImage(crop.Width, crop.Height, result);
    }

    /// <summary>
    /// The ink's level, the tenth percentile of the pixels at or below the crop's Otsu threshold (capped at 200, as
    /// <see cref="StrokeWidth"/> takes ink): the cores of the strokes rather than their soft edges or a stray dark
    /// speck; and the paper's, the median of the pixels above it. Null with fewer than <see cref="StrokeWidth.MinInk"/>
    /// ink pixels or no paper.
    /// </summary>
    public static (int Ink, int Paper)? Measure(GrayImage crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        var histogram = Thresholding.Histogram(crop);
        int threshold = Math.Min((int)Thresholding.Otsu(histogram), 200);
        long inkCount = 0;
        for (int v = 0; v <= threshold; v++) inkCount += histogram[v];
        long paperCount = crop.Pixels.LongLength - inkCount;
        if (inkCount < StrokeWidth.MinInk || paperCount == 0) return null;
        return (Thresholding.Quantile(histogram, 0.10, count: inkCount), Thresholding.Quantile(histogram, 0.50, from: threshold + 1));
    }
}
