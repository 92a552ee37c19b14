using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;

namespace Pilgi.InferenceServer.Batching;

/// <summary>What the recognise queue has done since the service started (for /v1/stats, /healthz and bench).</summary>
internal sealed class RecognitionCounters
{
    private long _requests, _rejected, _crops, _flushes, _flushedRequests, _prepareTicks, _runTicks;

    public BatchStatistics RunSizes { get; } = new();

    public void Accepted(int crops)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _crops, crops);
    }

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void Flushed(int requests)
    {
        Interlocked.Increment(ref _flushes);
        Interlocked.Add(ref _flushedRequests, requests);
    }

    public void Prepared(TimeSpan elapsed) => Interlocked.Add(ref _prepareTicks, elapsed.Ticks);

    public void Ran(TimeSpan elapsed) => Interlocked.Add(ref _runTicks, elapsed.Ticks);

    public RecognitionStats Snapshot()
    {
        var runs = RunSizes.Snapshot();
        long flushes = Interlocked.Read(ref _flushes);
        return new RecognitionStats(Interlocked.Read(ref _requests), Interlocked.Read(ref _rejected), Interlocked.Read(ref _crops), flushes,
            runs.Runs, Math.Round(runs.Mean, 2), runs.Max, flushes == 0 ? 0 : Math.Round((double)Interlocked.Read(ref _flushedRequests) / flushes, 2),
            runs.RunsBySize, Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref _prepareTicks)).TotalSeconds, 3),
            Math.Round(TimeSpan.FromTicks(Interlocked.Read(ref _runTicks)).TotalSeconds, 3));
    }
}
