using Pilgi.Core.Raster;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// Scales a crop to the recogniser's line height (area averaging, aspect kept) and to floats in [0, 1],
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
    public static void Write(GrayImage crop, int height, int width, Span<float> target, int stride)
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
}
