namespace Pilgi.Pipeline.Orchestration;

/// <summary>The output of <see cref="ReadScanOrchestrator"/>.</summary>
/// <param name="Status">One of <see cref="ReadScanOutcome.Succeeded"/>, <see cref="ReadScanOutcome.Failed"/>, <see cref="ReadScanOutcome.Superseded"/>.</param>
/// <param name="Scan">The scan's container path.</param>
/// <param name="Blob">What was written: <c>results/…json</c>, <c>failed/…json</c>, or null when superseded.</param>
/// <param name="Reason">The reason code when it failed.</param>
public sealed record ReadScanOutcome(string Status, string Scan, int Pages, string? Blob, string? Reason = null, string? Message = null)
{
    /// <summary>The template's fields in the result (set when it succeeded), for hosts that log a summary.</summary>
    public int? Fields { get; init; }

    /// <summary>Fields a value was read for (set when it succeeded).</summary>
    public int? FieldsRead { get; init; }

    /// <summary>Fields flagged for review (set when it succeeded).</summary>
    public int? NeedsReview { get; init; }

    /// <summary>The id of the completion event published (null: events are off, or none is published for this outcome).</summary>
    public string? EventId { get; init; }

    /// <summary>Why the completion event was not published, after every retry (null when it was, or none was due).</summary>
    public string? EventError { get; init; }

    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The blob was replaced (new ETag) before it was read: the new upload has its own instance.</summary>
    public const string Superseded = "superseded";
}
