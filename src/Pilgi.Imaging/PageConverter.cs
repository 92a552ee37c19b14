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
        int width = frame.Width;
        var pixels = new byte[width * frame.Height];
        frame.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var target = pixels.AsSpan(y * width, width);
                for (int x = 0; x < row.Length; x++)
                {
                    var p = row[x];
                    target[x] = sealInk.IsSealInk(p.R, p.G, p.B) ? White : Luminance(p.R, p.G, p.B);
                }
            }
        });
        return new GrayImage(width, frame.Height, pixels);
    }

    /// <summary>BT.601 luma in fixed point; the weights sum to 256 so grey stays exactly grey.</summary>
    public static byte Luminance(byte red, byte green, byte blue) =>
        (byte)((77 * red + 150 * green + 29 * blue + 128) >> 8);
}
