using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Functions.Orchestration;

/// <summary>
/// The orchestration and its activities as functions, one explicit wrapper per name (no Durable source generator):
/// each runs the pipeline's class, so this host runs exactly what the other hosts and the tests run.
/// </summary>
public sealed class ReadScanFunctions(IOptions<PipelineOptions> options)
{
    /// <summary>
    /// <see cref="ReadScanOrchestrator"/> with the configured retry settings (<c>Pilgi:Pipeline:Retry:*</c>): keep them
    /// unchanged while instances are in flight, they are part of what a replay must see again.
    /// </summary>
    [Function(ReadScanOrchestrator.Name)]
    public Task<ReadScanOutcome> ReadScan([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.GetInput<ScanJob>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a {nameof(ScanJob)}.");
        return new ReadScanOrchestrator(options.Value.Retry).RunAsync(context, job);
    }

    [Function(PreprocessScanActivity.Name)]
    public Task<PreprocessResult> PreprocessScan([ActivityTrigger] PreprocessRequest input, FunctionContext context) =>
        Activity<PreprocessScanActivity>(context).RunAsync(input);

    [Function(DetectPageActivity.Name)]
    public Task<DetectResult> DetectPage([ActivityTrigger] DetectRequest input, FunctionContext context) =>
        Activity<DetectPageActivity>(context).RunAsync(input);

    [Function(RecognizeBatchActivity.Name)]
    public Task<RecognizeResult> RecognizeBatch([ActivityTrigger] RecognizeRequest input, FunctionContext context) =>
        Activity<RecognizeBatchActivity>(context).RunAsync(input);

    [Function(FuseAndWriteResultActivity.Name)]
    public Task<WrittenResult> FuseAndWriteResult([ActivityTrigger] FuseRequest input, FunctionContext context) =>
        Activity<FuseAndWriteResultActivity>(context).RunAsync(input);

    [Function(WriteFailureActivity.Name)]
    public Task<string> WriteFailure([ActivityTrigger] FailureRequest input, FunctionContext context) =>
        Activity<WriteFailureActivity>(context).RunAsync(input);

    [Function(PublishScanEventActivity.Name)]
    public Task<string?> PublishScanEvent([ActivityTrigger] ScanEventRequest input, FunctionContext context) =>
        Activity<PublishScanEventActivity>(context).RunAsync(input);

    /// <summary>The activity from the invocation's services (engines and models are singletons behind it).</summary>
    private static T Activity<T>(FunctionContext context) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<T>();
    }
}
