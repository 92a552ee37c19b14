using Microsoft.Extensions.Options;
using Pilgi.InferenceServer.Http;

namespace Pilgi.InferenceServer.Detection;

/// <summary>
/// Back-pressure for detection (CPU work on the request's own thread): <see cref="InferenceServerOptions.MaxConcurrentDetections"/>
/// pages at once, <see cref="InferenceServerOptions.DetectionQueueCapacity"/> more waiting, and any further request turned away (429).
/// </summary>
internal sealed class DetectionGate
{
    private readonly SemaphoreSlim _running;
    private readonly int _capacity;
    private readonly int _retryAfter;
    private int _admitted;
    private long _requests, _rejected;

    public DetectionGate(IOptions<InferenceServerOptions> options)
    {
        var o = options.Value;
        _running = new SemaphoreSlim(o.MaxConcurrentDetections, o.MaxConcurrentDetections);
        _capacity = o.MaxConcurrentDetections + o.DetectionQueueCapacity;
        _retryAfter = o.RetryAfterSeconds;
    }

    public long Requests => Interlocked.Read(ref _requests);
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Waits for a turn; dispose the result to give it back. Throws a 429 <see cref="ProblemException"/> when too many wait.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            Interlocked.Increment(ref _rejected);
            throw ProblemException.Busy($"{_capacity} detect requests are running or waiting already.", _retryAfter);
        }
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }
        Interlocked.Increment(ref _requests);
        return new Turn(this);
    }

    private sealed class Turn(DetectionGate gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            gate._running.Release();
            Interlocked.Decrement(ref gate._admitted);
        }
    }
}
