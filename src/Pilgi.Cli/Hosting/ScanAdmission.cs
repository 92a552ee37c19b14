using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The uploads waiting to start, oldest first, and their start: at most <see cref="ServeOptions.MaxScansInFlight"/>
/// instances run at once (<see cref="ScanWatcher"/> says why); each start is
/// <see cref="ScanScheduling.StartOnceAsync"/>, so two pollers or two looks at one upload start one instance.
/// </summary>
internal sealed class ScanAdmission(ScanDiscovery discovery, ScanFollowing following, DurableTaskClient client, ServeOptions options,
    ILogger log)
{
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    private const int ParallelCalls = 8;

    private readonly Lock _waitingLock = new();
    private List<WaitingScan> _waiting = [];
    private int _started;

    /// <summary>The backlog.</summary>
    public int Waiting
    {
        get
        {
            lock (_waitingLock) return _waiting.Count;
        }
    }

    /// <summary>Instances started here (not those another poller started first, nor resumed ones).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>
    /// The waiting list becomes a listing's uploads, oldest first (an upload deleted meanwhile drops out; one queued by
    /// <see cref="Enqueue"/> stays).
    /// </summary>
    public void Listed(List<WaitingScan> found)
    {
        lock (_waitingLock)
        {
            var listed = found.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
            found.AddRange(_waiting.Where(w => w.Queued && !listed.Contains(w.Key)));
            _waiting = [.. found.OrderBy(w => w.Uploaded).ThenBy(w => w.Job.BlobName, StringComparer.Ordinal)];
        }
    }

    /// <summary>Queues an upload as a listing would have found it, behind those waiting.</summary>
    public void Enqueue(ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        string key = ScanDiscovery.KeyOf(job.BlobName, job.ETag);
        if (discovery.IsSeen(key)) return;
        lock (_waitingLock)
        {
            if (_waiting.Any(w => w.Key == key)) return;
            _waiting.Add(new WaitingScan(key, job, DateTimeOffset.MaxValue, Queued: true));
        }
    }

    /// <summary>Starts waiting scans, oldest first, while fewer than <see cref="ServeOptions.MaxScansInFlight"/> are in flight.</summary>
    public async Task AdmitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<WaitingScan> next;
            lock (_waitingLock)
            {
                int room = options.MaxScansInFlight - following.InFlight;
                if (room <= 0 || _waiting.Count == 0) return;
                next = _waiting.GetRange(0, Math.Min(room, _waiting.Count));
                _waiting.RemoveRange(0, next.Count);
            }
            try
            {
                await Parallel.ForEachAsync(next, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
                    async (item, ct) =>
                    {
                        await StartAsync(item.Job, ct).ConfigureAwait(false);
                        discovery.MarkSeen(item.Key);
                    }).ConfigureAwait(false);
            }
            finally
            {
                // those not scheduled (a failed call) wait again at the front
                lock (_waitingLock) _waiting.InsertRange(0, next.Where(w => !discovery.IsSeen(w.Key) && !_waiting.Any(x => x.Key == w.Key)));
            }
        }
    }

    /// <summary>Starts one upload's instance, or follows the one a previous run left in flight; true when this call started it.</summary>
    public async Task<bool> StartAsync(ScanJob job, CancellationToken cancellationToken)
    {
        string id = job.InstanceId;
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.RuntimeStatus == OrchestrationRuntimeStatus.Completed) return false;
        if (existing is not null && Running.Contains(existing.RuntimeStatus))
        {
            // an instance a previous run left in flight: the backend resumes it; follow it to log its end
            if (following.Follow(job)) log.LogInformation("{Scan}: resuming ({Status})", job.BlobName, existing.RuntimeStatus);
            return false;
        }
        var schedule = await client.StartOnceAsync(job, cancellationToken).ConfigureAwait(false);
        if (!schedule.Started) return false; // another poller was first: it follows the instance
        Interlocked.Increment(ref _started);
        following.Follow(job);
        log.LogDebug("{Scan}: started {InstanceId}", job.BlobName, id);
        return true;
    }
}
