using Microsoft.DurableTask.Client;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Functions.Http;

/// <summary>
/// What <c>GET /api/scans/{templateId}/{*path}</c> answers about the current upload of a scan.
/// </summary>
/// <param name="Scan">The container path, <c>scans/&lt;templateId&gt;/&lt;path&gt;</c>.</param>
/// <param name="ETag">The blob's current ETag; with the path it makes the instance id.</param>
/// <param name="State">
/// <see cref="Waiting"/> (uploaded, not scheduled yet), <see cref="Running"/>, or done:
/// <see cref="ReadScanOutcome.Succeeded"/>, <see cref="ReadScanOutcome.Failed"/> (bad input or a step that kept failing:
/// <see cref="Result"/> is the error record), <see cref="ReadScanOutcome.Superseded"/>, or <see cref="Error"/> (the
/// orchestration itself failed or was terminated; nothing was written).
/// </param>
/// <param name="RuntimeStatus">The Durable runtime status (<c>Pending</c>, <c>Running</c>, <c>Completed</c>, …), null before scheduling.</param>
/// <param name="Stage">The orchestration's custom status: the stage it is at (<see cref="ReadScanStages"/>).</param>
/// <param name="Fields">When it succeeded: the template's fields, those read, those flagged for review.</param>
/// <param name="Result">When done: <c>results/…json</c> or <c>failed/…json</c>.</param>
public sealed record ScanStatusReport(
    string Scan,
    string TemplateId,
    string ETag,
    string InstanceId,
    string State,
    string? RuntimeStatus,
    string? Stage = null,
    int? Pages = null,
    int? Fields = null,
    int? FieldsRead = null,
    int? NeedsReview = null,
    string? Result = null,
    string? Reason = null,
    string? Message = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? LastUpdatedAt = null)
{
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Error = "error";

    public bool Done => State is not (Waiting or Running);

    /// <summary>The report for <paramref name="job"/> from its instance's metadata (null: not scheduled yet).</summary>
    public static ScanStatusReport From(ScanJob job, OrchestrationMetadata? instance)
    {
        ArgumentNullException.ThrowIfNull(job);
        var report = new ScanStatusReport(job.Path, job.TemplateId, job.ETag, job.InstanceId, Waiting, null);
        if (instance is null) return report;

        report = report with
        {
            RuntimeStatus = instance.RuntimeStatus.ToString(),
            Stage = TryRead(() => instance.ReadCustomStatusAs<string>()),
            CreatedAt = instance.CreatedAt,
            LastUpdatedAt = instance.LastUpdatedAt,
        };
        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                var outcome = TryRead(() => instance.ReadOutputAs<ReadScanOutcome>());
                if (outcome is null)
                    return report with { State = Error, Reason = "internal_error", Message = "The orchestration completed without an outcome." };
                return report with
                {
                    State = outcome.Status, Pages = outcome.Pages, Fields = outcome.Fields, FieldsRead = outcome.FieldsRead,
                    NeedsReview = outcome.NeedsReview, Result = outcome.Blob, Reason = outcome.Reason, Message = outcome.Message,
                };
            case OrchestrationRuntimeStatus.Failed:
            case OrchestrationRuntimeStatus.Terminated:
                return report with
                {
                    State = Error,
                    Reason = "internal_error",
                    Message = instance.FailureDetails?.ErrorMessage ?? $"The orchestration is {instance.RuntimeStatus}.",
                };
            default:
                return report with { State = Running };
        }
    }

    private static T? TryRead<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
