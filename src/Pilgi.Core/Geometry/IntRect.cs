namespace Pilgi.Core.Geometry;

/// <summary>Whole-pixel rectangle: columns [X, X+W), rows [Y, Y+H).</summary>
public readonly record struct IntRect(int X, int Y, int W, int H)
{
    public int Right => X + W;
    public int Bottom => Y + H;
    public long Area => W > 0 && H > 0 ? (long)W * H : 0;
    public bool IsEmpty => W <= 0 || H <= 0;

    public Box ToBox() => new(X, Y, W, H);

    /// <summary>The part of the rectangle inside a width x height image (may be empty).</summary>
    public IntRect Clamp(int width, int height)
    {
        int x0 = Math.Clamp(X, 0, width), y0 = Math.Clamp(Y, 0, height);
        int x1 = Math.Clamp(Right, 0, width), y1 = Math.Clamp(Bottom, 0, height);
        return new IntRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    /// <summary>The smallest whole-pixel rectangle covering <paramref name="box"/> (floor of the start, ceiling of the end).</summary>
    public static IntRect Covering(Box box)
    {
        int x0 = (int)Math.Floor(box.X), y0 = (int)Math.Floor(box.Y);
        int x1 = (int)Math.Ceiling(box.Right), y1 = (int)Math.Ceiling(box.Bottom);
        return new IntRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}
