using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Pilgi.Core.Privacy;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>Whether <see cref="ScanScheduling.StartOnceAsync"/> started the instance or found it already there.</summary>
public sealed record ScanSchedule(string InstanceId, bool Started);

/// <summary>Starting <see cref="ReadScanOrchestrator"/> for an upload, once.</summary>
public static class ScanScheduling
{
    /// <summary>The span of <see cref="StartOnceAsync"/>.</summary>
    public const string ScheduleSpan = "ScheduleScan";

    /// <summary>
    /// Statuses of an existing instance that mean the upload is (being) read already. Without them as dedupe
    /// statuses a second start would terminate a running instance and start it again.
    /// </summary>
    private static readonly OrchestrationRuntimeStatus[] Taken =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Suspended,
    ];

    /// <summary>
    /// Schedules the job under its instance id (<see cref="ScanJob.InstanceId"/>) unless that instance exists and
    /// is pending, running or completed: a blob trigger that fires twice for one upload starts one orchestration.
    /// An instance that failed or was terminated (nothing written) is started again.
    /// </summary>
    /// <remarks>
    /// Traced as the scan's first span (<c>ScheduleScan</c>), whose context the job carries into the orchestration
    /// (<see cref="ScanJob.TraceParent"/>): a child of the caller's span (the trigger's invocation) when there is one.
    /// </remarks>
    public static async Task<ScanSchedule> StartOnceAsync(this DurableTaskClient client, ScanJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(job);
        using var span = PipelineTelemetry.Source.StartActivity(ScheduleSpan, ActivityKind.Producer, TraceContext.Parse(job.TraceParent));
        span?.SetTag(TelemetryTags.Scan, PiiMasker.Mask(job.Path));
        span?.SetTag(TelemetryTags.Template, job.TemplateId);
        span?.SetTag(TelemetryTags.InstanceId, job.InstanceId);
        job = job with { TraceParent = span?.Id ?? job.TraceParent ?? TraceContext.Current() };
        var schedule = await StartCoreAsync(client, job, cancellationToken).ConfigureAwait(false);
        span?.SetTag(TelemetryTags.Outcome, schedule.Started ? "started" : "already_scheduled");
        return schedule;
    }

    private static async Task<ScanSchedule> StartCoreAsync(DurableTaskClient client, ScanJob job, CancellationToken cancellationToken)
    {
        string id = job.InstanceId;
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null && Taken.Contains(existing.RuntimeStatus)) return new ScanSchedule(id, false);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ReadScanOrchestrator.Name, job,
                new StartOrchestrationOptions(id).WithDedupeStatuses(Taken),
                cancellationToken).ConfigureAwait(false);
            return new ScanSchedule(id, true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // lost a race with another trigger: fine when that one's instance is there now
            var now = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
            if (now is not null && Taken.Contains(now.RuntimeStatus)) return new ScanSchedule(id, false);
            throw;
        }
    }
}
