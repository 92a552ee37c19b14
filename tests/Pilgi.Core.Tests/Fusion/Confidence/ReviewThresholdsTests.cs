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

        Assert.Equal(1.0, curve[0].Charged, 12);                          // none wrong, half of the 2 expected charged
        Assert.Equal(1 - 0.005, ReviewThresholds.Derive(curve, 0.005));  // 1 %
        Assert.Equal(0.97, ReviewThresholds.Derive(curve, 0.01));
    }

    [Fact]
    public void Fields_seen_wrong_are_charged_in_full()
    {
        RiskPoint point = new(0.9, 100, 3, 2);

        Assert.Equal(3.0, point.Charged, 12);
        Assert.Equal(0.03, point.Risk, 12);
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

    [Fact]
    public void The_curve_keeps_a_point_at_about_every_share_of_coverage_and_the_last()
    {
        var samples = Enumerable.Range(0, 1000).Select(i => (1 - i / 1000.0, i % 7 != 0)).ToList();

        var walk = ReviewThresholds.Walk(samples);
        var curve = ReviewThresholds.Curve(samples, points: 10);

        Assert.Equal(1000, walk.Count);
        Assert.Equal([1, 101, 201, 301, 401, 501, 601, 701, 801, 901, 1000], curve.Select(p => p.Accepted));
        Assert.All(curve, p => Assert.Equal(walk[p.Accepted - 1], p));
    }

    private static double PooledRisk(IReadOnlyDictionary<string, IReadOnlyList<RiskPoint>> curves, IReadOnlyDictionary<string, double> thresholds)
    {
        var accepted = curves.Select(c => c.Value.LastOrDefault(p => p.Threshold >= thresholds[c.Key])).OfType<RiskPoint>().ToList();
        return accepted.Sum(p => p.Charged) / accepted.Sum(p => p.Accepted);
    }

    private static int Accepted(IReadOnlyDictionary<string, IReadOnlyList<RiskPoint>> curves, IReadOnlyDictionary<string, double> thresholds) =>
        curves.Sum(c => c.Value.LastOrDefault(p => p.Threshold >= thresholds[c.Key])?.Accepted ?? 0);

    [Fact]
    public void Kinds_chosen_together_keep_the_pooled_risk_within_the_target_and_accept_more_than_each_alone()
    {
        var curves = new Dictionary<string, IReadOnlyList<RiskPoint>>
        {
            ["clean"] = [new(0.99, 100, 0, 0.2), new(0.97, 200, 0, 0.6), new(0.9, 300, 2, 2.5)],
            ["noisy"] = [new(0.98, 50, 1, 0.5), new(0.95, 100, 1, 1.2), new(0.8, 200, 6, 5)],
        };
        var alone = curves.ToDictionary(c => c.Key, c => ReviewThresholds.Derive(c.Value, 0.005));

        var joint = ReviewThresholds.Joint(curves, 0.005);

        Assert.Equal(0.97, joint["clean"]);
        Assert.Equal(0.95, joint["noisy"]);   // alone its 1 % risk would leave it at 0.995
        Assert.Equal(1.3 / 300, PooledRisk(curves, joint), 12);
        Assert.Equal((200, 300), (Accepted(curves, alone), Accepted(curves, joint)));
    }

    [Fact]
    public void A_step_that_would_break_the_target_ends_its_kinds_descent_and_the_others_go_on()
    {
        var curves = new Dictionary<string, IReadOnlyList<RiskPoint>>
        {
            ["a"] = [new(0.99, 100, 0, 0.1), new(0.9, 1100, 7, 10.1)],
            ["b"] = [new(0.99, 100, 0, 0.3), new(0.95, 150, 0, 0.5)],
            ["c"] = [new(0.97, 30, 0, 0.5)],
        };

        var joint = ReviewThresholds.Joint(curves, 0.005);

        Assert.Equal((0.99, 0.95, 0.97), (joint["a"], joint["b"], joint["c"]));
        Assert.InRange(PooledRisk(curves, joint), 0, 0.005);
    }

    [Fact]
    public void No_kind_goes_beyond_its_own_risk_cap_however_clean_the_others()
    {
        Dictionary<string, IReadOnlyList<RiskPoint>> Curves(double noisyCharged) => new()
        {
            ["clean"] = [new(0.99, 1000, 0, 1)],
            ["noisy"] = [new(0.9, 100, 0, noisyCharged / RiskPoint.ExpectedWrongWeight)],
        };
        double cap = ReviewThresholds.KindRiskCap * 0.005;

        Assert.Equal(0.9, ReviewThresholds.Joint(Curves(cap * 100 - 0.1), 0.005)["noisy"]);
        Assert.Equal(0.995, ReviewThresholds.Joint(Curves(cap * 100 + 0.1), 0.005)["noisy"]);
    }

    [Fact]
    public void What_a_kind_accepts_above_one_minus_the_target_counts_in_the_pool()
    {
        var curves = new Dictionary<string, IReadOnlyList<RiskPoint>>
        {
            ["sure"] = [new(0.998, 100, 1, 0.1)],
            ["other"] = [new(0.97, 100, 0, 0.4)],
        };

        var joint = ReviewThresholds.Joint(curves, 0.005);

        Assert.Equal((0.995, 0.995), (joint["sure"], joint["other"]));   // 1.2 of 200 would be 0.6 %
    }

    [Fact]
    public void Jointly_too_a_point_needs_enough_accepted_fields()
    {
        var curves = new Dictionary<string, IReadOnlyList<RiskPoint>>
        {
            ["few"] = [new(0.9, ReviewThresholds.MinAccepted - 1, 0, 0.01)],
            ["many"] = [new(0.99, 1000, 0, 0.1)],
        };

        var joint = ReviewThresholds.Joint(curves, 0.005);

        Assert.Equal((0.995, 0.99), (joint["few"], joint["many"]));
        Assert.Empty(ReviewThresholds.Joint(new Dictionary<string, IReadOnlyList<RiskPoint>>(), 0.005));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewThresholds.Joint(curves, 0));
    }
}
