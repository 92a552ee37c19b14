namespace Pilgi.Inference.Remote;

/// <summary>
/// How long to wait before the next attempt: exponential backoff with full jitter (so that clients turned away
/// together do not come back together), at least what the server asked for in Retry-After, never more than the cap.
/// </summary>
public static class RetryDelays
{
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="retryAfter">The server's Retry-After, when it sent one.</param>
    public static TimeSpan Next(int retry, TimeSpan? retryAfter, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        double ceiling = Math.Min(maxDelay.TotalSeconds, baseDelay.TotalSeconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        double jittered = random.NextDouble() * ceiling;
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
            jittered = Math.Min(maxDelay.TotalSeconds, asked.TotalSeconds + random.NextDouble() * baseDelay.TotalSeconds);
        return TimeSpan.FromSeconds(jittered);
    }
}
