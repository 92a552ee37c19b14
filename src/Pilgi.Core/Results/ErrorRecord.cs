namespace Pilgi.Core.Results;

/// <summary>Written instead of a result when a scan fails. <see cref="Reason"/> is one of Errors.ReasonCodes.</summary>
public sealed record ErrorRecord
{
    public string Scan { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Message { get; init; } = "";

    /// <summary>The worker instance that failed, when known.</summary>
    public string? InstanceId { get; init; }

    public DateTimeOffset Time { get; init; }
}
