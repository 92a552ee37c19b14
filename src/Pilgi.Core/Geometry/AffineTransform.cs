namespace Pilgi.Core.Geometry;

/// <summary>
/// 2x3 affine map (x, y) -> (A*x + B*y + C, D*x + E*y + F) in pixel coordinates (y down, so a positive
/// angle turns clockwise on screen).
/// </summary>
public readonly record struct AffineTransform(double A, double B, double C, double D, double E, double F)
{
    public static AffineTransform Identity { get; } = new(1, 0, 0, 0, 1, 0);

    public static AffineTransform Translate(double tx, double ty) => new(1, 0, tx, 0, 1, ty);

    public static AffineTransform Scale(double sx, double sy) => new(sx, 0, 0, 0, sy, 0);

    /// <summary>Rotation by <paramref name="angleRadians"/> and uniform <paramref name="scale"/> about the origin, then a shift.</summary>
    public static AffineTransform Similarity(double scale, double angleRadians, double tx, double ty)
    {
        double c = scale * Math.Cos(angleRadians), s = scale * Math.Sin(angleRadians);
        return new AffineTransform(c, -s, tx, s, c, ty);
    }

    public double Determinant => A * E - B * D;

    /// <summary>Angle of the mapped x axis, in degrees (the rotation of the QR decomposition M = R * [[sx, k], [0, sy]]).</summary>
    public double RotationDegrees => Math.Atan2(D, A) * 180.0 / Math.PI;

    /// <summary>Length of the mapped x axis.</summary>
    public double ScaleX => Math.Sqrt(A * A + D * D);

    /// <summary>Scale along the y axis after removing rotation and shear; negative when the map mirrors.</summary>
    public double ScaleY => ScaleX > 0 ? Determinant / ScaleX : 0;

    public PointD Translation => new(C, F);

    public bool IsInvertible => Math.Abs(Determinant) > 1e-12;

    public PointD Apply(PointD p) => new(A * p.X + B * p.Y + C, D * p.X + E * p.Y + F);

    /// <summary>The bounds of the four mapped corners.</summary>
    public Box Apply(Box box)
    {
        var p1 = Apply(new PointD(box.X, box.Y));
        var p2 = Apply(new PointD(box.Right, box.Y));
        var p3 = Apply(new PointD(box.Right, box.Bottom));
        var p4 = Apply(new PointD(box.X, box.Bottom));
        double x0 = Math.Min(Math.Min(p1.X, p2.X), Math.Min(p3.X, p4.X));
        double x1 = Math.Max(Math.Max(p1.X, p2.X), Math.Max(p3.X, p4.X));
        double y0 = Math.Min(Math.Min(p1.Y, p2.Y), Math.Min(p3.Y, p4.Y));
        double y1 = Math.Max(Math.Max(p1.Y, p2.Y), Math.Max(p3.Y, p4.Y));
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The inverse map. Throws <see cref="InvalidOperationException"/> when the map is singular.</summary>
    public AffineTransform Inverse()
    {
        double det = Determinant;
        if (!IsInvertible) throw new InvalidOperationException("The transform is singular and has no inverse.");
        double ia = E / det, ib = -B / det, id = -D / det, ie = A / det;
        return new AffineTransform(ia, ib, -(ia * C + ib * F), id, ie, -(id * C + ie * F));
    }

    /// <summary>The map that applies this transform first and <paramref name="next"/> second.</summary>
    public AffineTransform Then(AffineTransform next) => new(
        next.A * A + next.B * D, next.A * B + next.B * E, next.A * C + next.B * F + next.C,
        next.D * A + next.E * D, next.D * B + next.E * E, next.D * C + next.E * F + next.F);

    public override string ToString() => $"[{A:0.#####} {B:0.#####} {C:0.##}; {D:0.#####} {E:0.#####} {F:0.##}]";
}
