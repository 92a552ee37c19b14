using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Pilgi.Core.Privacy;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Telemetry;
using Pilgi.Reading;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// The one orchestration: preprocess → detect (one activity per page, in parallel) → recognise (one activity per
/// batch of crops, in parallel) → fuse and write the result. Any failure ends in <see cref="WriteFailureActivity"/>
/// writing <c>failed/&lt;templateId&gt;/&lt;path&gt;.json</c>; the orchestration then completes with a
/// <see cref="ReadScanOutcome.Failed"/> outcome. Bad input (a <c>PilgiException</c>) is not retried; other
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
        var started = context.CurrentUtcDateTime;
        var clock = new StageClock(started);
        string workPrefix = context.InstanceId;
        string stage = ReadScanStages.Preprocess;
        int pages = 0, regionCount = 0;

        ReadScanOutcome Ended(ReadScanOutcome outcome)
        {
            if (!context.IsReplaying) ScanTelemetry.RecordEnd(job, context.InstanceId, clock, context.CurrentUtcDateTime, outcome, regionCount);
            return outcome;
        }
        try
        {
            context.SetCustomStatus(stage);
            var pre = await context.CallActivityAsync<PreprocessResult>(PreprocessScanActivity.Name,
                new PreprocessRequest(job, workPrefix), options);
            clock.Done(stage, context.CurrentUtcDateTime);
            if (pre.Superseded)
            {
                log.LogInformation("{Scan}: replaced by a newer upload (ETag {ETag}) before it was read", job.Path, pre.SupersededByETag);
                context.SetCustomStatus(ReadScanStages.Done);
                return Ended(new ReadScanOutcome(ReadScanOutcome.Superseded, job.Path, 0, null));
            }
            pages = pre.Pages.Count;

            stage = ReadScanStages.Detect;
            context.SetCustomStatus(stage);
            var detections = await Task.WhenAll(pre.Pages.Select(page => context.CallActivityAsync<DetectResult>(
                DetectPageActivity.Name, new DetectRequest(job.Path, pre.TemplateId, page, workPrefix, job.TraceParent), options)));
            var regions = detections.SelectMany(d => d.Regions).ToList();
            regionCount = regions.Count;
            clock.Done(stage, context.CurrentUtcDateTime);

            stage = ReadScanStages.Recognize;
            context.SetCustomStatus(stage);
            var batches = RecognitionBatches.Plan(regions.Select(r => r.TemplateBox.ToBox()).ToList(), pre.RecognitionBatchSize);
            var reads = await Task.WhenAll(batches.Select(batch => context.CallActivityAsync<RecognizeResult>(
                RecognizeBatchActivity.Name, new RecognizeRequest(batch.Select(i => regions[i].Crop).ToList(), batch.Select(i => regions[i].Kind).ToList(),
                    job.TraceParent), options)));
            clock.Done(stage, context.CurrentUtcDateTime);
            var texts = new TextRead[regions.Count];
            for (int b = 0; b < batches.Count; b++)
            {
                if (reads[b].Texts.Count != batches[b].Length)
                    throw new InvalidOperationException($"Batch {b + 1} returned {reads[b].Texts.Count} reads for {batches[b].Length} crops.");
                for (int k = 0; k < batches[b].Length; k++) texts[batches[b][k]] = reads[b].Texts[k];
            }

            stage = ReadScanStages.Write;
            context.SetCustomStatus(stage);
            var timings = new Dictionary<string, double>(pre.TimingsMs, StringComparer.Ordinal)
            {
                ["detectionMs"] = Math.Round(detections.Sum(d => d.DetectionMs), 1),
                ["recognitionMs"] = Math.Round(reads.Sum(r => r.RecognitionMs), 1),
                ["totalMs"] = Math.Round((context.CurrentUtcDateTime - started).TotalMilliseconds, 1),
            };
            var written = await context.CallActivityAsync<WrittenResult>(FuseAndWriteResultActivity.Name,
                new FuseRequest(job, pre.TemplateId, pre.Pages, regions, texts, timings), options);
            clock.Done(stage, context.CurrentUtcDateTime);
            context.SetCustomStatus(ReadScanStages.Done);
            return Ended(new ReadScanOutcome(ReadScanOutcome.Succeeded, job.Path, pages, written.ResultBlob)
            {
                Fields = written.Fields, FieldsRead = written.FieldsRead, NeedsReview = written.NeedsReview,
            });
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
            return Ended(new ReadScanOutcome(ReadScanOutcome.Failed, job.Path, pages, blob, reason, message));
        }
    }
}
