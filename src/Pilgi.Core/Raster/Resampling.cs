using System.Runtime.CompilerServices;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Raster;

/// <summary>Resizing and geometric warping of grey images.</summary>
public static class Resampling
{
    /// <summary>
    /// Shrinks by an integer factor, each output pixel the rounded mean of its factor x factor block.
    /// The output is ceil(W/factor) x ceil(H/factor); edge blocks average only the pixels they have.
    /// </summary>
    public static GrayImage Downsample(GrayImage src, int factor)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (factor == 1) return src.Clone();
        int sw = src.Width, sh = src.Height;
        int ow = (sw + factor - 1) / factor, oh = (sh + factor - 1) / factor;
        var output = new byte[ow * oh];
        var pixels = src.Pixels;

        ParallelRows.For(oh, sw * factor, oy =>
        {
            Span<int> sums = ow <= 4096 ? stackalloc int[ow] : new int[ow];
            sums.Clear();
            int y0 = oy * factor, y1 = Math.Min(sh, y0 + factor);
            for (int y = y0; y < y1; y++)
            {
                var row = pixels.AsSpan(y * sw, sw);
                for (int ox = 0; ox < ow; ox++)
                {
                    int x0 = ox * factor, x1 = Math.Min(sw, x0 + factor), sum = 0;
                    for (int x = x0; x < x1; x++) sum += row[x];
                    sums[ox] += sum;
                }
            }
            int rows = y1 - y0;
            var dst = output.AsSpan(oy * ow, ow);
            for (int ox = 0; ox < ow; ox++)
            {
                int cols = Math.Min(sw, (ox + 1) * factor) - ox * factor;
                int n = rows * cols;
                dst[ox] = (byte)((sums[ox] + n / 2) / n);
            }
        });
        return new GrayImage(ow, oh, output);
    }

    /// <summary>
    /// Bilinear warp: output pixel (x, y) takes the source value at <c>dstToSrc.Apply((x, y))</c>, with pixel
    /// centres at integer coordinates. Source neighbours outside the image read as <paramref name="fill"/>.
    /// </summary>
    public static GrayImage WarpAffine(GrayImage src, AffineTransform dstToSrc, int outW, int outH, byte fill = GrayImage.White)
    {
        ArgumentNullException.ThrowIfNull(src);
        GrayImage.CheckSize(outW, outH);
        int sw = src.Width, sh = src.Height;
        var pixels = src.Pixels;
        var output = new byte[outW * outH];
        var t = dstToSrc;

        ParallelRows.For(outH, outW, y =>
        {
            var dst = output.AsSpan(y * outW, outW);
            double sx = t.B * y + t.C, sy = t.E * y + t.F;
            for (int x = 0; x < outW; x++, sx += t.A, sy += t.D)
                dst[x] = Bilinear(pixels, sw, sh, sx, sy, fill);
        });
        return new GrayImage(outW, outH, output);
    }

    /// <summary>
    /// Bilinear perspective warp: output pixel (x, y) takes the source value at <c>dstToSrc.Apply((x, y))</c>, pixel
    /// centres at integer coordinates; source neighbours outside the image read as <paramref name="fill"/>.
    /// </summary>
    public static GrayImage WarpPerspective(GrayImage src, Homography dstToSrc, int outW, int outH, byte fill = GrayImage.White)
    {
        ArgumentNullException.ThrowIfNull(src);
        if (dstToSrc.IsAffine) return WarpAffine(src, dstToSrc.ToAffine(), outW, outH, fill);
        GrayImage.CheckSize(outW, outH);
        int sw = src.Width, sh = src.Height;
        var pixels = src.Pixels;
        var output = new byte[outW * outH];
        var t = dstToSrc;

        ParallelRows.For(outH, outW, y =>
        {
            var dst = output.AsSpan(y * outW, outW);
            double nx = t.B * y + t.C, ny = t.E * y + t.F, nw = t.H * y + 1;
            for (int x = 0; x < outW; x++, nx += t.A, ny += t.D, nw += t.G)
                dst[x] = nw > 0 ? Bilinear(pixels, sw, sh, nx / nw, ny / nw, fill) : fill;
        });
        return new GrayImage(outW, outH, output);
    }

    /// <summary>The source value at (sx, sy), pixel centres at integers; neighbours outside the image read as <paramref name="fill"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Bilinear(byte[] pixels, int sw, int sh, double sx, double sy, byte fill)
    {
        double fx0 = Math.Floor(sx), fy0 = Math.Floor(sy);
        if (fx0 < -1 || fy0 < -1 || fx0 >= sw || fy0 >= sh || double.IsNaN(sx) || double.IsNaN(sy)) return fill;
        int x0 = (int)fx0, y0 = (int)fy0;
        double fx = sx - fx0, fy = sy - fy0;
        double p00, p10, p01, p11;
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh)
        {
            int i = y0 * sw + x0;
            p00 = pixels[i]; p10 = pixels[i + 1]; p01 = pixels[i + sw]; p11 = pixels[i + sw + 1];
        }
        else
        {
            p00 = Sample(pixels, sw, sh, x0, y0, fill);
            p10 = Sample(pixels, sw, sh, x0 + 1, y0, fill);
            p01 = Sample(pixels, sw, sh, x0, y0 + 1, fill);
            p11 = Sample(pixels, sw, sh, x0 + 1, y0 + 1, fill);
        }
        double top = p00 + (p10 - p00) * fx, bottom = p01 + (p11 - p01) * fx;
        return (byte)(top + (bottom - top) * fy + 0.5);
    }

    private static byte Sample(byte[] pixels, int w, int h, int x, int y, byte fill) =>
        (uint)x < (uint)w && (uint)y < (uint)h ? pixels[y * w + x] : fill;
}
