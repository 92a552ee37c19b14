using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging;

/// <summary>Turns a decoded colour page into the grey raster the pipeline works on.</summary>
internal static class PageConverter
{
    public const byte White = 255;

    public static GrayImage ToGray(ImageFrame<Rgb24> frame, SealInkFilter sealInk)
    {
        int width = frame.Width, height = frame.Height;
        var pixels = new byte[width * height];
        // 0 = not seal, 1 = seal ink, 2 = a faintly red pixel that is seal ink only if a seal pixel is near
        var seal = sealInk.Enabled ? new byte[width * height] : null;
        bool anySeal = false;
        frame.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var target = pixels.AsSpan(y * width, width);
                for (int x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    if (seal is not null && sealInk.IsSealInk(p.R, p.G, p.B))
                    {
                        target[x] = White;
                        seal[y * width + x] = 1;
                        anySeal = true;
                        continue;
                    }
                    target[x] = Luminance(p.R, p.G, p.B);
                    if (seal is not null && sealInk.IsSealFringe(p.R, p.G, p.B)) seal[y * width + x] = 2;
                }
            }
        });
        if (anySeal) WhitenFringe(pixels, seal!, width, height, sealInk.FringeRadius);
        return new GrayImage(width, height, pixels);
    }

    /// <summary>
    /// JPEG's halved colour resolution smears a seal's edges into greyish-pink pixels: those next to seal ink
    /// are seal too.
    /// </summary>
    private static void WhitenFringe(byte[] pixels, byte[] seal, int width, int height, int radius)
    {
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                if (seal[row + x] != 2) continue;
                bool near = false;
                for (int yy = Math.Max(0, y - radius); yy <= Math.Min(height - 1, y + radius) && !near; yy++)
                    for (int xx = Math.Max(0, x - radius); xx <= Math.Min(width - 1, x + radius); xx++)
                        if (seal[yy * width + xx] == 1) { near = true; break; }
                if (near) pixels[row + x] = White;
            }
        }
    }

    /// <summary>BT.601 luma in fixed point; the weights sum to 256 so grey stays exactly grey.</summary>
    public static byte Luminance(byte red, byte green, byte blue) =>
        (byte)((77 * red + 150 * green + 29 * blue + 128) >> 8);
}
