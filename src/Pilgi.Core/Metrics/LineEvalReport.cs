namespace Pilgi.Core.Metrics;

/// <summary>
/// Scores of a recogniser on labelled line crops (<see cref="LineEvalAccumulator"/>). JSON (camelCase, absent values
/// left out): <c>lines</c> scored, <c>cer</c>, <c>exact</c>, <c>exactLines</c>, <c>distance</c> and
/// <c>referenceLength</c> (CER's numerator and denominator), <c>digits</c> (the same, digits only, when asked for),
/// <c>kind</c> and <c>model</c> read with, <c>skipped</c>, <c>perLine</c> and <c>skippedLines</c>.
/// </summary>
public sealed record LineEvalReport
{
    public int Lines { get; init; }
    public double Cer { get; init; }
    public double Exact { get; init; }
    public int ExactLines { get; init; }
    public long Distance { get; init; }
    public long ReferenceLength { get; init; }
    public DigitScores? Digits { get; init; }

    /// <summary>The field kind the lines were read as (snake_case); null when read with any character.</summary>
    public string? Kind { get; init; }

    /// <summary>The recogniser, "name@version".</summary>
    public string? Model { get; init; }

    public int Skipped { get; init; }
    public List<LineScore> PerLine { get; init; } = [];
    public List<SkippedLine> SkippedLines { get; init; } = [];

    public string ToJson() => EvalReportJson.Serialize(this);
}

/// <summary>CER and exact share with both sides reduced to their digits.</summary>
public sealed record DigitScores
{
    public double Cer { get; init; }
    public double Exact { get; init; }
    public int ExactLines { get; init; }
    public long Distance { get; init; }
    public long ReferenceLength { get; init; }
}

/// <summary>One scored line: its line number in the labels file, image path, counts and the read's confidence.</summary>
public sealed record LineScore
{
    public int Line { get; init; }
    public string Path { get; init; } = "";
    public int Distance { get; init; }
    public int Length { get; init; }
    public bool Exact { get; init; }
    public double? Confidence { get; init; }
    public LineCounts? Digits { get; init; }
}

/// <summary>A line's digits-only counts.</summary>
public sealed record LineCounts
{
    public int Distance { get; init; }
    public int Length { get; init; }
    public bool Exact { get; init; }
}

/// <summary>A line not scored: its line number, image path, reason code (e.g. <c>image_corrupt</c>) and message.</summary>
public sealed record SkippedLine
{
    public int Line { get; init; }
    public string Path { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Message { get; init; } = "";
}
