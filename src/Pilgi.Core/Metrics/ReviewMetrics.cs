using Pilgi.Core.Fusion.Confidence;

namespace Pilgi.Core.Metrics;

/// <summary>
/// How far a confidence can be trusted, from (confidence, right) pairs: expected calibration error, the reliability
/// diagram's bins and the risk–coverage curve. Definitions (a contract): bins split [0, 1] into equal widths (a
/// confidence of 1 falls in the last); ECE = Σ over bins (n_b / n)·|mean confidence_b − accuracy_b|; the risk at a
/// coverage is the share wrong among the most confident fields that make up that coverage, ties taken together.
/// </summary>
public static class ReviewMetrics
{
    public const int DefaultBins = 10;

    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<(double Confidence, bool Right)> samples, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var count = new int[bins];
        var confidence = new double[bins];
        var right = new int[bins];
        foreach (var (c, r) in samples)
        {
            int b = Math.Clamp((int)Math.Floor(c * bins), 0, bins - 1);
            count[b]++;
            confidence[b] += c;
            if (r) right[b]++;
        }
        return Enumerable.Range(0, bins).Select(b => new ReliabilityBin
        {
            Lower = (double)b / bins,
            Upper = (double)(b + 1) / bins,
            Count = count[b],
            MeanConfidence = count[b] > 0 ? confidence[b] / count[b] : 0,
            Accuracy = count[b] > 0 ? (double)right[b] / count[b] : 0,
        }).ToList();
    }

    public static double ExpectedCalibrationError(IReadOnlyList<(double Confidence, bool Right)> samples, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) return 0;
        return Reliability(samples, bins).Sum(b => (double)b.Count / samples.Count * Math.Abs(b.MeanConfidence - b.Accuracy));
    }

    /// <summary>One point per distinct confidence, most confident first: accepting every field at least that sure.</summary>
    public static IReadOnlyList<RiskCoveragePoint> RiskCoverage(IReadOnlyList<(double Confidence, bool Right)> samples) =>
        ReviewThresholds.Walk(samples).Select(p => new RiskCoveragePoint
        {
            Threshold = p.Threshold,
            Coverage = (double)p.Accepted / samples.Count,
            Risk = (double)p.Wrong / p.Accepted,
        }).ToList();

    /// <summary>
    /// On a whole (unthinned) <see cref="RiskCoverage"/> curve, the largest share of fields that accepting the most
    /// confident first accepts with at most <paramref name="maxRisk"/> of them wrong (0 when even the surest are wrong
    /// more often): a threshold chosen with hindsight on these very fields, so an upper bound on what any threshold
    /// derived elsewhere can accept at that risk with these confidences. Below it the thresholds are the limit; at it,
    /// the ranking itself.
    /// </summary>
    public static HindsightCoverage Hindsight(IReadOnlyList<RiskCoveragePoint> curve, double maxRisk)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (maxRisk is < 0 or > 1 || double.IsNaN(maxRisk))
            throw new ArgumentOutOfRangeException(nameof(maxRisk), maxRisk, "The risk must lie in [0, 1].");
        var best = new HindsightCoverage { MaxRisk = maxRisk, Threshold = 1 };
        foreach (var point in curve)
            if (point.Risk <= maxRisk) best = best with { Coverage = point.Coverage, Threshold = point.Threshold };
        return best;
    }

    /// <summary>About <paramref name="count"/> points of <paramref name="curve"/>, evenly spread over coverage (the last kept).</summary>
    public static IReadOnlyList<RiskCoveragePoint> Thin(IReadOnlyList<RiskCoveragePoint> curve, int count) =>
        CoverageThinning.Evenly(curve, p => p.Coverage, count);
}

/// <summary>One bin of a reliability diagram: confidences in [<see cref="Lower"/>, <see cref="Upper"/>).</summary>
public sealed record ReliabilityBin
{
    public double Lower { get; init; }
    public double Upper { get; init; }
    public int Count { get; init; }
    public double MeanConfidence { get; init; }
    public double Accuracy { get; init; }
}

/// <summary>What <see cref="ReviewMetrics.Hindsight"/> found: at most <see cref="MaxRisk"/> wrong, <see cref="Coverage"/> accepted at <see cref="Threshold"/>.</summary>
public sealed record HindsightCoverage
{
    public double MaxRisk { get; init; }
    public double Coverage { get; init; }
    public double Threshold { get; init; }
}

/// <summary>Accepting the fields of confidence at least <see cref="Threshold"/>: the share accepted and the share of those wrong.</summary>
public sealed record RiskCoveragePoint
{
    public double Threshold { get; init; }
    public double Coverage { get; init; }
    public double Risk { get; init; }
}
