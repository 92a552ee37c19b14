using Pilgi.Core.Fusion;

namespace Pilgi.Inference.Recognition;

/// <summary>CTC decoding of per-frame class probabilities: greedy (the read), and a prefix beam search (its alternatives).</summary>
public static class CtcDecoder
{
    /// <param name="probs">frames x classes, row-major probabilities.</param>
    /// <param name="frames">frames to read (the rest is padding).</param>
    /// <param name="allowed">Classes that may be emitted (blank always may); null allows every class.</param>
    public static TextRecognition Decode(ReadOnlySpan<float> probs, int frames, int classes, int blank, IReadOnlyList<string> charset,
        bool[]? allowed = null)
    {
        var text = new System.Text.StringBuilder();
        double minCharProb = 1.0;
        int previous = blank;
        double runBest = 0;
        bool inRun = false;
        for (int t = 0; t < frames; t++)
        {
            var row = probs.Slice(t * classes, classes);
            int best = blank;
            float bestP = row[blank];
            for (int c = 0; c < classes; c++)
                if (row[c] > bestP && (allowed is null || allowed[c])) { bestP = row[c]; best = c; }

            if (best != previous)
            {
                if (inRun) minCharProb = Math.Min(minCharProb, runBest);
                inRun = best != blank;
                runBest = bestP;
                if (inRun) text.Append(Symbol(best, blank, charset));
            }
            else if (inRun && bestP > runBest)
            {
                runBest = bestP;
            }
            previous = best;
        }
        if (inRun) minCharProb = Math.Min(minCharProb, runBest);
        var s = text.ToString().Trim();
        return new TextRecognition(s, s.Length == 0 ? 0 : minCharProb);
    }

    /// <summary>
    /// The likeliest distinct texts (trimmed), best first, by CTC prefix beam search: each frame extends the
    /// <paramref name="beamWidth"/> best prefixes by the blank and by the few likeliest allowed classes of that frame
    /// (<paramref name="classesPerFrame"/>, those of probability at least <see cref="MinClassProbability"/>).
    /// Scores are natural-log probabilities summed over the alignments the beam kept; at most <paramref name="count"/>
    /// readings, none more than <paramref name="maxGap"/> below the best.
    /// </summary>
    public static IReadOnlyList<ReadCandidate> BeamSearch(ReadOnlySpan<float> probs, int frames, int classes, int blank,
        IReadOnlyList<string> charset, bool[]? allowed = null, int beamWidth = 12, int classesPerFrame = 4, int count = 6,
        double maxGap = double.PositiveInfinity)
    {
        // prefix -> (log P ending in blank, log P ending in a symbol, last symbol class)
        var beams = new Dictionary<string, (double Blank, double Symbol, int Last)>(StringComparer.Ordinal) { [""] = (0, double.NegativeInfinity, -1) };
        var next = new Dictionary<string, (double Blank, double Symbol, int Last)>(StringComparer.Ordinal);
        var top = new int[classesPerFrame];
        for (int t = 0; t < frames; t++)
        {
            var row = probs.Slice(t * classes, classes);
            int n = TopClasses(row, blank, allowed, top, MinClassProbability);
            double logBlank = Log(row[blank]);
            next.Clear();
            foreach (var (prefix, (pb, ps, last)) in beams)
            {
                double total = LogAdd(pb, ps);
                Merge(next, prefix, LogAdd(Get(next, prefix).Blank, total + logBlank), double.NegativeInfinity, last, blankPart: true);
                if (last >= 0)
                {
                    // the same symbol again without a blank between continues it
                    Merge(next, prefix, double.NegativeInfinity, ps + Log(row[last]), last, blankPart: false);
                }
                for (int k = 0; k < n; k++)
                {
                    int c = top[k];
                    double lp = Log(row[c]);
                    // a repeat of the last symbol is a new character only after a blank
                    double from = c == last ? pb : total;
                    if (double.IsNegativeInfinity(from)) continue;
                    Merge(next, prefix + Symbol(c, blank, charset), double.NegativeInfinity, from + lp, c, blankPart: false);
                }
            }
            beams.Clear();
            foreach (var kv in next.OrderByDescending(kv => LogAdd(kv.Value.Blank, kv.Value.Symbol)).Take(beamWidth))
                beams[kv.Key] = kv.Value;
        }
        var texts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (prefix, (pb, ps, _)) in beams)
        {
            var text = prefix.Trim();
            double score = LogAdd(pb, ps);
            texts[text] = texts.TryGetValue(text, out var s) ? LogAdd(s, score) : score;
        }
        var ranked = texts.Where(kv => kv.Key.Length > 0).OrderByDescending(kv => kv.Value).Take(count).ToList();
        return ranked.TakeWhile(kv => kv.Value >= ranked[0].Value - maxGap).Select(kv => new ReadCandidate(kv.Key, kv.Value)).ToList();
    }

    /// <summary>
    /// Natural-log distance below the best reading beyond which readings are not offered: wider than the margin
    /// within which fusion may prefer a valid or plausible reading (<c>FusionOptions.CandidateMargin</c>, 6), so no
    /// reading fusion could choose is cut, while the records that carry the readings stay small.
    /// </summary>
    public const double AlternativeGap = 10;

    /// <summary>Frame probabilities below this are not followed by the beam.</summary>
    public const float MinClassProbability = 1e-3f;

    /// <summary>
    /// The likeliest classes of <paramref name="row"/> into <paramref name="top"/>, likeliest first, as many as it holds
    /// and as qualify: not <paramref name="skip"/> (−1: none), allowed, of probability at least
    /// <paramref name="minProbability"/>. Returns how many.
    /// </summary>
    internal static int TopClasses(ReadOnlySpan<float> row, int skip, bool[]? allowed, Span<int> top, float minProbability)
    {
        int n = 0;
        for (int c = 0; c < row.Length; c++)
        {
            if (c == skip || row[c] < minProbability || (allowed is not null && !allowed[c])) continue;
            if (n < top.Length) top[n++] = c;
            else if (row[c] > row[top[n - 1]]) top[n - 1] = c;
            else continue;
            for (int i = n - 1; i > 0 && row[top[i]] > row[top[i - 1]]; i--) (top[i], top[i - 1]) = (top[i - 1], top[i]);
        }
        return n;
    }

    private static (double Blank, double Symbol, int Last) Get(Dictionary<string, (double Blank, double Symbol, int Last)> d, string key) =>
        d.TryGetValue(key, out var v) ? v : (double.NegativeInfinity, double.NegativeInfinity, -1);

    private static void Merge(Dictionary<string, (double Blank, double Symbol, int Last)> d, string key, double blankScore,
        double symbolScore, int last, bool blankPart)
    {
        var cur = Get(d, key);
        d[key] = blankPart
            ? (blankScore, cur.Symbol, cur.Last >= 0 ? cur.Last : last)
            : (cur.Blank, LogAdd(cur.Symbol, symbolScore), last);
    }

    private static double Log(float p) => p > 0 ? Math.Log(p) : double.NegativeInfinity;

    /// <summary>log(e^a + e^b), either side possibly −∞.</summary>
    internal static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double m = Math.Max(a, b);
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }

    /// <summary>The classes whose symbols are all in <paramref name="alphabet"/>, for <see cref="Decode"/>.</summary>
    public static bool[] AllowedClasses(string alphabet, int classes, int blank, IReadOnlyList<string> charset)
    {
        var characters = new HashSet<char>(alphabet);
        var allowed = new bool[classes];
        for (int c = 0; c < classes; c++)
        {
            if (c == blank) continue;
            var symbol = Symbol(c, blank, charset);
            allowed[c] = symbol.Length > 0 && symbol.All(characters.Contains);
        }
        return allowed;
    }

    /// <summary>
    /// Where <paramref name="allowed"/> holds both Hangul syllables and Latin letters (a name, written in one or the
    /// other): the classes of each script alone, with the allowed classes that are neither (space, '.'); else none.
    /// A value is written in one script, so each one's likeliest readings are offered beside the mixed ones.
    /// </summary>
    public static bool[][] ScriptSubsets(bool[] allowed, int blank, IReadOnlyList<string> charset)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var script = new int[allowed.Length]; // 0 neither, 1 Hangul, 2 Latin, 3 both
        for (int c = 0; c < allowed.Length; c++)
        {
            if (!allowed[c]) continue;
            foreach (char ch in Symbol(c, blank, charset))
                script[c] |= ch is >= '\uAC00' and <= '\uD7A3' ? 1 : char.IsAsciiLetter(ch) ? 2 : 0;
        }
        if (!script.Contains(1) || !script.Contains(2)) return [];
        return new[] { 1, 2 }.Select(s => allowed.Select((a, c) => a && (script[c] == 0 || script[c] == s)).ToArray()).ToArray();
    }

    /// <summary>Candidates of several searches as one list: each text once at its best score, best first.</summary>
    public static IReadOnlyList<ReadCandidate> Merge(IEnumerable<IReadOnlyList<ReadCandidate>> lists, int count)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return lists.SelectMany(l => l)
            .GroupBy(c => c.Text, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.LogProbability)!)
            .OrderByDescending(c => c.LogProbability)
            .Take(count)
            .ToList();
    }

    private static string Symbol(int cls, int blank, IReadOnlyList<string> charset)
    {
        int index = cls < blank ? cls : cls - 1;
        return (uint)index < (uint)charset.Count ? charset[index] : "";
    }
}
