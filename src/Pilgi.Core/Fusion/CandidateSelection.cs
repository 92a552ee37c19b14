namespace Pilgi.Core.Fusion;

/// <summary>
/// Joint readings of a field's regions from each region's <see cref="RecognizedRegion.Alternatives"/>: a beam over
/// the regions in order, a joint reading's score the sum of its parts' log-probabilities.
/// </summary>
public static class CandidateSelection
{
    /// <summary>A joint reading: one text per region (in the order given) and its log-probability.</summary>
    public sealed record Joint(IReadOnlyList<string> Texts, double LogProbability);

    /// <summary>
    /// The <paramref name="limit"/> likeliest joint readings, best first. A region without alternatives takes its
    /// text with certainty. Null when no region has alternatives (nothing to choose from).
    /// </summary>
    public static IReadOnlyList<Joint>? JointReadings(IReadOnlyList<RecognizedRegion> regions, int limit)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (!regions.Any(r => r.Alternatives is { Count: > 0 })) return null;
        var beam = new List<(List<string> Texts, double Score)> { ([], 0) };
        foreach (var region in regions)
        {
            var options = region.Alternatives is { Count: > 0 } alternatives
                ? alternatives.Select(a => (a.Text, a.LogProbability)).ToList()
                : [(region.Text ?? "", 0.0)];
            beam = beam
                .SelectMany(b => options.Select(o => (Texts: new List<string>(b.Texts) { o.Item1 }, Score: b.Score + o.Item2)))
                .OrderByDescending(b => b.Score)
                .Take(limit)
                .ToList();
        }
        return beam.Select(b => new Joint(b.Texts, b.Score)).ToList();
    }

    /// <summary>exp(score) of each reading over their sum: how much of the listed probability each holds.</summary>
    public static double Share(IReadOnlyList<Joint> readings, double score)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0) return 0;
        double max = readings.Max(r => r.LogProbability);
        double sum = readings.Sum(r => Math.Exp(r.LogProbability - max));
        return Math.Exp(score - max) / sum;
    }
}
