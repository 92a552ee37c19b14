using System.Diagnostics;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Pipeline.Telemetry;

/// <summary>What each activity's span says about its step (<see cref="StepSpans"/>): counts and models, no values.</summary>
internal static class ActivitySpans
{
    public static Task<PreprocessResult> Preprocess(PreprocessRequest input, Func<Task<PreprocessResult>> run) =>
        StepSpans.RunAsync(Orchestration.PreprocessScanActivity.Name, input.Job.TraceParent, input.Job.Path, input.Job.TemplateId, run,
            (span, r) =>
            {
                span.SetTag(TelemetryTags.Template, r.TemplateId);
                span.SetTag(TelemetryTags.Pages, r.Pages.Count);
                if (r.Superseded) span.SetTag(TelemetryTags.Outcome, Orchestration.ReadScanOutcome.Superseded);
            });

    public static Task<DetectResult> Detect(DetectRequest input, Func<Task<DetectResult>> run) =>
        StepSpans.RunAsync(Orchestration.DetectPageActivity.Name, input.TraceParent, input.ScanName, input.TemplateId, run,
            (span, r) =>
            {
                span.SetTag(TelemetryTags.Page, r.Page);
                span.SetTag(TelemetryTags.Regions, r.Regions.Count);
            });

    public static Task<RecognizeResult> Recognize(ScanSteps steps, RecognizeRequest input, Func<Task<RecognizeResult>> run) =>
        StepSpans.RunAsync(Orchestration.RecognizeBatchActivity.Name, input.TraceParent, null, null, run,
            (span, _) =>
            {
                span.SetTag(TelemetryTags.Crops, input.Crops.Count);
                TagModels(span, steps);
            });

    public static Task<WrittenResult> FuseAndWrite(ScanSteps steps, FuseRequest input, Func<Task<WrittenResult>> run) =>
        StepSpans.RunAsync(Orchestration.FuseAndWriteResultActivity.Name, input.Job.TraceParent, input.Job.Path, input.TemplateId, run,
            (span, r) =>
            {
                span.SetTag(TelemetryTags.Pages, input.Pages.Count);
                span.SetTag(TelemetryTags.Regions, input.Regions.Count);
                span.SetTag(TelemetryTags.Fields, r.Fields);
                span.SetTag(TelemetryTags.FieldsRead, r.FieldsRead);
                span.SetTag(TelemetryTags.FieldsToReview, r.NeedsReview);
                span.SetTag(TelemetryTags.FieldsInvalid, r.Invalid);
                TagModels(span, steps);
            });

    public static Task<string> WriteFailure(FailureRequest input, Func<Task<string>> run) =>
        StepSpans.RunAsync(Orchestration.WriteFailureActivity.Name, input.Job.TraceParent, input.Job.Path, input.Job.TemplateId, run,
            (span, _) => span.SetTag(TelemetryTags.Reason, input.Reason));

    public static Task<string?> PublishEvent(ScanEventRequest input, Func<Task<string?>> run) =>
        StepSpans.RunAsync(Orchestration.PublishScanEventActivity.Name, input.Job.TraceParent, input.Job.Path, input.Job.TemplateId, run,
            (span, _) => span.SetTag(TelemetryTags.Outcome, input.Outcome.Status));

    /// <summary>Model role → <c>name@version</c> as <c>pilgi.model.&lt;role&gt;</c>.</summary>
    private static void TagModels(Activity span, ScanSteps steps)
    {
        foreach (var (role, id) in steps.Reading.Models) span.SetTag(TelemetryTags.ModelPrefix + role, id);
    }
}
