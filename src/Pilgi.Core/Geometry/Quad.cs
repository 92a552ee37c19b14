namespace Pilgi.Core.Geometry;

/// <summary>
/// Four corner points as given by AI Hub labels (<c>x[4]</c>, <c>y[4]</c>), in label order
/// (usually clockwise from top-left, but nothing relies on that).
/// </summary>
public readonly record struct Quad(PointD P1, PointD P2, PointD P3, PointD P4)
{
    public PointD[] Points => [P1, P2, P3, P4];

    public Box Bounds => Box.FromPoints(Points);

    public double[] Xs => [P1.X, P2.X, P3.X, P4.X];
    public double[] Ys => [P1.Y, P2.Y, P3.Y, P4.Y];

    public Quad Transform(AffineTransform t) => new(t.Apply(P1), t.Apply(P2), t.Apply(P3), t.Apply(P4));

    /// <summary>The corners of <paramref name="box"/>, clockwise from top-left.</summary>
    public static Quad FromBox(Box box) =>
        new(new(box.X, box.Y), new(box.Right, box.Y), new(box.Right, box.Bottom), new(box.X, box.Bottom));

    /// <summary>
    /// From AI Hub arrays. Exactly four points become the quad; any other count (polygons, two-corner boxes)
    /// becomes the quad of their bounds. Throws <see cref="ArgumentException"/> when lengths differ or are zero.
    /// </summary>
    public static Quad FromArrays(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Count != ys.Count)
            throw new ArgumentException($"x has {xs.Count} values but y has {ys.Count}.");
        if (xs.Count == 0) throw new ArgumentException("x and y are empty.");
        if (xs.Count == 4)
            return new Quad(new(xs[0], ys[0]), new(xs[1], ys[1]), new(xs[2], ys[2]), new(xs[3], ys[3]));
        return FromBox(Box.FromPoints(xs.Select((x, i) => new PointD(x, ys[i]))));
    }
}
