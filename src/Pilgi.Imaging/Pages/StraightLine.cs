using Pilgi.Core.Geometry;

namespace Pilgi.Imaging.Pages;

/// <summary>A straight line a x + b y = c, as the sides of a sheet are found.</summary>
internal readonly record struct StraightLine(double A, double B, double C)
{
    public static StraightLine FromYOfX(double slope, double offset) => new(-slope, 1, offset);

    public static StraightLine FromXOfY(double slope, double offset) => new(1, -slope, offset);

    public static PointD? Intersect(StraightLine p, StraightLine q)
    {
        double det = p.A * q.B - q.A * p.B;
        if (Math.Abs(det) < 1e-9) return null;
        return new PointD((p.C * q.B - q.C * p.B) / det, (p.A * q.C - q.A * p.C) / det);
    }

    /// <summary>The corners top-left, top-right, bottom-right, bottom-left of four sides; null when two of them do not meet.</summary>
    public static PointD[]? Corners(StraightLine top, StraightLine right, StraightLine bottom, StraightLine left)
    {
        PointD?[] corners = [Intersect(top, left), Intersect(top, right), Intersect(bottom, right), Intersect(bottom, left)];
        return corners.Any(c => c is null) ? null : corners.Select(c => c!.Value).ToArray();
    }
}
