namespace Pilgi.Pipeline.Status;

/// <summary>One upload in <c>scans</c> and what the pipeline made of it (<see cref="ScanStatusQuery"/>).</summary>
/// <param name="Scan">The blob's name in <c>scans</c>: <c>remittance/2026/001.jpg</c>.</param>
/// <param name="State">One of <see cref="ScanStates"/>.</param>
/// <param name="Uploaded">When the upload was last written.</param>
public sealed record ScanStatus(string Scan, string? TemplateId, string State, DateTimeOffset? Uploaded)
{
    /// <summary>When the result or the error record was written; null while in flight.</summary>
    public DateTimeOffset? Ended { get; init; }

    /// <summary>The template's fields in the result, those a value was read for, those flagged for review (when read).</summary>
    public int? Fields { get; init; }

    public int? FieldsRead { get; init; }
    public int? NeedsReview { get; init; }

    /// <summary>The reason code of the error record, or why an upload is ignored.</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>The result document's name in <c>results</c> (when read).</summary>
    public string? ResultBlob { get; init; }

    /// <summary>The overlays' names in <c>results</c>, page 1 first (when read).</summary>
    public IReadOnlyList<string> OverlayBlobs { get; init; } = [];

    /// <summary>The error record's name in <c>failed</c> (when failed).</summary>
    public string? FailureBlob { get; init; }

    /// <summary>
    /// While in flight, what the durable state says of its orchestration ("running (detect)", "not started"), when a
    /// host looked it up; the blob view alone leaves it null.
    /// </summary>
    public string? Orchestration { get; init; }

    /// <summary>The orchestration instance of this upload (<see cref="Orchestration.ScanInstanceIds"/>); null when ignored.</summary>
    public string? InstanceId { get; init; }
}
