namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// Thins a curve ordered by rising coverage (a risk curve, a risk–coverage curve) to about <c>count</c> points spread
/// evenly over coverage: a point is kept once its coverage is at least 1/<c>count</c> past the last kept one; the first
/// and the last are always kept.
/// </summary>
public static class CoverageThinning
{
    public static IReadOnlyList<T> Evenly<T>(IReadOnlyList<T> curve, Func<T, double> coverage, int count)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (curve.Count <= count) return curve;
        var kept = new List<T>();
        double next = double.NegativeInfinity;
        for (int i = 0; i < curve.Count; i++)
        {
            if (coverage(curve[i]) + 1e-12 < next && i != curve.Count - 1) continue;
            kept.Add(curve[i]);
            next = coverage(curve[i]) + 1.0 / count;
        }
        return kept;
    }
}
