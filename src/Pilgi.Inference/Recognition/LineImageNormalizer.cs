using Pilgi.Core.Raster;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// Scales a crop to the recogniser's line height (aspect kept; <see cref="LineScaling"/>) and to floats in [0, 1],
/// the same way the training lines were made (paper light, ink dark).
/// </summary>
public static class LineImageNormalizer
{
    /// <param name="widthShare">1 keeps the crop's aspect; less scales it narrower.</param>
    public static int TargetWidth(GrayImage crop, int height, int minWidth, int maxWidth, int multiple, double widthShare = 1.0)
    {
        int w = (int)Math.Round(crop.Width * (double)height / crop.Height * widthShare);
        w = Math.Clamp(w, minWidth, maxWidth);
        return (w + multiple - 1) / multiple * multiple;
    }

    /// <summary>Writes the scaled crop into <paramref name="target"/> (height x stride floats, pre-filled with 1 = paper).</summary>
    public static void Write(GrayImage crop, int height, int width, Span<float> target, int stride, LineScaling scaling = LineScaling.Area)
    {
        if (scaling == LineScaling.Triangle) WriteTriangle(crop, height, width, target, stride);
        else WriteArea(crop, height, width, target, stride);
    }

    private static void WriteArea(GrayImage crop, int height, int width, Span<float> target, int stride)
    {
        double sy = (double)crop.Height / height, sx = (double)crop.Width / width;
        var px = crop.Pixels;
        int cw = crop.Width;
        for (int y = 0; y < height; y++)
        {
            double y0 = y * sy, y1 = Math.Min(crop.Height, (y + 1) * sy);
            for (int x = 0; x < width; x++)
            {
                double x0 = x * sx, x1 = Math.Min(cw, (x + 1) * sx);
                double sum = 0, area = 0;
                for (int yy = (int)y0; yy < y1; yy++)
                {
                    double wy = Math.Min(y1, yy + 1) - Math.Max(y0, yy);
                    if (wy <= 0) continue;
                    int row = yy * cw;
                    for (int xx = (int)x0; xx < x1; xx++)
                    {
                        double wx = Math.Min(x1, xx + 1) - Math.Max(x0, xx);
                        if (wx <= 0) continue;
                        sum += px[row + xx] * wx * wy;
                        area += wx * wy;
                    }
                }
                target[y * stride + x] = area > 0 ? (float)(sum / area / 255.0) : 1f;
            }
        }
    }

    /// <summary>Separable tent filter: across each row first, then down each column of that.</summary>
    private static void WriteTriangle(GrayImage crop, int height, int width, Span<float> target, int stride)
    {
        var (xStart, xWeights) = TentWeights(crop.Width, width);
        var (yStart, yWeights) = TentWeights(crop.Height, height);
        var px = crop.Pixels;
        int cw = crop.Width;
        // pooled: a tall crop's rows pass the large-object size, and every line is scaled three times
        var rows = System.Buffers.ArrayPool<float>.Shared.Rent(crop.Height * width);
        try
        {
            for (int y = 0; y < crop.Height; y++)
            {
                int row = y * cw;
                for (int x = 0; x < width; x++)
                {
                    var weights = xWeights[x];
                    double sum = 0;
                    for (int k = 0; k < weights.Length; k++) sum += px[row + xStart[x] + k] * weights[k];
                    rows[y * width + x] = (float)sum;
                }
            }
            for (int y = 0; y < height; y++)
            {
                var weights = yWeights[y];
                for (int x = 0; x < width; x++)
                {
                    double sum = 0;
                    for (int k = 0; k < weights.Length; k++) sum += rows[(yStart[y] + k) * width + x] * weights[k];
                    target[y * stride + x] = (float)Math.Clamp(sum / 255.0, 0, 1);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// For each output position, the first input it reads and the normalised weights of the inputs from there: a tent
    /// of half-width 1 output pixel (in input pixels: the scale, when shrinking), centred where the output pixel's
    /// centre falls.
    /// </summary>
    private static (int[] Start, double[][] Weights) TentWeights(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        double spread = Math.Max(scale, 1.0);
        var start = new int[outSize];
        var weights = new double[outSize][];
        for (int o = 0; o < outSize; o++)
        {
            double centre = (o + 0.5) * scale;
            int first = Math.Max((int)Math.Floor(centre - spread + 0.5), 0);
            int last = Math.Min((int)Math.Floor(centre + spread + 0.5), inSize);
            // the input pixel under the centre always lies in [first, last) with a weight of at least ½: total > 0
            var w = new double[last - first];
            double total = 0;
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = Math.Max(0, 1 - Math.Abs((first + i + 0.5 - centre) / spread));
                total += w[i];
            }
            for (int i = 0; i < w.Length; i++) w[i] /= total;
            start[o] = first;
            weights[o] = w;
        }
        return (start, weights);
    }
}
