namespace Pilgi.Core.Metrics;

/// <summary>
/// Evaluation summary (a contract). JSON: <c>pages</c>, <c>detection</c>, <c>recognition</c>, <c>fields</c>,
/// <c>speed</c>, <c>review</c> (what acting on the accepted fields would do), plus the breakdowns <c>byKind</c>
/// (snake_case kind names) and <c>byTemplate</c>.
/// </summary>
public sealed record EvalReport
{
    public int Pages { get; init; }
    public DetectionScores Detection { get; init; } = new();
    public RecognitionScores Recognition { get; init; } = new();
    public FieldTotals Fields { get; init; } = new();
    public SpeedScores Speed { get; init; } = new();
    public ReviewScores Review { get; init; } = new();
    public Dictionary<string, FieldScores> ByKind { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, FieldScores> ByTemplate { get; init; } = new(StringComparer.Ordinal);

    public string ToJson() => EvalReportJson.Serialize(this);
}

/// <summary>Micro-averaged detection scores at IoU threshold <see cref="Iou"/>; tp/fp/fn are the raw counts.</summary>
public sealed record DetectionScores
{
    public double Iou { get; init; }
    public double Precision { get; init; }
    public double Recall { get; init; }
    public double F1 { get; init; }
    public int Tp { get; init; }
    public int Fp { get; init; }
    public int Fn { get; init; }
}

/// <summary>Character error rate over all labelled handwritten fields.</summary>
public sealed record RecognitionScores
{
    public double Cer { get; init; }
}

/// <summary>Share of fields read exactly (after normalisation) and how many fields there were.</summary>
public sealed record FieldTotals
{
    public double Exact { get; init; }
    public int Total { get; init; }
}

/// <summary>
/// CER, exact share and count for one slice of fields (a kind or a template); the share of its fields accepted, and
/// the share of the accepted ones that are wrong.
/// </summary>
public sealed record FieldScores
{
    public double Cer { get; init; }
    public double Exact { get; init; }
    public int Total { get; init; }
    public double Accepted { get; init; }
    public double WrongAccepted { get; init; }
}

/// <summary>
/// Whether confidences and review can be trusted (see <see cref="ReviewMetrics"/> for the definitions): the share of
/// fields accepted (read, valid, not flagged) and of the accepted ones wrong (with the counts), the expected
/// calibration error of the confidences against exactness, the reliability diagram's bins and the risk–coverage curve
/// (at most 100 points), and what a threshold chosen with hindsight on these fields would accept at each of
/// <see cref="EvalAccumulator.HindsightRisks"/> (<see cref="ReviewMetrics.Hindsight"/>).
/// </summary>
public sealed record ReviewScores
{
    public double Accepted { get; init; }
    public double WrongAccepted { get; init; }
    public int AcceptedCount { get; init; }
    public int WrongAcceptedCount { get; init; }
    public double Ece { get; init; }
    public List<ReliabilityBin> Reliability { get; init; } = [];
    public List<RiskCoveragePoint> RiskCoverage { get; init; } = [];
    public List<HindsightCoverage> Hindsight { get; init; } = [];
}

public sealed record SpeedScores
{
    public double PagesPerSecond { get; init; }
    public SecondsPerPage SecondsPerPage { get; init; } = new();
}

public sealed record SecondsPerPage
{
    public double P50 { get; init; }
    public double P95 { get; init; }
}
