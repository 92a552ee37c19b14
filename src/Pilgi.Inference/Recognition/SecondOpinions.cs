using Pilgi.Core.Fusion;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// Every line a specialist reads is read by the main network as well (the same prepared pixels, within the same
/// alphabet; its likeliest path and readings), and that reading travels with the specialist's (<see cref="TextRecognition.SecondOpinion"/>): fusion
/// weighs whether the two networks agree (<see cref="Core.Fusion.Confidence.ReaderAgreement"/>). The copies are
/// ordinary lines of the main model, so they batch with its other lines of their width, in process and in the
/// inference service alike.
/// </summary>
public static class SecondOpinions
{
    /// <summary>The lines, then a main-model copy of each line a specialist reads, in line order.</summary>
    public static PreparedLine[] Add(IReadOnlyList<PreparedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines, .. lines.Where(l => l.Reader > 0).Select(l => l with { Reader = 0, IsSecondOpinion = true })];
    }

    /// <summary>
    /// The reads of <paramref name="lines"/>, each specialist's read carrying its copy's: <paramref name="reads"/> are the
    /// reads of <see cref="Add"/>'s lines, in its order.
    /// </summary>
    public static TextRecognition[] Attach(IReadOnlyList<PreparedLine> lines, IReadOnlyList<TextRecognition> reads)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reads);
        int copies = lines.Count(l => l.Reader > 0);
        if (reads.Count != lines.Count + copies)
            throw new ArgumentException($"{lines.Count + copies} reads are needed ({lines.Count} lines, {copies} second opinions), not {reads.Count}.", nameof(reads));
        var attached = new TextRecognition[lines.Count];
        int next = lines.Count;
        for (int i = 0; i < lines.Count; i++)
        {
            attached[i] = reads[i];
            if (lines[i].Reader <= 0) continue;
            var opinion = reads[next++];
            attached[i] = reads[i] with { SecondOpinion = new SecondOpinion(opinion.Text, opinion.Confidence, opinion.Alternatives) };
        }
        return attached;
    }
}
