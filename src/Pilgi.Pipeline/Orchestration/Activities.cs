using Microsoft.DurableTask;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Pipeline.Orchestration;

// The activities of ReadScanOrchestrator: thin adapters from the Durable Task SDK to ScanSteps. Hosts register them
// by Name: with a DurableTaskRegistry (PipelineTaskRegistry.AddPilgiPipelineTasks), or as explicit [Function(Name)]
// wrappers that resolve the activity from DI and call RunAsync(input). Either way a PilgiException leaves the
// activity tagged with its reason code (ActivityFailures), and each run is a span in the scan's trace (ActivitySpans).

/// <summary>Decode, verify the template, register every page, store the pages in <c>work</c>.</summary>
public sealed class PreprocessScanActivity(ScanSteps steps) : TaskActivity<PreprocessRequest, PreprocessResult>
{
    public const string Name = "PreprocessScan";

    public override Task<PreprocessResult> RunAsync(TaskActivityContext context, PreprocessRequest input) => RunAsync(input);

    /// <summary>The activity without a Durable context, e.g. for an explicit <c>[Function]</c> wrapper.</summary>
    public Task<PreprocessResult> RunAsync(PreprocessRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActivitySpans.Preprocess(input, () => ActivityFailures.GuardAsync(() => steps.PreprocessAsync(input)));
    }
}

/// <summary>Find the handwriting on one page; store its crops in <c>work</c>.</summary>
public sealed class DetectPageActivity(ScanSteps steps) : TaskActivity<DetectRequest, DetectResult>
{
    public const string Name = "DetectPage";

    public override Task<DetectResult> RunAsync(TaskActivityContext context, DetectRequest input) => RunAsync(input);

    /// <summary>The activity without a Durable context, e.g. for an explicit <c>[Function]</c> wrapper.</summary>
    public Task<DetectResult> RunAsync(DetectRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActivitySpans.Detect(input, () => ActivityFailures.GuardAsync(() => steps.DetectAsync(input)));
    }
}

/// <summary>Read one batch of crops.</summary>
public sealed class RecognizeBatchActivity(ScanSteps steps) : TaskActivity<RecognizeRequest, RecognizeResult>
{
    public const string Name = "RecognizeBatch";

    public override Task<RecognizeResult> RunAsync(TaskActivityContext context, RecognizeRequest input) => RunAsync(input);

    /// <summary>The activity without a Durable context, e.g. for an explicit <c>[Function]</c> wrapper.</summary>
    public Task<RecognizeResult> RunAsync(RecognizeRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActivitySpans.Recognize(steps, input, () => ActivityFailures.GuardAsync(() => steps.RecognizeAsync(input)));
    }
}

/// <summary>Fuse the reads into fields, validate, write <c>results/…json</c> and the overlay.</summary>
public sealed class FuseAndWriteResultActivity(ScanSteps steps) : TaskActivity<FuseRequest, WrittenResult>
{
    public const string Name = "FuseAndWriteResult";

    public override Task<WrittenResult> RunAsync(TaskActivityContext context, FuseRequest input) => RunAsync(input);

    /// <summary>The activity without a Durable context, e.g. for an explicit <c>[Function]</c> wrapper.</summary>
    public Task<WrittenResult> RunAsync(FuseRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActivitySpans.FuseAndWrite(steps, input, () => ActivityFailures.GuardAsync(() => steps.FuseAndWriteAsync(input)));
    }
}

/// <summary>Write the error record <c>failed/…json</c>.</summary>
public sealed class WriteFailureActivity(ScanSteps steps) : TaskActivity<FailureRequest, string>
{
    public const string Name = "WriteFailure";

    public override Task<string> RunAsync(TaskActivityContext context, FailureRequest input) => RunAsync(input);

    /// <summary>The activity without a Durable context, e.g. for an explicit <c>[Function]</c> wrapper.</summary>
    public Task<string> RunAsync(FailureRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActivitySpans.WriteFailure(input, () => ActivityFailures.GuardAsync(() => steps.WriteFailureAsync(input)));
    }
}

/// <summary>Publish the scan's completion event (<see cref="ScanEventPublisher"/>); returns its id, null when none is published.</summary>
public sealed class PublishScanEventActivity(ScanEventPublisher publisher) : TaskActivity<ScanEventRequest, string?>
{
    public const string Name = "PublishScanEvent";

    public override Task<string?> RunAsync(TaskActivityContext context, ScanEventRequest input) => RunAsync(input);

    /// <summary>The activity without a Durable context, e.g. for an explicit <c>[Function]</c> wrapper.</summary>
    public Task<string?> RunAsync(ScanEventRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ActivitySpans.PublishEvent(input, () => publisher.PublishAsync(input));
    }
}
