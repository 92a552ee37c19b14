using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Fusion.Confidence;

public class CalibrationFitTests
{
    private static ConfidenceFeatures WithCharacter(double p) =>
        new(ConfidenceFeatures.Logit(p), 0, ConfidenceFeatures.MaxMargin, Math.Log(p), 1, 0, 0, 1, 1, 0, Math.Log(5), 0, 0);

    /// <summary>Fields right with the probability of their least-certain character.</summary>
    private static List<CalibrationSample> Drawn(FieldKind kind, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            double p = 0.5 + 0.5 * random.NextDouble();
            return new CalibrationSample(kind, WithCharacter(p), random.NextDouble() < p);
        }).ToList();
    }

    [Fact]
    public void A_fitted_calibration_is_close_to_the_truth_and_has_a_model_per_kind_with_enough_fields()
    {
        var samples = Drawn(FieldKind.Rrn, 3000, 1).Concat(Drawn(FieldKind.Bank, 10, 2)).ToList();

        var calibration = CalibrationFit.Fit(samples, "rec@1", ["calib/fonts"]);

        Assert.Equal("rec@1", calibration.Model);
        Assert.Equal(ConfidenceFeatures.Names, calibration.Features);
        Assert.Equal(3000, calibration.Kinds["rrn"].Samples);
        Assert.Equal(calibration.All.Model, calibration.Kinds["bank"].Model);  // too few to fit alone
        Assert.Equal(10, calibration.Kinds["bank"].Samples);
        Assert.Equal(0.8, calibration.Probability(FieldKind.Rrn, WithCharacter(0.8)), 0.05);
        Assert.Equal(0.95, calibration.Probability(FieldKind.Rrn, WithCharacter(0.95)), 0.05);
        Assert.Same(calibration.All, calibration.For(FieldKind.Phone));
        calibration.EnsureCompatible();
    }

    [Fact]
    public void Cross_validated_confidences_come_from_models_that_did_not_see_them()
    {
        // ten alike fields, half wrong; fold 0 (fields 0 and 5) holds two of the wrong ones
        bool[] right = [false, false, false, false, true, false, true, true, true, true];
        var samples = right.Select(r => new CalibrationSample(FieldKind.Name, WithCharacter(0.9), r)).ToList();

        var held = CalibrationFit.CrossValidated(samples, null, 0.01);
        var seen = LogisticModel.Fit(samples.Select(s => s.Features.ToArray()).ToList(), right, 0.01);

        Assert.Equal(0.5, seen.Probability(samples[0].Features.ToArray()), 0.01);
        Assert.Equal(5.0 / 8, held[0], 0.02);  // its model saw 3 wrong of 8
        Assert.Equal(3.0 / 8, held[4], 0.02);  // fold 4 (fields 4 and 9) is right twice: 5 wrong of 8
    }

    [Fact]
    public void A_calibration_weighing_other_features_is_refused()
    {
        var stale = new ConfidenceCalibration { Model = "rec@1", Features = ["charLogit"], All = new KindCalibration() };

        Assert.Throws<InvalidOperationException>(stale.EnsureCompatible);
    }
}
