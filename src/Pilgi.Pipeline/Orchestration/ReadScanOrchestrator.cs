using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Pilgi.Core.Privacy;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Telemetry;
using Pilgi.Reading.Flow;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// The one orchestration: <see cref="ReadingFlow"/>'s stages, each call an activity (<see cref="ActivityStages"/>):
/// preprocess → detect (one activity per page, in parallel) → recognise (one activity per batch of crops, in
/// parallel) → fuse and write the result. Any failure ends in <see cref="WriteFailureActivity"/>
/// writing <c>failed/&lt;templateId&gt;/&lt;path&gt;.json</c>; the orchestration then completes with a
/// <see cref="ReadScanOutcome.Failed"/> outcome. Either way, once that is written, <see cref="PublishScanEventActivity"/>
/// publishes the scan's completion event (none for a superseded upload). Bad input (a <c>PilgiException</c>) is not retried; other
/// failures are retried per <see cref="ActivityRetrySettings"/>.
/// Deterministic: no clock, GUIDs or I/O here (the context's clock and instance id only); activities get and
/// return blob names and small records. Telemetry is recorded once, when the orchestration ends outside a replay
/// (<see cref="ScanTelemetry"/>); the activities join the scan's trace through <see cref="ScanJob.TraceParent"/>.
/// </summary>
public sealed class ReadScanOrchestrator : TaskOrchestrator<ScanJob, ReadScanOutcome>
{
    public const string Name = "ReadScan";

    private readonly ActivityRetrySettings _retry;

    public ReadScanOrchestrator() : this(new ActivityRetrySettings())
    {
    }

    public ReadScanOrchestrator(ActivityRetrySettings retry)
    {
        _retry = retry ?? throw new ArgumentNullException(nameof(retry));
    }

    public override async Task<ReadScanOutcome> RunAsync(TaskOrchestrationContext context, ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(job);
        job.Validate();
        var log = context.CreateReplaySafeLogger<ReadScanOrchestrator>();
        var options = _retry.ToTaskOptions();
        var clock = new StageClock(context.CurrentUtcDateTime);
        string stage = ReadScanStages.Preprocess;
        var stages = new ActivityStages(job, context.InstanceId, new OrchestrationActivityCalls(context, options),
            () => context.CurrentUtcDateTime,
            starting: s =>
            {
                stage = ReadScanStages.Of(s);
                context.SetCustomStatus(stage);
            },
            ended: s => clock.Done(ReadScanStages.Of(s), context.CurrentUtcDateTime));

        ReadScanOutcome outcome;
        try
        {
            var written = await ReadingFlow.RunAsync(stages);
            context.SetCustomStatus(ReadScanStages.Done);
            if (written is null)
            {
                log.LogInformation("{Scan}: replaced by a newer upload (ETag {ETag}) before it was read", job.Path, stages.Preprocessed?.SupersededByETag);
                outcome = new ReadScanOutcome(ReadScanOutcome.Superseded, job.Path, 0, null);
            }
            else
            {
                outcome = new ReadScanOutcome(ReadScanOutcome.Succeeded, job.Path, stages.Pages, written.ResultBlob)
                {
                    Fields = written.Fields, FieldsRead = written.FieldsRead, NeedsReview = written.NeedsReview,
                };
            }
        }
        catch (TaskFailedException e)
        {
            clock.Done(stage, context.CurrentUtcDateTime);
            var (reason, described) = ActivityFailures.Describe(e.FailureDetails, stage, _retry.MaxAttempts);
            string message = PiiMasker.Mask(described); // it goes into the error record and the instance's output
            log.LogWarning("{Scan}: {Stage} failed with {Reason}: {Message}", job.Path, stage, reason, message);
            context.SetCustomStatus(ReadScanStages.WriteFailure);
            var blob = await context.CallActivityAsync<string>(WriteFailureActivity.Name,
                new FailureRequest(job, context.InstanceId, reason, message, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
                options);
            clock.Done(ReadScanStages.WriteFailure, context.CurrentUtcDateTime);
            context.SetCustomStatus(ReadScanStages.Done);
            outcome = new ReadScanOutcome(ReadScanOutcome.Failed, job.Path, stages.Pages, blob, reason, message);
        }

        // once the result or error record is written: a consumer that gets the event finds it
        if (ScanEvents.TypeOf(outcome) is not null)
        {
            context.SetCustomStatus(ReadScanStages.PublishEvent);
            try
            {
                var eventId = await context.CallActivityAsync<string?>(PublishScanEventActivity.Name,
                    new ScanEventRequest(job, context.InstanceId, outcome, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)), options);
                outcome = outcome with { EventId = eventId };
            }
            catch (TaskFailedException e)
            {
                // the scan's outcome stands (its result or error record is written); the event is what was lost
                string error = PiiMasker.Mask($"{e.FailureDetails.ErrorType}: {e.FailureDetails.ErrorMessage}");
                log.LogWarning("{Scan}: its completion event was not published after {Attempts} attempt(s): {Error}", job.Path,
                    _retry.MaxAttempts, error);
                outcome = outcome with { EventError = error };
            }
            clock.Done(ReadScanStages.PublishEvent, context.CurrentUtcDateTime);
            context.SetCustomStatus(ReadScanStages.Done);
        }
        if (!context.IsReplaying) ScanTelemetry.RecordEnd(job, context.InstanceId, clock, context.CurrentUtcDateTime, outcome, stages.Regions);
        return outcome;
    }
}
