namespace Pilgi.Core.Geometry;

/// <summary>
/// Axis-aligned rectangle in pixels: top-left (<see cref="X"/>, <see cref="Y"/>), width <see cref="W"/>, height <see cref="H"/>.
/// Empty results (no overlap) have zero width or height; <see cref="Area"/> never goes negative.
/// </summary>
public readonly record struct Box(double X, double Y, double W, double H)
{
    public static Box Empty => default;

    public double Right => X + W;
    public double Bottom => Y + H;
    public double Area => W > 0 && H > 0 ? W * H : 0;
    public bool IsEmpty => !(W > 0 && H > 0);
    public PointD Center => new(X + W / 2, Y + H / 2);

    public bool Contains(PointD p) => p.X >= X && p.X <= Right && p.Y >= Y && p.Y <= Bottom;

    /// <summary>The overlap of both boxes; an empty box (W or H = 0) when they do not overlap.</summary>
    public Box Intersect(Box other)
    {
        double x0 = Math.Max(X, other.X), y0 = Math.Max(Y, other.Y);
        double x1 = Math.Min(Right, other.Right), y1 = Math.Min(Bottom, other.Bottom);
        return new Box(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    /// <summary>The smallest box holding both. An empty operand is ignored.</summary>
    public Box Union(Box other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        double x0 = Math.Min(X, other.X), y0 = Math.Min(Y, other.Y);
        double x1 = Math.Max(Right, other.Right), y1 = Math.Max(Bottom, other.Bottom);
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Intersection over union; 0 when both are empty.</summary>
    public double Iou(Box other)
    {
        double inter = Intersect(other).Area;
        double union = Area + other.Area - inter;
        return union > 0 ? inter / union : 0;
    }

    /// <summary>Grows the box by <paramref name="dx"/> on the left and right and <paramref name="dy"/> on top and bottom.</summary>
    public Box Inflate(double dx, double dy) => new(X - dx, Y - dy, W + 2 * dx, H + 2 * dy);

    /// <summary>The part of the box inside [0, width] x [0, height].</summary>
    public Box Clamp(double width, double height) => Intersect(new Box(0, 0, width, height));

    /// <summary>[x, y, w, h], each rounded half away from zero (the JSON form of boxes).</summary>
    public int[] ToIntArray() =>
    [
        (int)Math.Round(X, MidpointRounding.AwayFromZero),
        (int)Math.Round(Y, MidpointRounding.AwayFromZero),
        (int)Math.Round(W, MidpointRounding.AwayFromZero),
        (int)Math.Round(H, MidpointRounding.AwayFromZero),
    ];

    /// <summary>The bounds of the points. Throws <see cref="ArgumentException"/> when there are none.</summary>
    public static Box FromPoints(IEnumerable<PointD> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double x0 = double.PositiveInfinity, y0 = double.PositiveInfinity;
        double x1 = double.NegativeInfinity, y1 = double.NegativeInfinity;
        bool any = false;
        foreach (var p in points)
        {
            any = true;
            x0 = Math.Min(x0, p.X); y0 = Math.Min(y0, p.Y);
            x1 = Math.Max(x1, p.X); y1 = Math.Max(y1, p.Y);
        }
        if (!any) throw new ArgumentException("At least one point is needed.", nameof(points));
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>From [x, y, w, h]. Throws <see cref="ArgumentException"/> unless there are exactly four finite values.</summary>
    public static Box FromArray(IReadOnlyList<double> xywh)
    {
        ArgumentNullException.ThrowIfNull(xywh);
        if (xywh.Count != 4)
            throw new ArgumentException($"A box needs 4 values [x, y, w, h], got {xywh.Count}.", nameof(xywh));
        for (int i = 0; i < 4; i++)
            if (!double.IsFinite(xywh[i])) throw new ArgumentException("Box values must be finite numbers.", nameof(xywh));
        return new Box(xywh[0], xywh[1], xywh[2], xywh[3]);
    }

    public override string ToString() => $"[{X:0.##}, {Y:0.##}, {W:0.##}, {H:0.##}]";
}
