using Pilgi.Core.Raster;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// Scales a crop to the recogniser's line height (aspect kept) and to floats in [0, 1] (paper light, ink dark), the
/// way the training lines were made: Pillow's bilinear resize, a triangle filter widened by the scale when shrinking.
/// Plain area averaging keeps a thin pen stroke sharper than training ever showed it (real pen words read 4-5 points
/// worse exactly with it).
/// </summary>
public static class LineImageNormalizer
{
    /// <summary>The width the crop's content is scaled to: its aspect at <paramref name="height"/>, clamped.</summary>
    public static int ContentWidth(GrayImage crop, int height, int minWidth, int maxWidth)
    {
        int w = (int)Math.Round(crop.Width * (double)height / crop.Height);
        return Math.Clamp(w, minWidth, maxWidth);
    }

    /// <summary><see cref="ContentWidth"/> rounded up to the model's width multiple (the rest is paper).</summary>
    public static int TargetWidth(GrayImage crop, int height, int minWidth, int maxWidth, int multiple)
    {
        int w = ContentWidth(crop, height, minWidth, maxWidth);
        return (w + multiple - 1) / multiple * multiple;
    }

    /// <summary>Writes the crop scaled to <paramref name="height"/> x <paramref name="width"/> into
    /// <paramref name="target"/> (rows of <paramref name="stride"/> floats, pre-filled with 1 = paper).</summary>
    public static void Write(GrayImage crop, int height, int width, Span<float> target, int stride)
    {
        var columns = Taps.For(crop.Width, width);
        var rows = Taps.For(crop.Height, height);
        var px = crop.Pixels;
        int cw = crop.Width;
        var horizontal = new double[crop.Height * width];
        for (int y = 0; y < crop.Height; y++)
        {
            int row = y * cw;
            for (int x = 0; x < width; x++)
            {
                double sum = 0;
                var (first, weights) = columns[x];
                for (int k = 0; k < weights.Length; k++) sum += px[row + first + k] * weights[k];
                horizontal[y * width + x] = sum;
            }
        }
        for (int y = 0; y < height; y++)
        {
            var (first, weights) = rows[y];
            for (int x = 0; x < width; x++)
            {
                double sum = 0;
                for (int k = 0; k < weights.Length; k++) sum += horizontal[(first + k) * width + x] * weights[k];
                target[y * stride + x] = (float)Math.Clamp(sum / 255.0, 0, 1);
            }
        }
    }

    /// <summary>For each output pixel along one axis: the first input pixel it reads and the normalised weights.</summary>
    private static class Taps
    {
        public static (int First, double[] Weights)[] For(int inSize, int outSize)
        {
            double scale = (double)inSize / outSize;
            double filterScale = Math.Max(1.0, scale);
            double support = filterScale; // the triangle's support is 1 input pixel, widened when shrinking
            var taps = new (int, double[])[outSize];
            for (int o = 0; o < outSize; o++)
            {
                double centre = (o + 0.5) * scale;
                int first = Math.Max(0, (int)(centre - support + 0.5));
                int last = Math.Min(inSize, (int)(centre + support + 0.5));
                if (last <= first) (first, last) = (Math.Min(first, inSize - 1), Math.Min(first, inSize - 1) + 1);
                var weights = new double[last - first];
                double total = 0;
                for (int i = 0; i < weights.Length; i++)
                {
                    double d = Math.Abs((first + i - centre + 0.5) / filterScale);
                    weights[i] = d < 1 ? 1 - d : 0;
                    total += weights[i];
                }
                if (total <= 0) { weights[weights.Length / 2] = 1; total = 1; }
                for (int i = 0; i < weights.Length; i++) weights[i] /= total;
                taps[o] = (first, weights);
            }
            return taps;
        }
    }
}
