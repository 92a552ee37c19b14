namespace Pilgi.Pipeline.Events;

/// <summary>The CloudEvents <c>type</c> of each completion event Pilgi publishes.</summary>
public static class ScanEventTypes
{
    /// <summary>The scan was read and its result document written (<c>results/…json</c>).</summary>
    public const string Completed = "pilgi.scan.completed";

    /// <summary>The scan could not be read and its error record was written (<c>failed/…json</c>).</summary>
    public const string Failed = "pilgi.scan.failed";

    /// <summary>Reserved: a reviewer confirmed the fields flagged for review (not published yet).</summary>
    public const string Reviewed = "pilgi.scan.reviewed";
}
