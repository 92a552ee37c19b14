namespace Pilgi.Core.Metrics;

/// <summary>Counts of a one-to-one detection match and the pairs it made (in the order they were taken).</summary>
public sealed record DetectionMatch(int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<MatchedPair> Pairs);
