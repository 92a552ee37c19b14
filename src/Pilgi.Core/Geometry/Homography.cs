namespace Pilgi.Core.Geometry;

/// <summary>
/// A plane projective map (a 3x3 matrix with its last element 1): how a flat sheet photographed at an angle maps to
/// the photo. <c>x' = (A x + B y + C) / (G x + H y + 1)</c>, <c>y' = (D x + E y + F) / (G x + H y + 1)</c>.
/// </summary>
public readonly record struct Homography(double A, double B, double C, double D, double E, double F, double G, double H)
{
    public static Homography Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0);

    public static Homography From(AffineTransform t) => new(t.A, t.B, t.C, t.D, t.E, t.F, 0, 0);

    /// <summary>True when the map has no perspective part (it is an <see cref="AffineTransform"/>).</summary>
    public bool IsAffine => G == 0 && H == 0;

    public AffineTransform ToAffine() =>
        IsAffine ? new(A, B, C, D, E, F) : throw new InvalidOperationException("The map has a perspective part.");

    public PointD Apply(PointD p)
    {
        double w = G * p.X + H * p.Y + 1;
        return new PointD((A * p.X + B * p.Y + C) / w, (D * p.X + E * p.Y + F) / w);
    }

    public Quad Apply(Quad q) => new(Apply(q.P1), Apply(q.P2), Apply(q.P3), Apply(q.P4));

    /// <summary>The bounds of the four mapped corners (a box seen at an angle is a quad; this is the box around it).</summary>
    public Box Apply(Box box) => Apply(Quad.FromBox(box)).Bounds;

    /// <summary>The map that applies this one first and <paramref name="next"/> second.</summary>
    public Homography Then(Homography next) => FromMatrix(Multiply(next.Matrix(), Matrix()));

    public Homography Then(AffineTransform next) => Then(From(next));

    /// <summary>The inverse map. Throws <see cref="InvalidOperationException"/> when the map is singular.</summary>
    public Homography Inverse()
    {
        var m = Matrix();
        double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        if (Math.Abs(det) < 1e-15) throw new InvalidOperationException("The map is singular and has no inverse.");
        double[] adj =
        [
            c00, m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
            c01, m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
            c02, m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3],
        ];
        return FromMatrix(adj);
    }

    /// <summary>
    /// The map taking each of four points to its partner (exact). Throws <see cref="ArgumentException"/> when three of
    /// either four lie on a line.
    /// </summary>
    public static Homography FromCorners(IReadOnlyList<PointD> from, IReadOnlyList<PointD> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Count != 4 || to.Count != 4) throw new ArgumentException("Four points and four partners are needed.");
        if (ThreeOnALine(from) || ThreeOnALine(to)) throw new ArgumentException("Three of the four points lie on a line.");
        return Fit(from, to) ?? throw new ArgumentException("Three of the four points lie on a line.");
    }

    /// <summary>
    /// Least-squares map (algebraic error, points normalised first) taking <paramref name="from"/>[i] near
    /// <paramref name="to"/>[i]; at least four pairs; null when the points do not fix a map.
    /// </summary>
    public static Homography? Fit(IReadOnlyList<PointD> from, IReadOnlyList<PointD> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Count != to.Count) throw new ArgumentException("One partner per point is needed.");
        if (from.Count < 4) return null;
        // Normalising both sets (centroid at 0, mean distance sqrt 2) keeps the equations well conditioned.
        var (nf, tf) = Normalise(from);
        var (nt, tt) = Normalise(to);
        var ata = new double[64];
        var atb = new double[8];
        Span<double> row = stackalloc double[8];
        for (int i = 0; i < nf.Length; i++)
        {
            double x = nf[i].X, y = nf[i].Y, u = nt[i].X, v = nt[i].Y;
            row[0] = x; row[1] = y; row[2] = 1; row[3] = 0; row[4] = 0; row[5] = 0; row[6] = -u * x; row[7] = -u * y;
            Accumulate(ata, atb, row, u);
            row[0] = 0; row[1] = 0; row[2] = 0; row[3] = x; row[4] = y; row[5] = 1; row[6] = -v * x; row[7] = -v * y;
            Accumulate(ata, atb, row, v);
        }
        var h = Solve(ata, atb, 8);
        if (h is null) return null;
        var normalised = new Homography(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
        try
        {
            return From(tf).Then(normalised).Then(From(tt).Inverse());
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public override string ToString() => $"[{A:0.#####} {B:0.#####} {C:0.##}; {D:0.#####} {E:0.#####} {F:0.##}; {G:0.#######} {H:0.#######} 1]";

    private static bool ThreeOnALine(IReadOnlyList<PointD> p)
    {
        double span = Math.Max(p.Max(q => q.X) - p.Min(q => q.X), p.Max(q => q.Y) - p.Min(q => q.Y));
        for (int skip = 0; skip < 4; skip++)
        {
            var t = p.Where((_, i) => i != skip).ToArray();
            double area = Math.Abs((t[1].X - t[0].X) * (t[2].Y - t[0].Y) - (t[1].Y - t[0].Y) * (t[2].X - t[0].X));
            if (area <= 1e-9 * span * span) return true;
        }
        return false;
    }

    private double[] Matrix() => [A, B, C, D, E, F, G, H, 1];

    private static Homography FromMatrix(double[] m)
    {
        double s = m[8];
        if (Math.Abs(s) < 1e-15) throw new InvalidOperationException("The map sends a finite point to infinity at the origin.");
        return new(m[0] / s, m[1] / s, m[2] / s, m[3] / s, m[4] / s, m[5] / s, m[6] / s, m[7] / s);
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var r = new double[9];
        for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
        return r;
    }

    private static (PointD[] Points, AffineTransform Transform) Normalise(IReadOnlyList<PointD> points)
    {
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double d = points.Average(p => Math.Sqrt((p.X - mx) * (p.X - mx) + (p.Y - my) * (p.Y - my)));
        double s = d > 1e-12 ? Math.Sqrt(2) / d : 1;
        var t = AffineTransform.Translate(-mx, -my).Then(AffineTransform.Scale(s, s));
        return (points.Select(t.Apply).ToArray(), t);
    }

    private static void Accumulate(double[] ata, double[] atb, ReadOnlySpan<double> row, double rhs)
    {
        for (int i = 0; i < 8; i++)
        {
            atb[i] += row[i] * rhs;
            for (int j = 0; j < 8; j++) ata[i * 8 + j] += row[i] * row[j];
        }
    }

    /// <summary>Gaussian elimination with partial pivoting; null when singular.</summary>
    private static double[]? Solve(double[] a, double[] b, int n)
    {
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
                if (Math.Abs(a[r * n + c]) > Math.Abs(a[pivot * n + c])) pivot = r;
            if (Math.Abs(a[pivot * n + c]) < 1e-12) return null;
            if (pivot != c)
            {
                for (int k = 0; k < n; k++) (a[c * n + k], a[pivot * n + k]) = (a[pivot * n + k], a[c * n + k]);
                (b[c], b[pivot]) = (b[pivot], b[c]);
            }
            for (int r = c + 1; r < n; r++)
            {
                double f = a[r * n + c] / a[c * n + c];
                if (f == 0) continue;
                for (int k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                b[r] -= f * b[c];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
            x[r] = s / a[r * n + r];
        }
        return x;
    }
}
