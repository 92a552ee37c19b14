namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// The confidence below which a field of a kind needs review, from a target share of wrong values among the accepted
/// ones. The threshold is the lowest one on the kind's risk curve whose <see cref="RiskPoint.Risk"/> is within the
/// target, counting only points with at least <see cref="MinAccepted"/> accepted fields (a small sample says little);
/// and never above 1 − target, since a calibrated field that sure is, on its own, wrong no more often than the target.
/// </summary>
public static class ReviewThresholds
{
    public const int MinAccepted = 30;

    public static double Derive(IReadOnlyList<RiskPoint> curve, double targetErrorRate)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (targetErrorRate is <= 0 or >= 1 || double.IsNaN(targetErrorRate))
            throw new ArgumentOutOfRangeException(nameof(targetErrorRate), targetErrorRate, "The target error rate must lie in (0, 1).");
        double threshold = 1 - targetErrorRate;
        foreach (var point in curve)
            if (point.Accepted >= MinAccepted && point.Risk <= targetErrorRate && point.Threshold < threshold)
                threshold = point.Threshold;
        return threshold;
    }

    /// <summary>
    /// The risk curve of samples (confidence, right): a point at each distinct confidence reached at about every
    /// 1/<paramref name="points"/> of coverage, most confident first.
    /// </summary>
    public static IReadOnlyList<RiskPoint> Curve(IReadOnlyList<(double Confidence, bool Right)> samples, int points = 100)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.OrderByDescending(s => s.Confidence).ToList();
        var curve = new List<RiskPoint>();
        int wrong = 0;
        double expected = 0;
        int nextCut = 1;
        for (int i = 0; i < sorted.Count; i++)
        {
            if (!sorted[i].Right) wrong++;
            expected += 1 - sorted[i].Confidence;
            bool lastOfValue = i + 1 == sorted.Count || sorted[i + 1].Confidence < sorted[i].Confidence;
            if (!lastOfValue || (i + 1 < nextCut && i + 1 != sorted.Count)) continue;
            curve.Add(new RiskPoint(sorted[i].Confidence, i + 1, wrong, expected));
            nextCut = (int)Math.Ceiling((double)sorted.Count * (curve.Count + 1) / points);
        }
        return curve;
    }
}
