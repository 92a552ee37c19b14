using Pilgi.Core.Fusion;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// Every line is read twice, and the second reading travels with the first (<see cref="TextRecognition.SecondOpinion"/>):
/// <list type="bullet">
/// <item>a line a specialist reads is read by the main network as well (the same prepared pixels, within the same
/// alphabet);</item>
/// <item>a line the main network reads is read by it once more from its <see cref="PreparedLine.SecondLook"/> (the crop
/// scaled wider): a reading that holds when the frames fall differently on the strokes is more likely right. Both
/// looks are decoded alike, and the surer of the two (<see cref="Surer"/>) stands for the line, the other being its
/// second opinion.</item>
/// </list>
/// Fusion weighs whether the two agree (<see cref="Core.Fusion.Confidence.ReaderAgreement"/>). The copies are ordinary
/// lines of the main model, so they batch with its other lines of their width, in process and in the inference service
/// alike.
/// </summary>
public static class SecondOpinions
{
    /// <summary>The lines, then the second reading's line of each line that has one, in line order.</summary>
    public static PreparedLine[] Add(IReadOnlyList<PreparedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines, .. lines.Select(Second).OfType<PreparedLine>()];
    }

    /// <summary>
    /// The reads of <paramref name="lines"/>, each carrying its second reading's: <paramref name="reads"/> are the reads
    /// of <see cref="Add"/>'s lines, in its order.
    /// </summary>
    public static TextRecognition[] Attach(IReadOnlyList<PreparedLine> lines, IReadOnlyList<TextRecognition> reads)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reads);
        int copies = lines.Count(l => Second(l) is not null);
        if (reads.Count != lines.Count + copies)
            throw new ArgumentException($"{lines.Count + copies} reads are needed ({lines.Count} lines, {copies} second opinions), not {reads.Count}.", nameof(reads));
        var attached = new TextRecognition[lines.Count];
        int next = lines.Count;
        for (int i = 0; i < lines.Count; i++)
        {
            attached[i] = reads[i];
            if (Second(lines[i]) is null) continue;
            var (read, opinion) = lines[i].Reader == 0 ? Surer(reads[i], reads[next]) : (reads[i], reads[next]);
            next++;
            attached[i] = read with { SecondOpinion = new SecondOpinion(opinion.Text, opinion.Confidence, opinion.Alternatives) };
        }
        return attached;
    }

    /// <summary>
    /// Of two looks at one line, the one to stand for it and the other: the second where its least certain character is
    /// surer than the first's (<see cref="OnnxLineRecognizer.SecondLookWidth"/> says what that gained).
    /// </summary>
    public static (TextRecognition Read, TextRecognition Other) Surer(TextRecognition first, TextRecognition second) =>
        second.Confidence > first.Confidence ? (second, first) : (first, second);

    /// <summary>The line the second reading of <paramref name="line"/> is made from, for the main model; null for none.</summary>
    private static PreparedLine? Second(PreparedLine line) =>
        line.IsSecondOpinion || line.IsLook ? null
        : line.Reader > 0 ? line with { Reader = 0, IsSecondOpinion = true, SecondLook = null }
        : line.SecondLook is { } look ? look with { Reader = 0, IsLook = true, SecondLook = null }
        : null;
}
