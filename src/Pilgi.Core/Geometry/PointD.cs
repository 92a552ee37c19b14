namespace Pilgi.Core.Geometry;

/// <summary>A point in pixel coordinates (x to the right, y down).</summary>
public readonly record struct PointD(double X, double Y)
{
    public static PointD operator +(PointD a, PointD b) => new(a.X + b.X, a.Y + b.Y);
    public static PointD operator -(PointD a, PointD b) => new(a.X - b.X, a.Y - b.Y);
    public static PointD operator *(PointD p, double k) => new(p.X * k, p.Y * k);

    public double DistanceTo(PointD other) => Math.Sqrt(DistanceSquaredTo(other));

    public double DistanceSquaredTo(PointD other)
    {
        double dx = X - other.X, dy = Y - other.Y;
        return dx * dx + dy * dy;
    }
}
