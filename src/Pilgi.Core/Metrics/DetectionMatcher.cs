using Pilgi.Core.Geometry;

namespace Pilgi.Core.Metrics;

/// <summary>One-to-one greedy matching of predicted boxes to ground truth by IoU.</summary>
public static class DetectionMatcher
{
    /// <summary>
    /// Every (prediction, truth) pair with IoU &gt;= <paramref name="iouThreshold"/> (and &gt; 0), taken in descending IoU
    /// (ties by prediction then truth index) when both are still free. Unmatched predictions are false positives,
    /// unmatched truths false negatives.
    /// </summary>
    public static DetectionMatch Match(IReadOnlyList<Box> predicted, IReadOnlyList<Box> truth, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        var candidates = new List<MatchedPair>();
        for (int p = 0; p < predicted.Count; p++)
        {
            for (int t = 0; t < truth.Count; t++)
            {
                double iou = predicted[p].Iou(truth[t]);
                if (iou > 0 && iou >= iouThreshold) candidates.Add(new MatchedPair(p, t, iou));
            }
        }
        candidates.Sort(static (a, b) =>
        {
            int byIou = b.Iou.CompareTo(a.Iou);
            if (byIou != 0) return byIou;
            int byPredicted = a.PredictedIndex.CompareTo(b.PredictedIndex);
            return byPredicted != 0 ? byPredicted : a.TruthIndex.CompareTo(b.TruthIndex);
        });

        var predictedUsed = new bool[predicted.Count];
        var truthUsed = new bool[truth.Count];
        var pairs = new List<MatchedPair>();
        foreach (var pair in candidates)
        {
            if (predictedUsed[pair.PredictedIndex] || truthUsed[pair.TruthIndex]) continue;
            predictedUsed[pair.PredictedIndex] = truthUsed[pair.TruthIndex] = true;
            pairs.Add(pair);
        }
        return new DetectionMatch(pairs.Count, predicted.Count - pairs.Count, truth.Count - pairs.Count, pairs);
    }
}
