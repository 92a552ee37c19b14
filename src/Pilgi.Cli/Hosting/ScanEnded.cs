using System.Globalization;
using Microsoft.DurableTask.Client;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Cli.Hosting;

/// <summary>How one scan's orchestration ended, as the local host logs it.</summary>
/// <param name="Outcome"><see cref="ReadScanOutcome.Succeeded"/>, <see cref="ReadScanOutcome.Failed"/>,
/// <see cref="ReadScanOutcome.Superseded"/>, or <see cref="Error"/> when the orchestration itself failed or was terminated.</param>
/// <param name="Seconds">From scheduling to the end, queueing included.</param>
/// <param name="Blob">What was written: <c>results/…json</c> or <c>failed/…json</c>.</param>
public sealed record ScanEnded(string Scan, string TemplateId, string InstanceId, string Outcome, int Pages, int? Fields,
    int? FieldsRead, int? NeedsReview, double Seconds, string? Blob, string? Reason, string? Message)
{
    /// <summary>The orchestration did not complete (a bug or the instance was terminated): nothing may have been written.</summary>
    public const string Error = "error";

    public static ScanEnded From(ScanJob job, OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(instance);
        double seconds = Math.Max(0, (instance.LastUpdatedAt - instance.CreatedAt).TotalSeconds);
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.ReadOutputAs<ReadScanOutcome>() is { } o)
            return new ScanEnded(job.BlobName, job.TemplateId, instance.InstanceId, o.Status, o.Pages, o.Fields, o.FieldsRead,
                o.NeedsReview, seconds, o.Blob, o.Reason, o.Message);
        var failure = instance.FailureDetails;
        return new ScanEnded(job.BlobName, job.TemplateId, instance.InstanceId, Error, 0, null, null, null, seconds, null,
            instance.RuntimeStatus.ToString().ToLowerInvariant(),
            failure is null ? null : $"{failure.ErrorType}: {failure.ErrorMessage}");
    }

    /// <summary>
    /// <c>remittance/2026/001.jpg  template=remittance  pages=1  fields=12 (9 read, 2 to review)  4.3 s  succeeded</c>;
    /// a failure names its reason and record.
    /// </summary>
    public override string ToString()
    {
        string fields = Fields is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"{f} ({FieldsRead ?? 0} read, {NeedsReview ?? 0} to review)")
            : "-";
        string outcome = Outcome switch
        {
            ReadScanOutcome.Failed => $"failed: {Reason} ({Blob})",
            Error => $"error: {Reason}{(Message is null ? "" : " - " + Message)}",
            _ => Outcome,
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{Scan}  template={TemplateId}  pages={Pages}  fields={fields}  {Seconds:0.0} s  {outcome}");
    }
}
