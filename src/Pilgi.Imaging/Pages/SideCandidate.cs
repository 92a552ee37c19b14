using Pilgi.Core.Geometry;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// A straight line that may be one side of the sheet, with its evidence along it measured once: at each pixel step
/// across the frame, whether a desk-to-paper edge facing the right way lies there. Any stretch of it (between two
/// corners) is then weighed in constant time.
/// </summary>
internal sealed class SideCandidate
{
    private readonly double _firstT;
    private readonly int[] _supportedBefore;

    private SideCandidate(SheetSide side, StraightLine line, double firstT, int[] supportedBefore)
    {
        Side = side;
        Line = line;
        _firstT = firstT;
        _supportedBefore = supportedBefore;
    }

    public SheetSide Side { get; }

    /// <summary>The line, its unit normal (A, B) pointing into the sheet.</summary>
    public StraightLine Line { get; }

    public static SideCandidate Measured(SheetSide side, StraightLine line, SheetEdges edges)
    {
        int w = edges.Width, h = edges.Height;
        double reach = Math.Sqrt((double)w * w + (double)h * h);
        var supported = new List<bool>();
        double firstT = double.NaN;
        for (double t = -reach; t <= reach; t++)
        {
            var p = PointAt(line, t);
            if (p.X < 0 || p.Y < 0 || p.X > w - 1 || p.Y > h - 1)
            {
                if (supported.Count > 0) break;
                continue;
            }
            if (supported.Count == 0) firstT = t;
            supported.Add(edges.NearSideEdge(side, (int)Math.Round(p.X), (int)Math.Round(p.Y))
                && edges.PaperInside(p.X, p.Y, line.A, line.B));
        }
        var before = new int[supported.Count + 1];
        for (int k = 0; k < supported.Count; k++) before[k + 1] = before[k] + (supported[k] ? 1 : 0);
        return new SideCandidate(side, line, double.IsNaN(firstT) ? 0 : firstT, before);
    }

    /// <summary>Of the stretch from <paramref name="a"/> to <paramref name="b"/> (both on the line): how many pixel steps lie in the frame, how many of those show the side.</summary>
    public (int InFrame, int Supported) Along(PointD a, PointD b)
    {
        int count = _supportedBefore.Length - 1;
        if (count == 0) return (0, 0);
        double ta = TOf(a), tb = TOf(b);
        int from = Math.Max(0, (int)Math.Ceiling(Math.Min(ta, tb) - _firstT));
        int to = Math.Min(count - 1, (int)Math.Floor(Math.Max(ta, tb) - _firstT));
        if (to < from) return (0, 0);
        return (to - from + 1, _supportedBefore[to + 1] - _supportedBefore[from]);
    }

    private double TOf(PointD p) => -Line.B * p.X + Line.A * p.Y;

    private static PointD PointAt(StraightLine line, double t) =>
        new(line.A * line.C - line.B * t, line.B * line.C + line.A * t);
}
