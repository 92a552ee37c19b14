using Pilgi.Core.Metrics;

namespace Pilgi.Core.Tests.Metrics;

public class ReviewMetricsTests
{
    private static readonly (double, bool)[] Samples = [(0.95, true), (0.95, true), (0.85, false), (0.15, false), (1.0, true)];

    [Fact]
    public void Reliability_bins_hold_the_mean_confidence_and_the_share_right_of_their_fields()
    {
        var bins = ReviewMetrics.Reliability(Samples);

        Assert.Equal(10, bins.Count);
        Assert.Equal((3, 0.9666666666666667, 1.0), (bins[9].Count, bins[9].MeanConfidence, bins[9].Accuracy)); // 1.0 is in the last
        Assert.Equal((1, 0.85, 0.0), (bins[8].Count, bins[8].MeanConfidence, bins[8].Accuracy));
        Assert.Equal((1, 0.15, 0.0), (bins[1].Count, bins[1].MeanConfidence, bins[1].Accuracy));
        Assert.Equal(0, bins[5].Count);
    }

    [Fact]
    public void The_expected_calibration_error_weighs_each_bins_gap_by_its_share_of_fields()
    {
        double expected = 3.0 / 5 * (1 - 0.9666666666666667) + 1.0 / 5 * 0.85 + 1.0 / 5 * 0.15;

        Assert.Equal(expected, ReviewMetrics.ExpectedCalibrationError(Samples), 12);
        Assert.Equal(0, ReviewMetrics.ExpectedCalibrationError([]));
        Assert.Equal(0, ReviewMetrics.ExpectedCalibrationError([(0.75, true), (0.75, true), (0.75, true), (0.75, false)]), 12);
    }

    [Fact]
    public void The_risk_coverage_curve_accepts_the_most_confident_first_and_takes_ties_together()
    {
        var curve = ReviewMetrics.RiskCoverage(Samples);

        Assert.Equal([1.0, 0.95, 0.85, 0.15], curve.Select(p => p.Threshold));
        Assert.Equal([0.2, 0.6, 0.8, 1.0], curve.Select(p => p.Coverage));
        Assert.Equal([0.0, 0.0, 0.25, 0.4], curve.Select(p => p.Risk));
    }

    [Fact]
    public void Hindsight_takes_the_largest_coverage_the_ranking_allows_at_a_risk()
    {
        Assert.Equal(new HindsightCoverage { MaxRisk = 0, Coverage = 0.6, Threshold = 0.95 }, ReviewMetrics.Hindsight(ReviewMetrics.RiskCoverage(Samples), 0));
        Assert.Equal(new HindsightCoverage { MaxRisk = 0.3, Coverage = 0.8, Threshold = 0.85 }, ReviewMetrics.Hindsight(ReviewMetrics.RiskCoverage(Samples), 0.3));
        Assert.Equal(1.0, ReviewMetrics.Hindsight(ReviewMetrics.RiskCoverage(Samples), 0.4).Coverage);
        // the surest field wrong: nothing can be accepted without a wrong one
        Assert.Equal(new HindsightCoverage { MaxRisk = 0.1, Coverage = 0, Threshold = 1 },
            ReviewMetrics.Hindsight(ReviewMetrics.RiskCoverage([(0.99, false), (0.5, true)]), 0.1));
        Assert.Equal(0, ReviewMetrics.Hindsight(ReviewMetrics.RiskCoverage([]), 0.01).Coverage);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewMetrics.Hindsight(ReviewMetrics.RiskCoverage(Samples), -0.1));
    }

    [Fact]
    public void Thinning_keeps_points_spread_over_coverage_and_the_last()
    {
        var curve = Enumerable.Range(1, 1000).Select(i => new RiskCoveragePoint { Coverage = i / 1000.0, Threshold = 1 - i / 1000.0 }).ToList();

        var thin = ReviewMetrics.Thin(curve, 10);

        Assert.InRange(thin.Count, 10, 11);
        Assert.Equal(1.0, thin[^1].Coverage);
        Assert.Same(curve, ReviewMetrics.Thin(curve, 2000));
    }
}
