namespace Pilgi.Core.Metrics;

/// <summary>Percentiles by linear interpolation between closest ranks (NumPy's default).</summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>-th percentile (0..100) of the values; 0 when there are none.</summary>
    public static double Of(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (percent is < 0 or > 100 || double.IsNaN(percent))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Percent must lie in [0, 100].");
        var sorted = values.ToArray();
        if (sorted.Length == 0) return 0;
        Array.Sort(sorted);
        double rank = percent / 100.0 * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }
}
