namespace Pilgi.Inference.Recognition;

/// <summary>Greedy CTC decoding of per-frame class probabilities.</summary>
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

    private static string Symbol(int cls, int blank, IReadOnlyList<string> charset)
    {
        int index = cls < blank ? cls : cls - 1;
        return (uint)index < (uint)charset.Count ? charset[index] : "";
    }
}
