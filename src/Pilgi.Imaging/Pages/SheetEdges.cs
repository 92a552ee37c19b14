using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// The brightness edges of a (downsampled) photo, as evidence for a sheet's sides: where the grey steps up, in which
/// direction, and whether the step is one from desk to paper (darker everywhere a little way out than a little way in,
/// as the desk is but a printed rule, a grey bar or a shadow's edge on the paper is not).
/// </summary>
internal sealed class SheetEdges
{
    /// <summary>How far a side's direction may turn from the frame's (the sheet turned, seen at an angle).</summary>
    public const double MaxTurn = 25 * Math.PI / 180;

    /// <summary>Paper must be at least this many grey levels brighter than what lies outside it, everywhere along a side.</summary>
    private const int PaperOverDesk = 3;

    /// <summary>The distances (pixels) out from a side at which the desk is looked for, and the one in at which paper is.</summary>
    private static readonly int[] OutsideSteps = [4, 8, 14];
    private const int InsideStep = 6;

    /// <summary>A step in grey of at least this many levels per pixel (after smoothing) is an edge.</summary>
    private const double MinSlope = 1.2;

    private readonly byte[] _smooth;
    private readonly bool[][] _nearSideEdge;

    private SheetEdges(int width, int height, byte[] smooth, float[] magnitude, float[] angle, bool[] edge, bool[][] nearSideEdge)
    {
        Width = width;
        Height = height;
        _smooth = smooth;
        Magnitude = magnitude;
        Angle = angle;
        Edge = edge;
        _nearSideEdge = nearSideEdge;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Gradient magnitude (grey levels per pixel) of the smoothed image.</summary>
    public float[] Magnitude { get; }

    /// <summary>Gradient direction, radians in [0, 2π), pointing from dark to bright (y down).</summary>
    public float[] Angle { get; }

    /// <summary>Thin edges: strong, and the strongest across their own direction.</summary>
    public bool[] Edge { get; }

    public static SheetEdges Of(GrayImage small)
    {
        int w = small.Width, h = small.Height;
        var smooth = BoxBlur(BoxBlur(small.Pixels, w, h), w, h);
        var magnitude = new float[w * h];
        var angle = new float[w * h];
        for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++)
        {
            int i = y * w + x;
            double gx = (smooth[i - w + 1] + 2 * smooth[i + 1] + smooth[i + w + 1] - smooth[i - w - 1] - 2 * smooth[i - 1] - smooth[i + w - 1]) / 8.0;
            double gy = (smooth[i + w - 1] + 2 * smooth[i + w] + smooth[i + w + 1] - smooth[i - w - 1] - 2 * smooth[i - w] - smooth[i - w + 1]) / 8.0;
            magnitude[i] = (float)Math.Sqrt(gx * gx + gy * gy);
            double a = Math.Atan2(gy, gx);
            angle[i] = (float)(a < 0 ? a + 2 * Math.PI : a);
        }
        var edge = ThinEdges(magnitude, angle, w, h);
        var near = SheetSides.All.Select(side => Dilate(SideEdges(edge, angle, side), w, h, 2)).ToArray();
        return new SheetEdges(w, h, smooth, magnitude, angle, edge, near);
    }

    /// <summary>Whether an edge facing <paramref name="side"/>'s way lies within 2 px of (x, y).</summary>
    public bool NearSideEdge(SheetSide side, int x, int y) =>
        x >= 0 && y >= 0 && x < Width && y < Height && _nearSideEdge[(int)side][y * Width + x];

    /// <summary>Whether an edge pixel's brightness rises towards the inside of <paramref name="side"/> (within <see cref="MaxTurn"/>).</summary>
    public bool Faces(SheetSide side, int i) => AngleBetween(Angle[i], side.Inward()) <= MaxTurn;

    /// <summary>
    /// Whether (x, y) on a side whose paper lies along <paramref name="inward"/> (a unit vector) has paper inside and
    /// something clearly darker at every distance looked at outside; false where the outside leaves the frame (a scan's
    /// page or a sheet cut by the frame shows no desk there).
    /// </summary>
    public bool PaperInside(double x, double y, double inwardX, double inwardY)
    {
        double inside = Sample(x + InsideStep * inwardX, y + InsideStep * inwardY);
        if (inside < 0) return false;
        foreach (int step in OutsideSteps)
        {
            double outside = Sample(x - step * inwardX, y - step * inwardY);
            if (outside < 0 || inside < outside + PaperOverDesk) return false;
        }
        return true;
    }

    private double Sample(double x, double y)
    {
        int xi = (int)Math.Round(x), yi = (int)Math.Round(y);
        if (xi < 0 || yi < 0 || xi >= Width || yi >= Height) return -1;
        return _smooth[yi * Width + xi];
    }

    public static double AngleBetween(double a, double b)
    {
        double d = Math.Abs(a - b) % (2 * Math.PI);
        return d > Math.PI ? 2 * Math.PI - d : d;
    }

    /// <summary>A 5x5 box blur, run twice: desk grain and camera noise must not make edges of their own.</summary>
    private static byte[] BoxBlur(byte[] px, int w, int h)
    {
        var rows = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            int sum = 0, n = 0;
            for (int x = -2; x < w + 2; x++)
            {
                if (x + 2 < w) { sum += px[y * w + x + 2]; n++; }
                if (x - 3 >= 0) { sum -= px[y * w + x - 3]; n--; }
                if (x >= 0 && x < w) rows[y * w + x] = (byte)((sum + n / 2) / n);
            }
        }
        var output = new byte[w * h];
        for (int x = 0; x < w; x++)
        {
            int sum = 0, n = 0;
            for (int y = -2; y < h + 2; y++)
            {
                if (y + 2 < h) { sum += rows[(y + 2) * w + x]; n++; }
                if (y - 3 >= 0) { sum -= rows[(y - 3) * w + x]; n--; }
                if (y >= 0 && y < h) output[y * w + x] = (byte)((sum + n / 2) / n);
            }
        }
        return output;
    }

    /// <summary>Strong gradients that are local maxima across their own direction (one pixel wide).</summary>
    private static bool[] ThinEdges(float[] magnitude, float[] angle, int w, int h)
    {
        var edge = new bool[w * h];
        for (int y = 1; y < h - 1; y++)
        for (int x = 1; x < w - 1; x++)
        {
            int i = y * w + x;
            float m = magnitude[i];
            if (m < MinSlope) continue;
            int dx = (int)Math.Round(Math.Cos(angle[i])), dy = (int)Math.Round(Math.Sin(angle[i]));
            if (m >= magnitude[i + dy * w + dx] && m > magnitude[i - dy * w - dx]) edge[i] = true;
        }
        return edge;
    }

    private static bool[] SideEdges(bool[] edge, float[] angle, SheetSide side)
    {
        double inward = side.Inward();
        var mask = new bool[edge.Length];
        for (int i = 0; i < edge.Length; i++) mask[i] = edge[i] && AngleBetween(angle[i], inward) <= MaxTurn;
        return mask;
    }

    private static bool[] Dilate(bool[] mask, int w, int h, int r)
    {
        var rows = new bool[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            if (!mask[y * w + x]) continue;
            for (int xx = Math.Max(0, x - r); xx <= Math.Min(w - 1, x + r); xx++) rows[y * w + xx] = true;
        }
        var output = new bool[w * h];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            if (!rows[y * w + x]) continue;
            for (int yy = Math.Max(0, y - r); yy <= Math.Min(h - 1, y + r); yy++) output[yy * w + x] = true;
        }
        return output;
    }
}
