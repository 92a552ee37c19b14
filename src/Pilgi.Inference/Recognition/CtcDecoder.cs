namespace Pilgi.Inference.Recognition;

/// <summary>Greedy CTC decoding of per-frame class probabilities.</summary>
public static class CtcDecoder
{
    /// <param name="probs">frames x classes, row-major probabilities.</param>
    /// <param name="frames">frames to read (the rest is padding).</param>
    public static TextRecognition Decode(ReadOnlySpan<float> probs, int frames, int classes, int blank, IReadOnlyList<string> charset)
    {
        var text = new System.Text.StringBuilder();
        double minCharProb = 1.0;
        int previous = blank;
        double runBest = 0;
        bool inRun = false;
        for (int t = 0; t < frames; t++)
        {
            var row = probs.Slice(t * classes, classes);
            int best = 0;
            float bestP = row[0];
            for (int c = 1; c < classes; c++)
                if (row[c] > bestP) { bestP = row[c]; best = c; }

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

    private static string Symbol(int cls, int blank, IReadOnlyList<string> charset)
    {
        int index = cls < blank ? cls : cls - 1;
        return (uint)index < (uint)charset.Count ? charset[index] : "";
    }
}
