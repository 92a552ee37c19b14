using Microsoft.DurableTask;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>Activities scheduled by the orchestration, each with the orchestration's retry policy.</summary>
public sealed class OrchestrationActivityCalls(TaskOrchestrationContext context, TaskOptions options) : IActivityCalls
{
    public Task<TResult> CallAsync<TResult>(string activity, object input) => context.CallActivityAsync<TResult>(activity, input, options);
}
