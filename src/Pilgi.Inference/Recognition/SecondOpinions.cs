using Pilgi.Core.Fusion;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// Every line <see cref="OnnxLineRecognizer.Prepare"/> makes is read at least twice:
/// <list type="bullet">
/// <item>its reader reads it once more from its <see cref="PreparedLine.SecondLook"/> (the crop scaled to another
/// width), decoded alike, and the reading both looks find likeliest together stands for the line (<see cref="Joint"/>):
/// where the frames fall differently on the strokes, a hard line is often read right at one width and not at the
/// other, and the two looks' errors differ; where the two read differently, a third look
/// (<see cref="PreparedLine.ThirdLook"/>, read in a second round: <see cref="Disputes"/>) is weighed with them;</item>
/// <item>the other look's reading travels with the line's (<see cref="TextRecognition.SecondOpinion"/>); a line without
/// a second look (none that <c>Prepare</c> makes) is read once and has no second reading.</item>
/// </list>
/// Until session 14 the digit reader read its lines once and the main network read a copy of each as their second
/// reading. With a second look of the digit reader's own (<see cref="OnnxLineRecognizer.SpecialistLookWidth"/>) as the
/// second reading instead, refitted on the six calibration sets, the accepted shares rose on every evaluation set (val /
/// val2 / realdigits / pen 0.601 / 0.564 / 0.469 / 0.352 → 0.613 / 0.567 / 0.476 / 0.365) with fewer wrong (0 / 1 / 2 /
/// 2 → 0 / 0 / 1 / 2): the main network often misread a digit alike, while a digit that one look reads another way is
/// the fragile one. Session 15 replayed the main network's reading as a further feature beside the look (its agreement
/// with the value, fitted per kind on the six sets, cross-validated by form): accepted shares within ±0.015, so the
/// copy, which cost ~0.3 pages/s, was removed.
/// Fusion weighs whether the two readings agree (<see cref="Core.Fusion.Confidence.ReaderAgreement"/>). The looks are
/// ordinary lines of their model, so they batch with its other lines of their width, in process and in the inference
/// service alike.
/// </summary>
public static class SecondOpinions
{
    /// <summary>The lines, then the look of each line that has one.</summary>
    public static PreparedLine[] Add(IReadOnlyList<PreparedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines, .. lines.Where(HasLook).Select(Look)];
    }

    /// <summary>
    /// The third looks to read in a second round: those of the lines whose two looks read differently, in line order.
    /// <paramref name="reads"/> are the reads of <see cref="Add"/>'s lines, in its order.
    /// </summary>
    public static PreparedLine[] Disputes(IReadOnlyList<PreparedLine> lines, IReadOnlyList<TextRecognition> reads)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reads);
        CheckCount(lines, reads);
        return [.. Disputed(lines, reads).Select(i => ThirdOf(lines[i]))];
    }

    /// <summary>
    /// The reads of <paramref name="lines"/>, each the joint reading of its looks and carrying its second reading:
    /// <paramref name="reads"/> are the reads of <see cref="Add"/>'s lines, in its order, and
    /// <paramref name="thirdReads"/> those of the third looks <see cref="Disputes"/> asked for (none: no third look).
    /// </summary>
    public static TextRecognition[] Attach(IReadOnlyList<PreparedLine> lines, IReadOnlyList<TextRecognition> reads,
        IReadOnlyList<TextRecognition>? thirdReads = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reads);
        CheckCount(lines, reads);
        var disputed = Disputed(lines, reads);
        thirdReads ??= [];
        if (thirdReads.Count != 0 && thirdReads.Count != disputed.Count)
            throw new ArgumentException($"{disputed.Count} third looks were asked for, not {thirdReads.Count}.", nameof(thirdReads));
        var third = new Dictionary<int, TextRecognition>();
        for (int k = 0; k < thirdReads.Count; k++) third[disputed[k]] = thirdReads[k];
        var attached = new TextRecognition[lines.Count];
        int nextLook = lines.Count;
        for (int i = 0; i < lines.Count; i++)
        {
            var read = reads[i];
            TextRecognition? other = null;
            if (HasLook(lines[i]))
            {
                var look = reads[nextLook++];
                (read, other) = third.TryGetValue(i, out var t) ? Joint([read, look, t]) : Joint(read, look);
            }
            read = read with { Frames = null };
            attached[i] = other is { } o ? read with { SecondOpinion = new SecondOpinion(o.Text, o.Confidence, o.Alternatives) } : read;
        }
        return attached;
    }

    private static void CheckCount(IReadOnlyList<PreparedLine> lines, IReadOnlyList<TextRecognition> reads)
    {
        int looks = lines.Count(HasLook);
        if (reads.Count != lines.Count + looks)
            throw new ArgumentException($"{lines.Count + looks} reads are needed ({lines.Count} lines, {looks} second looks), " +
                $"not {reads.Count}.", nameof(reads));
    }

    /// <summary>The lines with a third look whose line and second look read differently, in line order.</summary>
    private static List<int> Disputed(IReadOnlyList<PreparedLine> lines, IReadOnlyList<TextRecognition> reads)
    {
        var disputed = new List<int>();
        int nextLook = lines.Count;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!HasLook(lines[i])) continue;
            if (reads[nextLook++].Text != reads[i].Text && lines[i].ThirdLook is not null) disputed.Add(i);
        }
        return disputed;
    }

    /// <summary>
    /// Of two looks at one line, the reading to stand for it and the other look: of the readings either look offers
    /// (<see cref="FrameLattice.Readings"/>), the one of highest probability under both looks together (the sum of its
    /// log-likelihoods). Where that is neither look's own reading, it stands with the confidence of its likeliest
    /// alignment in the look that finds it likelier. Looks read without their frames: the <see cref="Surer"/>.
    /// </summary>
    /// <remarks>
    /// Chosen in a replay of the committed weights (greedy decoding with the prior, `eval_checkpoint`'s scaling, looks at
    /// 1.0 and 1.15 of the width): real people's syllables of writers 0-4 read right 0.764 by the surer look, 0.768
    /// jointly; the pen-like held-out words 0.615 → 0.647; held-out font words 0.860 → 0.877. Choosing only between the
    /// two looks' own readings gained less (0.769 / 0.630 / 0.870).
    /// </remarks>
    public static (TextRecognition Read, TextRecognition Other) Joint(TextRecognition first, TextRecognition second) =>
        Joint([first, second]);

    /// <summary>
    /// <see cref="Joint(TextRecognition, TextRecognition)"/> over any number of looks (the first two being the line's
    /// usual and second look): the other is the second look, or the first where the second's own reading stands.
    /// </summary>
    public static (TextRecognition Read, TextRecognition Other) Joint(IReadOnlyList<TextRecognition> looks)
    {
        ArgumentNullException.ThrowIfNull(looks);
        if (looks.Count < 2) throw new ArgumentException("Two looks at least are weighed together.", nameof(looks));
        if (looks.Any(l => l.Frames is null)) return Surer(looks[0], looks[1]);
        var lattices = looks.Select(l => l.Frames!).ToArray();
        string? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (var text in lattices.SelectMany(l => l.Readings).Distinct(StringComparer.Ordinal))
        {
            double score = lattices.Sum(l => l.LogLikelihood(text));
            if (score > bestScore) (best, bestScore) = (text, score);
        }
        int own = best is null ? 0 : Enumerable.Range(0, looks.Count).FirstOrDefault(i => looks[i].Text == best, -1);
        int basis = own >= 0 ? own : Enumerable.Range(0, looks.Count).MaxBy(i => lattices[i].LogLikelihood(best!));
        var read = own >= 0 ? looks[basis] : looks[basis] with { Text = best!, Confidence = lattices[basis].Confidence(best!) };
        return (read, looks[basis == 1 ? 0 : 1]);
    }

    /// <summary>
    /// Of two looks at one line, the one to stand for it and the other: the second where its least certain character is
    /// surer than the first's.
    /// </summary>
    public static (TextRecognition Read, TextRecognition Other) Surer(TextRecognition first, TextRecognition second) =>
        second.Confidence > first.Confidence ? (second, first) : (first, second);

    /// <summary>A line's third look, for its own reader (<see cref="Disputes"/>).</summary>
    private static PreparedLine ThirdOf(PreparedLine line) => AsLook(line.ThirdLook!, line);

    /// <summary>Whether the line has a second look to read (a look has none of its own).</summary>
    private static bool HasLook(PreparedLine line) => !line.IsLook && line.SecondLook is not null;

    /// <summary>The line's second look, for its own reader (<see cref="HasLook"/>).</summary>
    private static PreparedLine Look(PreparedLine line) => AsLook(line.SecondLook!, line);

    /// <summary>One of <paramref name="line"/>'s scaled crops as a line of its own, for the line's reader, with no looks of its own.</summary>
    private static PreparedLine AsLook(PreparedLine scaled, PreparedLine line) =>
        scaled with { Reader = line.Reader, IsLook = true, SecondLook = null, ThirdLook = null };
}
