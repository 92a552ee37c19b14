using Microsoft.DurableTask;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// How often an activity is tried when it fails for a reason other than bad input (which is never retried).
/// Keep these stable while instances are in flight: the orchestration replays with the values it runs under.
/// </summary>
public sealed class ActivityRetrySettings
{
    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public double BackoffCoefficient { get; set; } = 2.0;

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The policy, retrying everything but <see cref="ActivityFailures.IsBadInput"/>.</summary>
    public TaskOptions ToTaskOptions()
    {
        var policy = new RetryPolicy(MaxAttempts, FirstRetryInterval, BackoffCoefficient,
            MaxRetryInterval < FirstRetryInterval ? FirstRetryInterval : MaxRetryInterval)
        {
            HandleFailure = failure => !ActivityFailures.IsBadInput(failure),
        };
        return TaskOptions.FromRetryPolicy(policy);
    }
}
