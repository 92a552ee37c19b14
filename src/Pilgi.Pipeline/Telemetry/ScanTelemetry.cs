using System.Diagnostics;
using Pilgi.Core.Privacy;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// The orchestration's span and the scan's metrics. Orchestrator code replays, so nothing is recorded while it
/// runs: when it ends (outside a replay) one span is written with the orchestration's start and end times, in the
/// scan's trace, beside the activities' spans.
/// </summary>
internal static class ScanTelemetry
{
    public static void RecordEnd(ScanJob job, string instanceId, StageClock clock, DateTime endUtc, ReadScanOutcome outcome, int regions)
    {
        var start = DateTime.SpecifyKind(clock.Start, DateTimeKind.Utc);
        var end = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
        using (var span = PipelineTelemetry.Source.StartActivity(ReadScanOrchestrator.Name, ActivityKind.Internal,
                   TraceContext.Parse(job.TraceParent), startTime: new DateTimeOffset(start)))
        {
            if (span is not null)
            {
                span.SetTag(TelemetryTags.Scan, PiiMasker.Mask(job.Path));
                span.SetTag(TelemetryTags.Template, job.TemplateId);
                span.SetTag(TelemetryTags.InstanceId, instanceId);
                span.SetTag(TelemetryTags.Outcome, outcome.Status);
                span.SetTag(TelemetryTags.Pages, outcome.Pages);
                span.SetTag(TelemetryTags.Regions, regions);
                if (outcome.Fields is { } fields) span.SetTag(TelemetryTags.Fields, fields);
                if (outcome.FieldsRead is { } read) span.SetTag(TelemetryTags.FieldsRead, read);
                if (outcome.NeedsReview is { } review) span.SetTag(TelemetryTags.FieldsToReview, review);
                foreach (var (stage, ms) in clock.Milliseconds) span.SetTag($"{TelemetryTags.StageMsPrefix}{stage}.ms", ms);
                if (outcome.Reason is { } reason)
                {
                    span.SetTag(TelemetryTags.Reason, reason);
                    span.SetStatus(ActivityStatusCode.Error, reason);
                }
                span.SetEndTime(end > start ? end : start);
            }
        }

        var template = new KeyValuePair<string, object?>(TelemetryTags.Template, job.TemplateId);
        PipelineTelemetry.ScansProcessed.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome.Status), template);
        if (outcome.Reason is { } code)
            PipelineTelemetry.ScanFailures.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Reason, code), template);
        PipelineTelemetry.ScanDuration.Record(Math.Max(0, (end - start).TotalSeconds),
            new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome.Status), template);
    }
}
