using Pilgi.Core.Templates;

namespace Pilgi.Core.Metrics;

/// <summary>
/// Collects the reads of labelled line crops and produces a <see cref="LineEvalReport"/>. Definitions are those of
/// <see cref="EvalAccumulator"/>'s fields, per line (<see cref="TextComparison.Of"/>): CER = Σ edit distance / Σ reference
/// length over the lines scored, exact = share of lines equal after normalisation. The digits-only scores, when asked
/// for, compare the digits alone (<see cref="TextComparison.DigitsOf"/>). Lines skipped (no image to read) are listed
/// and counted apart, in no score. Ratios with a zero denominator are 0. Not thread-safe.
/// </summary>
public sealed class LineEvalAccumulator(bool digits)
{
    private readonly List<LineScore> _lines = [];
    private readonly List<SkippedLine> _skipped = [];
    private readonly Tally _all = new();
    private readonly Tally _digits = new();

    /// <summary>Whether the digits-only scores are kept.</summary>
    public bool Digits { get; } = digits;

    /// <summary>The kinds whose values are mostly digits, for which a digits-only score is worth reporting.</summary>
    public static bool IsDigitKind(FieldKind kind) => FieldKindRules.For(kind).IsDigitKind;

    /// <summary>Scores one line: <paramref name="line"/> is its line number in the labels file, <paramref name="predicted"/> the read.</summary>
    public LineScore Add(int line, string path, string reference, string? predicted, double? confidence = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reference);
        var text = TextComparison.Of(reference, predicted);
        _all.Add(text);
        LineCounts? digitCounts = null;
        if (Digits)
        {
            var d = TextComparison.DigitsOf(reference, predicted);
            _digits.Add(d);
            digitCounts = Counts(d);
        }
        var (distance, length, exact) = text;
        var score = new LineScore
        {
            Line = line, Path = path, Distance = distance, Length = length, Exact = exact, Confidence = confidence, Digits = digitCounts,
        };
        _lines.Add(score);
        return score;
    }

    /// <summary>A line that could not be scored, with the reason code and message that say why.</summary>
    public void Skip(int line, string path, string reason, string message) =>
        _skipped.Add(new SkippedLine { Line = line, Path = path, Reason = reason, Message = message });

    public LineEvalReport Report() => new()
    {
        Lines = _lines.Count,
        Cer = _all.Cer,
        Exact = _all.Exact,
        ExactLines = _all.ExactCount,
        Distance = _all.Distance,
        ReferenceLength = _all.Length,
        Digits = Digits ? new DigitScores
        {
            Cer = _digits.Cer, Exact = _digits.Exact, ExactLines = _digits.ExactCount, Distance = _digits.Distance, ReferenceLength = _digits.Length,
        } : null,
        Skipped = _skipped.Count,
        PerLine = [.. _lines],
        SkippedLines = [.. _skipped],
    };

    private static LineCounts Counts(TextComparison c) => new() { Distance = c.Distance, Length = c.Length, Exact = c.Exact };

    private sealed class Tally
    {
        public long Distance { get; private set; }
        public long Length { get; private set; }
        public int ExactCount { get; private set; }
        public int Count { get; private set; }
        public double Cer => Length > 0 ? (double)Distance / Length : 0;
        public double Exact => Count > 0 ? (double)ExactCount / Count : 0;

        public void Add(TextComparison c)
        {
            Distance += c.Distance;
            Length += c.Length;
            if (c.Exact) ExactCount++;
            Count++;
        }
    }
}
