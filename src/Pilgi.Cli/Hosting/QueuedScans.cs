using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// Scans a caller uploaded itself and knows (<c>bench --storage</c>), started through a <see cref="ScanWatcher"/> as
/// its polls would have found them, without listing the container.
/// </summary>
internal sealed class QueuedScans(ScanWatcher watcher)
{
    /// <summary>Queues an upload to be started when there is room (<see cref="RunAsync"/>, or the watcher's polls).</summary>
    public void Enqueue(ScanJob job) => watcher.Admission.Enqueue(job);

    /// <summary>Starts (or resumes following) one upload now, whatever is in flight; true when this call started it.</summary>
    public async Task<bool> StartAsync(ScanJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        bool started = await watcher.Admission.StartAsync(job, cancellationToken).ConfigureAwait(false);
        watcher.Discovery.MarkSeen(ScanDiscovery.KeyOf(job.BlobName, job.ETag));
        return started;
    }

    /// <summary>
    /// Follows the scans in flight and starts the queued ones as room frees up, until nothing waits or runs or
    /// <paramref name="timeout"/> passes; true when all ended.
    /// </summary>
    public async Task<bool> RunAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = watcher.Time.GetUtcNow() + timeout;
        while (true)
        {
            await watcher.LookAsync(list: false, cancellationToken).ConfigureAwait(false);
            if (watcher.InFlight == 0 && watcher.Waiting == 0) return true;
            if (watcher.Time.GetUtcNow() >= deadline) return false;
            await Task.Delay(watcher.Options.FollowInterval, watcher.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
