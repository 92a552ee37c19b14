using Pilgi.Core.Geometry;

namespace Pilgi.Imaging.Pages;

/// <summary>
/// The outline of a sheet from its edges, for when paper is barely brighter than the desk (pale wood, a white table) or
/// a deep shadow lies across it: long straight desk-to-paper edges are gathered for each side (a Hough vote that knows
/// which way the light steps), every combination of one line per side is tried, and the quadrilateral shaped like a
/// sheet whose sides are best borne out along their length wins — the outermost, since each side counts by its length
/// and a printed rule or a grey bar inside the form has paper, not desk, beyond it.
/// </summary>
internal static class EdgeOutline
{
    private const double ThetaStep = 0.5 * Math.PI / 180;
    private const double VoteSpread = 3 * Math.PI / 180;
    private const int LinesPerSide = 8;

    /// <summary>A line needs votes from at least this share of the frame's extent along it to be a candidate.</summary>
    private const double MinVotesShare = 0.08;

    /// <summary>A side must be seen over at least this share of its stretch inside the frame…</summary>
    private const double MinSupport = 0.5;

    /// <summary>…and at least this share of it must lie inside the frame.</summary>
    private const double MinInFrame = 0.5;

    /// <returns>The corners top-left, top-right, bottom-right, bottom-left in the edges' pixels; null when no sheet is found.</returns>
    /// <remarks>
    /// Only a whole sheet, its four sides seen: a side taken at the frame's edge (a sheet cut by the frame) made
    /// strips of flat scans with a scanner-bed strip look like sheets; such photos are left to the brightness outline.
    /// </remarks>
    public static PointD[]? Find(SheetEdges edges, double minShare)
    {
        int w = edges.Width, h = edges.Height;
        var candidates = SheetSides.All
            .Select(side => Lines(edges, side).Select(l => SideCandidate.Measured(side, l, edges)).ToArray())
            .ToArray();
        PointD[]? best = null;
        SideCandidate[]? bestSides = null;
        double bestScore = 0;
        foreach (var top in candidates[(int)SheetSide.Top])
        foreach (var right in candidates[(int)SheetSide.Right])
        foreach (var bottom in candidates[(int)SheetSide.Bottom])
        foreach (var left in candidates[(int)SheetSide.Left])
        {
            SideCandidate[] sides = [top, right, bottom, left];
            var quad = StraightLine.Corners(top.Line, right.Line, bottom.Line, left.Line);
            if (quad is null || !SheetShape.IsPlausible(quad, w, h, minShare)) continue;
            var score = Score(quad, sides);
            if (score is { } s && s > bestScore)
            {
                bestScore = s;
                best = quad;
                bestSides = sides;
            }
        }
        if (best is null || bestSides is null) return null;
        var refined = Refine(edges, best, bestSides);
        return refined is not null && SheetShape.IsPlausible(refined, w, h, minShare) ? refined : best;
    }

    /// <summary>Whether every side of <paramref name="quad"/> (found some other way) is borne out by a desk-to-paper edge.</summary>
    public static bool Confirms(SheetEdges edges, PointD[] quad)
    {
        var sides = SheetSides.All.Select(side =>
        {
            var (a, b) = Ends(quad, side);
            double nx = b.Y - a.Y, ny = a.X - b.X, length = Math.Sqrt(nx * nx + ny * ny);
            if (length < 1) return null;
            nx /= length;
            ny /= length;
            // the normal must point into the sheet (towards the corners' centre)
            double cx = quad.Average(p => p.X), cy = quad.Average(p => p.Y);
            if ((cx - a.X) * nx + (cy - a.Y) * ny < 0) { nx = -nx; ny = -ny; }
            return SideCandidate.Measured(side, new StraightLine(nx, ny, nx * a.X + ny * a.Y), edges);
        }).ToArray();
        return sides.All(s => s is not null) && Score(quad, sides!) is not null;
    }

    /// <summary>
    /// The sum over the sheet's sides of their length borne out, less half the length not borne out; null when a side
    /// is too little seen.
    /// </summary>
    private static double? Score(PointD[] quad, SideCandidate[] sides)
    {
        double score = 0;
        foreach (var side in sides)
        {
            var (a, b) = Ends(quad, side.Side);
            var (inFrame, supported) = side.Along(a, b);
            if (inFrame < MinInFrame * a.DistanceTo(b) || supported < MinSupport * inFrame) return null;
            score += supported - 0.5 * (inFrame - supported);
        }
        return score;
    }

    private static (PointD A, PointD B) Ends(PointD[] quad, SheetSide side) => side switch
    {
        SheetSide.Top => (quad[0], quad[1]),
        SheetSide.Right => (quad[1], quad[2]),
        SheetSide.Bottom => (quad[2], quad[3]),
        _ => (quad[3], quad[0]),
    };

    /// <summary>
    /// The strongest straight lines of edges facing <paramref name="side"/>'s way: a Hough vote over directions within
    /// <see cref="SheetEdges.MaxTurn"/> of the side's, each edge voting near its own direction only.
    /// </summary>
    private static List<StraightLine> Lines(SheetEdges edges, SheetSide side)
    {
        int w = edges.Width, h = edges.Height;
        int rhoMax = (int)Math.Ceiling(Math.Sqrt((double)w * w + (double)h * h)), rhos = 2 * rhoMax + 1;
        int thetas = (int)Math.Round(2 * SheetEdges.MaxTurn / ThetaStep) + 1;
        double first = side.Inward() - SheetEdges.MaxTurn;
        var cos = new double[thetas];
        var sin = new double[thetas];
        for (int k = 0; k < thetas; k++)
        {
            cos[k] = Math.Cos(first + k * ThetaStep);
            sin[k] = Math.Sin(first + k * ThetaStep);
        }
        var votes = new int[thetas * rhos];
        int spread = (int)Math.Round(VoteSpread / ThetaStep);
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int i = y * w + x;
            if (!edges.Edge[i] || !edges.Faces(side, i)) continue;
            int centre = (int)Math.Round(Math.IEEERemainder(edges.Angle[i] - first, 2 * Math.PI) / ThetaStep);
            for (int k = Math.Max(0, centre - spread); k <= Math.Min(thetas - 1, centre + spread); k++)
                votes[k * rhos + (int)Math.Round(x * cos[k] + y * sin[k]) + rhoMax]++;
        }

        int minVotes = (int)(MinVotesShare * (side is SheetSide.Top or SheetSide.Bottom ? w : h));
        var peaks = new List<(int Votes, int K, int Rho)>();
        for (int k = 0; k < thetas; k++)
        for (int r = 0; r < rhos; r++)
        {
            int v = votes[k * rhos + r];
            if (v < minVotes || !IsPeak(votes, thetas, rhos, k, r, v)) continue;
            peaks.Add((v, k, r));
        }
        return peaks.OrderByDescending(p => p.Votes).Take(LinesPerSide)
            .Select(p => new StraightLine(cos[p.K], sin[p.K], p.Rho - rhoMax)).ToList();
    }

    /// <summary>The largest vote within 2° and 6 px (ties go to the first).</summary>
    private static bool IsPeak(int[] votes, int thetas, int rhos, int k, int r, int v)
    {
        for (int dk = -4; dk <= 4; dk++)
        {
            int kk = k + dk;
            if (kk < 0 || kk >= thetas) continue;
            for (int dr = -6; dr <= 6; dr++)
            {
                int rr = r + dr;
                if (rr < 0 || rr >= rhos || (dk == 0 && dr == 0)) continue;
                int o = votes[kk * rhos + rr];
                if (o > v || (o == v && (dk < 0 || (dk == 0 && dr < 0)))) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Each side seen refitted (total least squares) to the edge pixels within 2 px of it between its corners: the
    /// vote's half-degree, one-pixel grid is coarser than the edges; then the corners again.
    /// </summary>
    private static PointD[]? Refine(SheetEdges edges, PointD[] quad, SideCandidate[] sides)
    {
        var lines = new StraightLine[4];
        for (int s = 0; s < 4; s++)
        {
            var side = sides[s];
            lines[s] = side.Line;
            var (a, b) = Ends(quad, side.Side);
            var fitted = FitNear(edges, side, a, b);
            if (fitted is { } f && f.A * side.Line.A + f.B * side.Line.B > Math.Cos(3 * Math.PI / 180)) lines[s] = f;
        }
        return StraightLine.Corners(lines[0], lines[1], lines[2], lines[3]);
    }

    private static StraightLine? FitNear(SheetEdges edges, SideCandidate side, PointD a, PointD b)
    {
        var line = side.Line;
        double ta = -line.B * a.X + line.A * a.Y, tb = -line.B * b.X + line.A * b.Y;
        double lo = Math.Min(ta, tb), hi = Math.Max(ta, tb);
        int w = edges.Width, h = edges.Height;
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int i = y * w + x;
            if (!edges.Edge[i] || !edges.Faces(side.Side, i)) continue;
            if (Math.Abs(line.A * x + line.B * y - line.C) > 2) continue;
            double t = -line.B * x + line.A * y;
            if (t < lo || t > hi) continue;
            sx += x; sy += y; sxx += (double)x * x; syy += (double)y * y; sxy += (double)x * y;
            n++;
        }
        if (n < 10) return null;
        double mx = sx / n, my = sy / n;
        double cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
        // the normal is the covariance's eigenvector of the smaller eigenvalue
        double angle = 0.5 * Math.Atan2(2 * cxy, cxx - cyy) + Math.PI / 2;
        double nx = Math.Cos(angle), ny = Math.Sin(angle);
        if (nx * line.A + ny * line.B < 0) { nx = -nx; ny = -ny; }
        return new StraightLine(nx, ny, nx * mx + ny * my);
    }
}
