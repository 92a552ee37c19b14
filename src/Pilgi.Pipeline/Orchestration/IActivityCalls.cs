namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// How <see cref="ActivityStages"/> calls an activity by name: through the orchestration's context
/// (<see cref="OrchestrationActivityCalls"/>), or directly in this process (<see cref="DirectActivityCalls"/>).
/// </summary>
public interface IActivityCalls
{
    Task<TResult> CallAsync<TResult>(string activity, object input);
}
