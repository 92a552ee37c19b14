using Pilgi.Core.Fusion.Confidence;

namespace Pilgi.Core.Tests.Fusion.Confidence;

public class ReviewThresholdsTests
{
    [Fact]
    public void The_curve_counts_accepted_wrong_and_expected_wrong_from_the_most_confident_down()
    {
        (double, bool)[] samples = [(0.9, true), (0.5, false), (0.9, false), (0.7, true)];

        var curve = ReviewThresholds.Curve(samples, points: 10);

        Assert.Equal([0.9, 0.7, 0.5], curve.Select(p => p.Threshold));
        Assert.Equal([2, 3, 4], curve.Select(p => p.Accepted));
        Assert.Equal([1, 1, 2], curve.Select(p => p.Wrong));
        Assert.Equal(0.2, curve[0].ExpectedWrong, 12);
        Assert.Equal(1.0, curve[2].ExpectedWrong, 12);
    }

    [Fact]
    public void The_threshold_is_the_lowest_whose_risk_is_within_the_target()
    {
        RiskPoint[] curve = [new(0.999, 100, 0, 0.05), new(0.99, 200, 1, 0.8), new(0.95, 300, 3, 4), new(0.8, 400, 20, 15)];

        Assert.Equal(0.99, ReviewThresholds.Derive(curve, 0.005));   // 1/200 within 0.5 %, 4/300 not
        Assert.Equal(0.95, ReviewThresholds.Derive(curve, 0.02));
        Assert.Equal(0.8, ReviewThresholds.Derive(curve, 0.1));
    }

    [Fact]
    public void The_expected_wrong_count_guards_a_lucky_run_of_right_fields()
    {
        RiskPoint[] curve = [new(0.97, 100, 0, 2)];

        Assert.Equal(1 - 0.005, ReviewThresholds.Derive(curve, 0.005)); // none wrong, but 2 expected: 2 %
    }

    [Fact]
    public void Too_few_fields_say_nothing_and_leave_one_minus_the_target()
    {
        RiskPoint[] curve = [new(0.6, ReviewThresholds.MinAccepted - 1, 0, 0.01)];

        Assert.Equal(0.99, ReviewThresholds.Derive(curve, 0.01));
        Assert.Equal(0.99, ReviewThresholds.Derive([], 0.01));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_target_outside_zero_to_one_is_refused(double target) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewThresholds.Derive([], target));
}
