using Pilgi.Core.Geometry;
using Pilgi.Core.Labels;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Metrics;

/// <summary>
/// Collects per-page evaluation data and produces an <see cref="EvalReport"/>. Definitions (a contract):
/// detection is micro-averaged over pages with <see cref="DetectionMatcher"/>; CER = Σ edit distance / Σ reference
/// length over all fields, both sides normalised with <see cref="TextNormalizer"/>, a missing prediction counting
/// as all characters deleted; exact = share of fields equal after normalisation; pagesPerSecond = pages / Σ seconds;
/// seconds-per-page percentiles by linear interpolation; accepted = share of fields accepted, wrongAccepted = share of
/// accepted fields not exact; ECE and risk–coverage over (confidence, exact) as <see cref="ReviewMetrics"/> defines them.
/// Ratios with a zero denominator are 0.
/// Not thread-safe.
/// </summary>
public sealed class EvalAccumulator
{
    public const double DefaultIouThreshold = 0.5;

    /// <summary>The risk–coverage curve in a report is thinned to about this many points.</summary>
    public const int RiskCoveragePoints = 100;

    /// <summary>
    /// The risks at which a report says what the ranking alone allows (<see cref="ReviewScores.Hindsight"/>): the
    /// default review target and twice it.
    /// </summary>
    public static readonly IReadOnlyList<double> HindsightRisks =
        [Fusion.ReviewOptions.DefaultTargetErrorRate, 2 * Fusion.ReviewOptions.DefaultTargetErrorRate];

    private readonly List<double> _seconds = [];
    private readonly List<(double Confidence, bool Right)> _confidences = [];
    private readonly FieldTally _all = new();
    private readonly Dictionary<string, FieldTally> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldTally> _byTemplate = new(StringComparer.Ordinal);
    private int _tp, _fp, _fn;

    public EvalAccumulator(double iouThreshold = DefaultIouThreshold)
    {
        if (iouThreshold is <= 0 or > 1 || double.IsNaN(iouThreshold))
            throw new ArgumentOutOfRangeException(nameof(iouThreshold), iouThreshold, "The IoU threshold must lie in (0, 1].");
        IouThreshold = iouThreshold;
    }

    public double IouThreshold { get; }

    public int Pages => _seconds.Count;

    /// <summary>
    /// Adds one page. <paramref name="truth"/> holds the bounds of the handwritten labels only: a prediction on printed
    /// text simply stays unmatched and counts as a false positive.
    /// </summary>
    public DetectionMatch AddPage(IReadOnlyList<Box> predicted, IReadOnlyList<Box> truth, IEnumerable<FieldSample> fields, double seconds)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (seconds < 0 || !double.IsFinite(seconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Seconds must be a finite number >= 0.");
        var match = DetectionMatcher.Match(predicted, truth, IouThreshold);
        _tp += match.TruePositives;
        _fp += match.FalsePositives;
        _fn += match.FalseNegatives;
        foreach (var field in fields) AddField(field);
        _seconds.Add(seconds);
        return match;
    }

    /// <summary>Adds one page whose detection truth is the handwritten boxes of <paramref name="labels"/>.</summary>
    public DetectionMatch AddPage(IReadOnlyList<Box> predicted, LabelDocument labels, IEnumerable<FieldSample> fields, double seconds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return AddPage(predicted, labels.HandwrittenBounds(), fields, seconds);
    }

    public EvalReport Report()
    {
        double precision = Ratio(_tp, _tp + _fp), recall = Ratio(_tp, _tp + _fn);
        double total = _seconds.Sum();
        var riskCoverage = ReviewMetrics.RiskCoverage(_confidences);
        return new EvalReport
        {
            Pages = Pages,
            Detection = new DetectionScores
            {
                Iou = IouThreshold,
                Precision = precision,
                Recall = recall,
                F1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
                Tp = _tp,
                Fp = _fp,
                Fn = _fn,
            },
            Recognition = new RecognitionScores { Cer = _all.Cer },
            Fields = new FieldTotals { Exact = _all.Exact, Total = _all.Count },
            Review = new ReviewScores
            {
                Accepted = _all.AcceptedShare,
                WrongAccepted = _all.WrongAccepted,
                AcceptedCount = _all.AcceptedCount,
                WrongAcceptedCount = _all.WrongAcceptedCount,
                Ece = ReviewMetrics.ExpectedCalibrationError(_confidences),
                Reliability = ReviewMetrics.Reliability(_confidences).ToList(),
                RiskCoverage = ReviewMetrics.Thin(riskCoverage, RiskCoveragePoints).ToList(),
                Hindsight = HindsightRisks.Select(r => ReviewMetrics.Hindsight(riskCoverage, r)).ToList(),
            },
            Speed = new SpeedScores
            {
                PagesPerSecond = total > 0 ? Pages / total : 0,
                SecondsPerPage = new SecondsPerPage { P50 = Percentile.Of(_seconds, 50), P95 = Percentile.Of(_seconds, 95) },
            },
            ByKind = Scores(_byKind),
            ByTemplate = Scores(_byTemplate),
        };
    }

    private void AddField(FieldSample field)
    {
        var (distance, length, exact) = TextComparison.Of(field.Reference, field.Predicted);

        _all.Add(distance, length, exact, field.Accepted);
        Tally(_byKind, field.Kind.ToJsonName()).Add(distance, length, exact, field.Accepted);
        Tally(_byTemplate, field.Template).Add(distance, length, exact, field.Accepted);
        _confidences.Add((field.Confidence, exact));
    }

    private static FieldTally Tally(Dictionary<string, FieldTally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally)) tallies[key] = tally = new FieldTally();
        return tally;
    }

    private static Dictionary<string, FieldScores> Scores(Dictionary<string, FieldTally> tallies) =>
        tallies.OrderBy(p => p.Key, StringComparer.Ordinal)
               .ToDictionary(p => p.Key, p => new FieldScores
               {
                   Cer = p.Value.Cer, Exact = p.Value.Exact, Total = p.Value.Count,
                   Accepted = p.Value.AcceptedShare, WrongAccepted = p.Value.WrongAccepted,
               },
                             StringComparer.Ordinal);

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;

    private sealed class FieldTally
    {
        private long _distance, _length;
        private int _exact;

        public int Count { get; private set; }
        public int AcceptedCount { get; private set; }
        public int WrongAcceptedCount { get; private set; }
        public double Cer => Ratio(_distance, _length);
        public double Exact => Ratio(_exact, Count);
        public double AcceptedShare => Ratio(AcceptedCount, Count);
        public double WrongAccepted => Ratio(WrongAcceptedCount, AcceptedCount);

        public void Add(int distance, int length, bool exact, bool accepted)
        {
            _distance += distance;
            _length += length;
            if (exact) _exact++;
            Count++;
            if (!accepted) return;
            AcceptedCount++;
            if (!exact) WrongAcceptedCount++;
        }
    }
}
