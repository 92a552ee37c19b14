namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// The confidence below which a field of a kind needs review, from a target share of wrong values among the accepted
/// ones, read off risk curves (<see cref="RiskPoint"/>: accepted, wrong and expected wrong at each threshold). A point
/// is trusted only over at least <see cref="MinAccepted"/> accepted fields (a small sample says little), and no
/// threshold lies above 1 − target, since a calibrated field that sure is, on its own, wrong no more often than the
/// target.
/// <list type="bullet">
/// <item><see cref="Derive"/>: one kind alone; the lowest threshold whose own <see cref="RiskPoint.Risk"/> is within the target.</item>
/// <item><see cref="Joint{TKey}"/>: kinds that share a target, together; each kind's threshold is chosen so that the
/// pooled risk Σ charged wrong (<see cref="RiskPoint.Charged"/>) / Σ accepted over those kinds is within the target while as many fields
/// as possible are accepted, each kind's own risk at most <see cref="KindRiskCap"/> × the target.</item>
/// </list>
/// </summary>
public static class ReviewThresholds
{
    public const int MinAccepted = 30;

    /// <summary>
    /// In a joint derivation, how many times the target one kind's own risk may reach. Pooling lets a kind that is
    /// rarely wrong carry a little of a noisier kind's risk, which is what accepts more; but whoever acts on one kind
    /// alone (an account number sends money) should still see it wrong at no more than a small multiple of the target.
    /// </summary>
    public const double KindRiskCap = 3.0;

    public static double Derive(IReadOnlyList<RiskPoint> curve, double targetErrorRate)
    {
        ArgumentNullException.ThrowIfNull(curve);
        CheckTarget(targetErrorRate);
        double threshold = 1 - targetErrorRate;
        foreach (var point in curve)
            if (point.Accepted >= MinAccepted && point.Risk <= targetErrorRate && point.Threshold < threshold)
                threshold = point.Threshold;
        return threshold;
    }

    /// <summary>
    /// Thresholds for kinds that share <paramref name="targetErrorRate"/>, chosen together on their risk curves (their
    /// accepted counts weigh each kind as often as it occurred in the calibration data). Each kind starts at 1 − target
    /// (what its curve accepts there counts in the pool) and may move down to the points of its curve with at least
    /// <see cref="MinAccepted"/> accepted and own risk within <see cref="KindRiskCap"/> × target. Along the lower convex
    /// hull of those points (charged wrong against accepted) each step costs a marginal risk; steps
    /// are taken from the cheapest over all kinds while the pooled risk stays within the target, and a step that would
    /// break it ends its kind's descent (the others go on).
    /// </summary>
    public static IReadOnlyDictionary<TKey, double> Joint<TKey>(IReadOnlyDictionary<TKey, IReadOnlyList<RiskPoint>> curves,
        double targetErrorRate) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(curves);
        CheckTarget(targetErrorRate);
        var hulls = curves.ToDictionary(c => c.Key, c => Hull(c.Value, targetErrorRate));
        double accepted = hulls.Values.Sum(h => h[0].Accepted), cost = hulls.Values.Sum(h => h[0].Cost);
        var steps = hulls
            .SelectMany(h => Enumerable.Range(1, h.Value.Count - 1).Select(i => (Kind: h.Key, Index: i,
                Slope: (h.Value[i].Cost - h.Value[i - 1].Cost) / (h.Value[i].Accepted - h.Value[i - 1].Accepted))))
            .OrderBy(s => s.Slope);
        var reached = hulls.Keys.ToDictionary(k => k, _ => 0);
        var closed = new HashSet<TKey>();
        foreach (var (kind, index, _) in steps)
        {
            if (closed.Contains(kind)) continue;
            HullPoint from = hulls[kind][index - 1], to = hulls[kind][index];
            double nextAccepted = accepted + to.Accepted - from.Accepted, nextCost = cost + to.Cost - from.Cost;
            if (nextCost > targetErrorRate * nextAccepted) { closed.Add(kind); continue; }
            (accepted, cost, reached[kind]) = (nextAccepted, nextCost, index);
        }
        return hulls.ToDictionary(h => h.Key, h => h.Value[reached[h.Key]].Threshold);
    }

    private readonly record struct HullPoint(double Threshold, int Accepted, double Cost);

    /// <summary>
    /// From the start (threshold 1 − target: the curve's last point at or above it, else nothing accepted), the lower
    /// convex hull of the points a kind may move down to; slopes (marginal risk) rise along it.
    /// </summary>
    private static List<HullPoint> Hull(IReadOnlyList<RiskPoint> curve, double targetErrorRate)
    {
        ArgumentNullException.ThrowIfNull(curve);
        double ceiling = 1 - targetErrorRate;
        var start = curve.LastOrDefault(p => p.Threshold >= ceiling);
        var hull = new List<HullPoint> { new(ceiling, start?.Accepted ?? 0, start is null ? 0 : start.Charged) };
        foreach (var point in curve)
        {
            if (point.Threshold >= ceiling || point.Accepted < MinAccepted || point.Accepted <= hull[0].Accepted
                || point.Risk > KindRiskCap * targetErrorRate)
                continue;
            var next = new HullPoint(point.Threshold, point.Accepted, point.Charged);
            while (hull.Count >= 2 && !Below(hull[^2], hull[^1], next)) hull.RemoveAt(hull.Count - 1);
            hull.Add(next);
        }
        return hull;
    }

    /// <summary>Whether <paramref name="middle"/> lies strictly below the line from <paramref name="left"/> to <paramref name="right"/>.</summary>
    private static bool Below(HullPoint left, HullPoint middle, HullPoint right) =>
        (middle.Cost - left.Cost) * (right.Accepted - left.Accepted) < (right.Cost - left.Cost) * (middle.Accepted - left.Accepted);

    private static void CheckTarget(double targetErrorRate)
    {
        if (targetErrorRate is <= 0 or >= 1 || double.IsNaN(targetErrorRate))
            throw new ArgumentOutOfRangeException(nameof(targetErrorRate), targetErrorRate, "The target error rate must lie in (0, 1).");
    }

    /// <summary>
    /// The risk curve of samples (confidence, right): about <paramref name="points"/> points of <see cref="Walk"/>
    /// spread evenly over coverage, most confident first (<see cref="CoverageThinning"/>).
    /// </summary>
    public static IReadOnlyList<RiskPoint> Curve(IReadOnlyList<(double Confidence, bool Right)> samples, int points = 100)
    {
        var all = Walk(samples);
        return CoverageThinning.Evenly(all, p => (double)p.Accepted / all[^1].Accepted, points);
    }

    /// <summary>
    /// Accepting the most confident first, a point at every distinct confidence: how many fields are at least that
    /// sure, how many of them are wrong, and Σ 1 − confidence over them (ties taken together).
    /// </summary>
    public static IReadOnlyList<RiskPoint> Walk(IReadOnlyList<(double Confidence, bool Right)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.OrderByDescending(s => s.Confidence).ToList();
        var walk = new List<RiskPoint>();
        int wrong = 0;
        double expected = 0;
        for (int i = 0; i < sorted.Count; i++)
        {
            if (!sorted[i].Right) wrong++;
            expected += 1 - sorted[i].Confidence;
            if (i + 1 < sorted.Count && sorted[i + 1].Confidence == sorted[i].Confidence) continue;
            walk.Add(new RiskPoint(sorted[i].Confidence, i + 1, wrong, expected));
        }
        return walk;
    }
}
