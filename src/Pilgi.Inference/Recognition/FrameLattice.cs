namespace Pilgi.Inference.Recognition;

/// <summary>
/// What one read of a line keeps of its frame probabilities, so that a text can be scored against them after the run
/// (<see cref="SecondOpinions.Joint"/> weighs every look's readings under every look): each frame's
/// <see cref="ClassesPerFrame"/> likeliest classes with their probabilities, and the rest of the frame's probability
/// shared evenly among the other classes. Also the readings the read offers (<see cref="Readings"/>).
/// </summary>
public sealed class FrameLattice
{
    /// <summary>
    /// Classes kept per frame. A replay of the joint choice on the pen-like held-out words and held-out font words chose
    /// the same readings with 8 kept as with every class (4: one reading of 800 differed).
    /// </summary>
    public const int ClassesPerFrame = 8;

    private readonly int _frames;
    private readonly int _keep;
    private readonly int _blank;
    private readonly int[] _classes;
    private readonly float[] _probabilities;
    private readonly float[] _rest;
    private readonly CharsetLabels _labels;

    private FrameLattice(int frames, int keep, int blank, int[] classes, float[] probabilities, float[] rest,
        CharsetLabels labels, IReadOnlyList<string> readings)
    {
        _frames = frames;
        _keep = keep;
        _blank = blank;
        _classes = classes;
        _probabilities = probabilities;
        _rest = rest;
        _labels = labels;
        Readings = readings;
    }

    /// <summary>The texts this read offers as its line's reading, likeliest first.</summary>
    public IReadOnlyList<string> Readings { get; }

    /// <summary>The lattice of the first <paramref name="frames"/> frames of <paramref name="probs"/> (frames x classes).</summary>
    public static FrameLattice Of(ReadOnlySpan<float> probs, int frames, int classes, int blank, CharsetLabels labels,
        IReadOnlyList<string> readings)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(readings);
        int keep = Math.Min(ClassesPerFrame, classes);
        var kept = new int[frames * keep];
        var probabilities = new float[frames * keep];
        var rest = new float[frames];
        for (int t = 0; t < frames; t++)
        {
            var row = probs.Slice(t * classes, classes);
            var top = kept.AsSpan(t * keep, keep);
            CtcDecoder.TopClasses(row, skip: -1, allowed: null, top, minProbability: float.NegativeInfinity);
            double sum = 0;
            for (int i = 0; i < keep; i++) sum += probabilities[t * keep + i] = row[top[i]];
            rest[t] = classes > keep ? (float)Math.Max(0, (1 - sum) / (classes - keep)) : 0;
        }
        return new FrameLattice(frames, keep, blank, kept, probabilities, rest, labels, readings);
    }

    /// <summary>Natural-log probability of <paramref name="text"/> summed over its alignments (the CTC forward pass).</summary>
    public double LogLikelihood(string text)
    {
        var labels = _labels.Of(text);
        if (labels is null) return double.NegativeInfinity;
        if (labels.Length == 0) return BlankOnly();
        if (_frames == 0) return double.NegativeInfinity;
        int states = 2 * labels.Length + 1;
        var alpha = new double[states];
        var next = new double[states];
        Array.Fill(alpha, double.NegativeInfinity);
        alpha[0] = LogP(0, _blank);
        alpha[1] = LogP(0, labels[0]);
        for (int t = 1; t < _frames; t++)
        {
            for (int s = 0; s < states; s++)
            {
                double sum = CtcDecoder.LogAdd(alpha[s], s > 0 ? alpha[s - 1] : double.NegativeInfinity);
                if (SkipAllowed(labels, s)) sum = CtcDecoder.LogAdd(sum, alpha[s - 2]);
                next[s] = double.IsNegativeInfinity(sum) ? sum : sum + LogP(t, Label(labels, s));
            }
            (alpha, next) = (next, alpha);
        }
        return CtcDecoder.LogAdd(alpha[states - 1], alpha[states - 2]);
    }

    /// <summary>
    /// The probability of <paramref name="text"/>'s least certain character along its likeliest alignment (each
    /// character's surest frame), as <see cref="CtcDecoder.Decode"/> gives it for the greedy reading; 0 for none.
    /// </summary>
    public double Confidence(string text)
    {
        var labels = _labels.Of(text);
        if (labels is null || labels.Length == 0 || _frames == 0) return 0;
        int states = 2 * labels.Length + 1;
        var score = new double[_frames, states];
        var from = new int[_frames, states];
        for (int s = 0; s < states; s++) score[0, s] = double.NegativeInfinity;
        score[0, 0] = LogP(0, _blank);
        score[0, 1] = LogP(0, labels[0]);
        for (int t = 1; t < _frames; t++)
        {
            for (int s = 0; s < states; s++)
            {
                double best = score[t - 1, s];
                int arg = s;
                if (s > 0 && score[t - 1, s - 1] > best) (best, arg) = (score[t - 1, s - 1], s - 1);
                if (SkipAllowed(labels, s) && score[t - 1, s - 2] > best) (best, arg) = (score[t - 1, s - 2], s - 2);
                score[t, s] = double.IsNegativeInfinity(best) ? best : best + LogP(t, Label(labels, s));
                from[t, s] = arg;
            }
        }
        int state = score[_frames - 1, states - 1] >= score[_frames - 1, states - 2] ? states - 1 : states - 2;
        if (double.IsNegativeInfinity(score[_frames - 1, state])) return 0;
        var surest = new double[labels.Length];
        for (int t = _frames - 1; t >= 0; t--)
        {
            if (state % 2 == 1) surest[state / 2] = Math.Max(surest[state / 2], Math.Exp(LogP(t, labels[state / 2])));
            if (t > 0) state = from[t, state];
        }
        return surest.Min();
    }

    private double BlankOnly()
    {
        double sum = 0;
        for (int t = 0; t < _frames; t++) sum += LogP(t, _blank);
        return _frames == 0 ? 0 : sum;
    }

    private int Label(int[] labels, int state) => state % 2 == 0 ? _blank : labels[state / 2];

    /// <summary>Whether a path may pass from state s−2 to s: s is a character unlike the one before it.</summary>
    private static bool SkipAllowed(int[] labels, int state) =>
        state % 2 == 1 && state >= 2 && labels[state / 2] != labels[state / 2 - 1];

    private double LogP(int frame, int cls)
    {
        for (int i = 0; i < _keep; i++)
            if (_classes[frame * _keep + i] == cls) return Log(_probabilities[frame * _keep + i]);
        return Log(_rest[frame]);
    }

    // a class of no probability at all is very unlikely, not impossible: one such frame must not rule a text out
    private static double Log(float p) => Math.Log(Math.Max(p, 1e-30f));
}
