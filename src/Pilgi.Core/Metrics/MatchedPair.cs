namespace Pilgi.Core.Metrics;

/// <summary>A prediction matched to a ground-truth box, by index into the lists given to <see cref="DetectionMatcher"/>.</summary>
public readonly record struct MatchedPair(int PredictedIndex, int TruthIndex, double Iou);
