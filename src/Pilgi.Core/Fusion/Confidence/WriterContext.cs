using Pilgi.Core.Templates;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// What a form's other fields say about a field (<see cref="ConfidenceFeatures.PeersCharLogit"/>): one person writes
/// the whole form, and a hand one reader finds hard it finds hard in every field. Fields are compared only with the
/// fields the same reader read (<see cref="ReaderOf"/>), since a hand's digits and letters can be legible apart (a clear
/// name, scrawled digits).
/// </summary>
public static class WriterContext
{
    /// <summary>1 for a kind whose meaning is its digits (the digit reader reads it where a release has one), else 0.</summary>
    public static int ReaderOf(FieldKind kind) =>
        FieldKindRules.For(kind).IsDigitKind ? 1 : 0;

    /// <summary>
    /// Each field's evidence with <see cref="ConfidenceFeatures.PeersCharLogit"/> set: the mean least-certain-character
    /// logit of the other fields in its reader group; a field alone in its group takes its own.
    /// </summary>
    /// <param name="fields">Each read field's evidence (null: nothing read) and its reader group.</param>
    public static IReadOnlyList<ConfidenceFeatures?> WithPeers(IReadOnlyList<(ConfidenceFeatures? Evidence, int Reader)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sums = new Dictionary<int, (double Sum, int Count)>();
        foreach (var (evidence, reader) in fields)
        {
            if (evidence is null) continue;
            var (sum, count) = sums.GetValueOrDefault(reader);
            sums[reader] = (sum + evidence.CharLogit, count + 1);
        }
        return fields.Select(f =>
        {
            if (f.Evidence is not { } evidence) return null;
            var (sum, count) = sums[f.Reader];
            double peers = count > 1 ? (sum - evidence.CharLogit) / (count - 1) : evidence.CharLogit;
            return evidence with { PeersCharLogit = peers };
        }).ToList();
    }
}
