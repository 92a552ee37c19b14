using Pilgi.Core.Geometry;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// What four corners must look like to be a sheet of A4 paper seen from above at a slant: convex, corners near right
/// angles, opposite sides of like length, long side about √2 times the short one, and a fair share of the frame.
/// </summary>
internal static class SheetShape
{
    private const double MinCornerAngle = 55, MaxCornerAngle = 125;
    private const double MinOppositeRatio = 0.6;
    private const double MinAspect = 1.15, MaxAspect = 1.9;

    /// <param name="quad">Corners top-left, top-right, bottom-right, bottom-left.</param>
    public static bool IsPlausible(PointD[] quad, int width, int height, double minShare)
    {
        if (!WithinFrame(quad, width, height)) return false;
        if (!IsConvex(quad) || !IsUpright(quad) || Area(quad) < minShare * width * height) return false;
        for (int i = 0; i < 4; i++)
        {
            double angle = CornerAngle(quad[(i + 3) % 4], quad[i], quad[(i + 1) % 4]);
            if (angle < MinCornerAngle || angle > MaxCornerAngle) return false;
        }
        double top = quad[0].DistanceTo(quad[1]), bottom = quad[3].DistanceTo(quad[2]);
        double left = quad[0].DistanceTo(quad[3]), right = quad[1].DistanceTo(quad[2]);
        if (Math.Min(top, bottom) < MinOppositeRatio * Math.Max(top, bottom)) return false;
        if (Math.Min(left, right) < MinOppositeRatio * Math.Max(left, right)) return false;
        double across = (top + bottom) / 2, down = (left + right) / 2;
        double aspect = Math.Max(across, down) / Math.Max(1e-9, Math.Min(across, down));
        return aspect >= MinAspect && aspect <= MaxAspect;
    }

    /// <summary>No corner further outside the frame than 5 % of its long side.</summary>
    public static bool WithinFrame(PointD[] quad, int width, int height)
    {
        double slack = 0.05 * Math.Max(width, height);
        return !quad.Any(p => p.X < -slack || p.Y < -slack || p.X > width - 1 + slack || p.Y > height - 1 + slack);
    }

    public static bool IsConvex(PointD[] q)
    {
        int sign = 0;
        for (int i = 0; i < 4; i++)
        {
            var a = q[i];
            var b = q[(i + 1) % 4];
            var c = q[(i + 2) % 4];
            double cross = (b.X - a.X) * (c.Y - b.Y) - (b.Y - a.Y) * (c.X - b.X);
            int s = Math.Sign(cross);
            if (s == 0) return false;
            if (sign == 0) sign = s;
            else if (s != sign) return false;
        }
        return true;
    }

    /// <summary>Top-left, top-right, bottom-right, bottom-left where they say (not mirrored, not upside down), running clockwise on the screen (y down).</summary>
    private static bool IsUpright(PointD[] q) =>
        q[0].X < q[1].X && q[3].X < q[2].X && q[0].Y < q[3].Y && q[1].Y < q[2].Y
        && (q[1].X - q[0].X) * (q[2].Y - q[1].Y) - (q[1].Y - q[0].Y) * (q[2].X - q[1].X) > 0;

    public static double Area(PointD[] q)
    {
        double twice = 0;
        for (int i = 0; i < q.Length; i++)
        {
            var a = q[i];
            var b = q[(i + 1) % q.Length];
            twice += a.X * b.Y - b.X * a.Y;
        }
        return Math.Abs(twice) / 2;
    }

    /// <summary>The angle at <paramref name="at"/> between the directions to its two neighbours, in degrees.</summary>
    private static double CornerAngle(PointD before, PointD at, PointD after)
    {
        double ux = before.X - at.X, uy = before.Y - at.Y, vx = after.X - at.X, vy = after.Y - at.Y;
        double cos = (ux * vx + uy * vy) / Math.Max(1e-12, Math.Sqrt((ux * ux + uy * uy) * (vx * vx + vy * vy)));
        return Math.Acos(Math.Clamp(cos, -1, 1)) * 180 / Math.PI;
    }
}
