using Pilgi.Pipeline.Steps;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// The activities run in this process without the orchestration (no queues, history or dispatch): what the bench
/// measures the orchestration against, running the same activities in the same flow.
/// </summary>
public sealed class DirectActivityCalls(ScanSteps steps) : IActivityCalls
{
    private readonly PreprocessScanActivity _preprocess = new(steps);
    private readonly DetectPageActivity _detect = new(steps);
    private readonly RecognizeBatchActivity _recognize = new(steps);
    private readonly FuseAndWriteResultActivity _fuseAndWrite = new(steps);
    private readonly WriteFailureActivity _writeFailure = new(steps);

    public async Task<TResult> CallAsync<TResult>(string activity, object input) => (TResult)(activity switch
    {
        PreprocessScanActivity.Name => await _preprocess.RunAsync((PreprocessRequest)input).ConfigureAwait(false),
        DetectPageActivity.Name => await _detect.RunAsync((DetectRequest)input).ConfigureAwait(false),
        RecognizeBatchActivity.Name => await _recognize.RunAsync((RecognizeRequest)input).ConfigureAwait(false),
        FuseAndWriteResultActivity.Name => await _fuseAndWrite.RunAsync((FuseRequest)input).ConfigureAwait(false),
        WriteFailureActivity.Name => (object)await _writeFailure.RunAsync((FailureRequest)input).ConfigureAwait(false),
        _ => throw new ArgumentException($"No activity '{activity}'.", nameof(activity)),
    });
}
