using Microsoft.DurableTask;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Hosting;

/// <summary>Registers the orchestration and its activities, by their stable names, into a Durable Task worker.</summary>
public static class PipelineTaskRegistry
{
    /// <summary>Every activity's name (the orchestrator's is <see cref="ReadScanOrchestrator.Name"/>), for hosts that wrap them one by one.</summary>
    public static IReadOnlyList<string> ActivityNames { get; } =
    [
        PreprocessScanActivity.Name, DetectPageActivity.Name, RecognizeBatchActivity.Name,
        FuseAndWriteResultActivity.Name, WriteFailureActivity.Name, PublishScanEventActivity.Name,
    ];

    /// <summary>
    /// Adds <see cref="ReadScanOrchestrator"/> (with <paramref name="retry"/>; defaults when null) and the activities
    /// (created from the worker's services, see <see cref="PipelineServiceCollectionExtensions.AddPilgiPipeline"/>).
    /// </summary>
    public static DurableTaskRegistry AddPilgiPipelineTasks(this DurableTaskRegistry registry, ActivityRetrySettings? retry = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var settings = retry ?? new ActivityRetrySettings();
        registry.AddOrchestrator(ReadScanOrchestrator.Name, () => new ReadScanOrchestrator(settings));
        registry.AddActivity<PreprocessScanActivity>(PreprocessScanActivity.Name);
        registry.AddActivity<DetectPageActivity>(DetectPageActivity.Name);
        registry.AddActivity<RecognizeBatchActivity>(RecognizeBatchActivity.Name);
        registry.AddActivity<FuseAndWriteResultActivity>(FuseAndWriteResultActivity.Name);
        registry.AddActivity<WriteFailureActivity>(WriteFailureActivity.Name);
        registry.AddActivity<PublishScanEventActivity>(PublishScanEventActivity.Name);
        return registry;
    }
}
