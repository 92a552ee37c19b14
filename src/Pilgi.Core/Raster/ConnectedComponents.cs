using Pilgi.Core.Geometry;

namespace Pilgi.Core.Raster;

/// <summary>Connected-component labelling of a <see cref="BinaryMask"/>.</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Components of set pixels in raster order of their first pixel (top-most, then left-most).
    /// <paramref name="connectivity"/> is 8 (diagonals connect) or 4. Components smaller than
    /// <paramref name="minPixels"/> are dropped.
    /// </summary>
    public static IReadOnlyList<ConnectedComponent> Find(BinaryMask mask, int connectivity = 8, int minPixels = 1)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (connectivity is not (4 or 8))
            throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "Connectivity must be 4 or 8.");

        int w = mask.Width, h = mask.Height;
        var pending = (byte[])mask.Bits.Clone(); // cleared as pixels are visited
        var stack = new int[1024];
        var components = new List<ConnectedComponent>();

        for (int start = 0; start < pending.Length; start++)
        {
            if (pending[start] == 0) continue;
            pending[start] = 0;
            int top = 0;
            stack[top++] = start;
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1, count = 0;

            while (top > 0)
            {
                int p = stack[--top];
                int x = p % w, y = p / w;
                count++;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;

                int y0 = Math.Max(0, y - 1), y1 = Math.Min(h - 1, y + 1);
                int x0 = Math.Max(0, x - 1), x1 = Math.Min(w - 1, x + 1);
                for (int ny = y0; ny <= y1; ny++)
                {
                    int rowStart = ny * w;
                    for (int nx = x0; nx <= x1; nx++)
                    {
                        if (connectivity == 4 && nx != x && ny != y) continue;
                        int q = rowStart + nx;
                        if (pending[q] == 0) continue;
                        pending[q] = 0;
                        if (top == stack.Length) Array.Resize(ref stack, stack.Length * 2);
                        stack[top++] = q;
                    }
                }
            }
            if (count >= minPixels)
                components.Add(new ConnectedComponent(new IntRect(minX, minY, maxX - minX + 1, maxY - minY + 1), count));
        }
        return components;
    }
}
