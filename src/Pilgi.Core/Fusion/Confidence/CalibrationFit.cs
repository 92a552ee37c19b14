using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// Fits a <see cref="ConfidenceCalibration"/> on labelled fields: a penalised logistic model of all kinds, then one per
/// kind with at least <see cref="MinKindSamples"/> fields (some right, some wrong), pulled towards the model of all
/// kinds. Each risk curve is drawn with cross-validated confidences (<see cref="Folds"/> folds), so thresholds are
/// derived from confidences the model had not seen the answers to.
/// </summary>
public static class CalibrationFit
{
    public const int MinKindSamples = 40;
    public const int Folds = 5;
    public const double AllPenalty = 1.0;
    public const double KindPenalty = 20.0;

    public static ConfidenceCalibration Fit(IReadOnlyList<CalibrationSample> samples, string model, IReadOnlyList<string> fittedOn)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("No labelled fields to calibrate on.", nameof(samples));
        var allProbabilities = CrossValidated(samples, null, AllPenalty);
        var all = FitGroup(samples, null, AllPenalty, allProbabilities);
        var kinds = new Dictionary<string, KindCalibration>(StringComparer.Ordinal);
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            var list = group.ToList();
            if (list.Count < MinKindSamples || list.All(s => s.Right) || list.All(s => !s.Right))
            {
                // too few to fit: the model of all kinds, with this kind's own curve where it has one
                var probabilities = allProbabilities.Where((_, i) => samples[i].Kind == group.Key).ToList();
                kinds[FieldKindRules.For(group.Key).JsonName] = all with
                {
                    Samples = list.Count,
                    Wrong = list.Count(s => !s.Right),
                    Risk = ReviewThresholds.Curve(probabilities.Zip(list, (p, s) => (p, s.Right)).ToList()),
                };
                continue;
            }
            kinds[FieldKindRules.For(group.Key).JsonName] = FitGroup(list, all.Model, KindPenalty);
        }
        return new ConfidenceCalibration
        {
            Model = model,
            FittedOn = fittedOn,
            Features = ConfidenceFeatures.Names,
            All = all,
            Kinds = kinds,
        };
    }

    private static KindCalibration FitGroup(IReadOnlyList<CalibrationSample> samples, LogisticModel? prior, double penalty,
        IReadOnlyList<double>? crossValidated = null)
    {
        var fitted = LogisticModel.Fit(samples.Select(s => s.Features.ToArray()).ToList(), samples.Select(s => s.Right).ToList(), penalty, prior);
        var probabilities = crossValidated ?? CrossValidated(samples, prior, penalty);
        return new KindCalibration
        {
            Samples = samples.Count,
            Wrong = samples.Count(s => !s.Right),
            Model = fitted,
            Risk = ReviewThresholds.Curve(probabilities.Zip(samples, (p, s) => (p, s.Right)).ToList()),
        };
    }

    /// <summary>Each sample's probability from the model fitted on the other folds (sample i is in fold i mod Folds).</summary>
    public static IReadOnlyList<double> CrossValidated(IReadOnlyList<CalibrationSample> samples, LogisticModel? prior, double penalty)
    {
        var result = new double[samples.Count];
        for (int fold = 0; fold < Folds; fold++)
        {
            var train = samples.Where((_, i) => i % Folds != fold).ToList();
            if (train.Count == 0) continue;
            var model = LogisticModel.Fit(train.Select(s => s.Features.ToArray()).ToList(), train.Select(s => s.Right).ToList(), penalty, prior);
            for (int i = fold; i < samples.Count; i += Folds) result[i] = model.Probability(samples[i].Features.ToArray());
        }
        return result;
    }
}
