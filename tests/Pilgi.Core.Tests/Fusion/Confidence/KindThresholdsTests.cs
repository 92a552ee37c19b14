using Pilgi.Core.Fusion;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Fusion.Confidence;

public class KindThresholdsTests
{
    // expected wrong counts are twice what a point is charged (RiskPoint.ExpectedWrongWeight)
    private static readonly IReadOnlyList<RiskPoint> Clean = [new(0.99, 100, 0, 0.4), new(0.97, 200, 0, 1.2)];
    private static readonly IReadOnlyList<RiskPoint> Noisy = [new(0.98, 50, 0, 1.0), new(0.95, 100, 1, 2.4)];
    private static readonly IReadOnlyList<RiskPoint> Rrn = [new(0.97, 100, 0, 1.6)];
    private static readonly IReadOnlyList<RiskPoint> AllKinds = [new(0.96, 400, 1, 3.2), new(0.9, 800, 10, 24)];

    private static KindCalibration Kind(int samples, IReadOnlyList<RiskPoint> risk) => new() { Samples = samples, Risk = risk };

    private static readonly ConfidenceCalibration Calibration = new()
    {
        All = Kind(1000, AllKinds),
        Kinds = new Dictionary<string, KindCalibration>
        {
            ["name"] = Kind(300, Clean),
            ["text"] = Kind(200, Noisy),
            ["rrn"] = Kind(200, Rrn),
            ["bank"] = Kind(KindThresholds.MinJointSamples - 1, Noisy),
        },
    };

    [Fact]
    public void Kinds_that_share_the_target_get_their_thresholds_together()
    {
        var thresholds = KindThresholds.Derive(Calibration, new ReviewOptions { Kinds = new() { ["rrn"] = 0.005 } });

        var expected = ReviewThresholds.Joint(new Dictionary<string, IReadOnlyList<RiskPoint>> { ["name"] = Clean, ["text"] = Noisy }, 0.005);
        Assert.Equal((expected["name"], expected["text"]), (thresholds.For(FieldKind.Name), thresholds.For(FieldKind.Text)));
        Assert.Equal(0.98, thresholds.For(FieldKind.Text));   // alone, its 1 % risk would leave it at 0.995
    }

    [Fact]
    public void A_kind_with_its_own_target_is_derived_alone_against_it_and_stays_out_of_the_pool()
    {
        var withRrn = KindThresholds.Derive(Calibration, new ReviewOptions());
        var rrnAlone = KindThresholds.Derive(Calibration, new ReviewOptions { Kinds = new() { ["rrn"] = 0.02 } });

        Assert.Equal(ReviewThresholds.Derive(Rrn, 0.02), rrnAlone.For(FieldKind.Rrn));
        Assert.Equal(0.97, rrnAlone.For(FieldKind.Rrn));
        // in the pool rrn's cheaper step takes the room text's would need; with a target of its own it leaves text that room
        Assert.Equal(0.995, withRrn.For(FieldKind.Text));
        Assert.Equal(0.98, rrnAlone.For(FieldKind.Text));
    }

    [Fact]
    public void A_kind_calibrated_on_too_few_fields_or_none_is_derived_alone()
    {
        var thresholds = KindThresholds.Derive(Calibration, new ReviewOptions());

        Assert.Equal(ReviewThresholds.Derive(Noisy, 0.005), thresholds.For(FieldKind.Bank));
        Assert.Equal(0.995, thresholds.For(FieldKind.Bank));
        Assert.Equal(ReviewThresholds.Derive(AllKinds, 0.005), thresholds.For(FieldKind.Phone));
        Assert.Equal(0.96, thresholds.For(FieldKind.Phone));
    }

    [Fact]
    public void The_thresholds_are_derived_once_per_calibration_and_targets()
    {
        var review = new ReviewOptions();

        Assert.Same(KindThresholds.Of(Calibration, review), KindThresholds.Of(Calibration, review));
        Assert.NotSame(KindThresholds.Of(Calibration, review), KindThresholds.Of(Calibration, review with { TargetErrorRate = 0.01 }));
        Assert.NotSame(KindThresholds.Of(Calibration, review), KindThresholds.Of(Calibration with { }, review));
    }
}
