using Pilgi.Core.Raster;

namespace Pilgi.Inference.Detection;

/// <summary>
/// Clears long, thin horizontal and vertical runs from an ink mask: what is left of a printed rule where
/// registration is a pixel or two off. Handwriting that merely touches the rule keeps its own strokes.
/// </summary>
public static class RuleResidueEraser
{
    /// <param name="minLength">Shortest run that counts as a rule (working pixels).</param>
    /// <param name="maxThickness">Thickest a rule's residue is across the run.</param>
    public static void Erase(BinaryMask mask, int minLength, int maxThickness)
    {
        int w = mask.Width, h = mask.Height;
        var bits = mask.Bits;
        var clear = new List<int>();
        // horizontal runs, thin vertically
        for (int y = 0; y < h; y++)
        {
            int row = y * w, x = 0;
            while (x < w)
            {
                if (bits[row + x] == 0) { x++; continue; }
                int start = x;
                while (x < w && bits[row + x] != 0) x++;
                if (x - start < minLength) continue;
                for (int i = start; i < x; i++)
                    if (Extent(bits, w, h, i, y, 0, 1) <= maxThickness) clear.Add(row + i);
            }
        }
        // vertical runs, thin horizontally
        for (int x = 0; x < w; x++)
        {
            int y = 0;
            while (y < h)
            {
                if (bits[y * w + x] == 0) { y++; continue; }
                int start = y;
                while (y < h && bits[y * w + x] != 0) y++;
                if (y - start < minLength) continue;
                for (int i = start; i < y; i++)
                    if (Extent(bits, w, h, x, i, 1, 0) <= maxThickness) clear.Add(i * w + x);
            }
        }
        foreach (int i in clear) bits[i] = 0;
    }

    /// <summary>Length of the set run through (x, y) along (dx, dy), stopping once it exceeds a rule's thickness.</summary>
    private static int Extent(byte[] bits, int w, int h, int x, int y, int dx, int dy)
    {
        int n = 1;
        for (int k = 1; k <= 8; k++)
        {
            int xx = x - k * dx, yy = y - k * dy;
            if (xx < 0 || yy < 0 || bits[yy * w + xx] == 0) break;
            n++;
        }
        for (int k = 1; k <= 8; k++)
        {
            int xx = x + k * dx, yy = y + k * dy;
            if (xx >= w || yy >= h || bits[yy * w + xx] == 0) break;
            n++;
        }
        return n;
    }
}
