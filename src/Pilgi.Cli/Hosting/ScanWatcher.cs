using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The local stand-in for the blob trigger (Event Grid has no local emulator): lists the <c>scans</c> container
/// every poll and starts <see cref="ReadScanOrchestrator"/> for each scan whose path+ETag has no instance yet
/// (<see cref="ScanScheduling.StartOnceAsync"/>, so two pollers or two looks at one upload start one instance).
/// At most <see cref="ServeOptions.MaxScansInFlight"/> instances run at once, oldest upload first; the rest wait in
/// storage. Started all at once, a burst's instances would share the durable queues breadth-first (every scan
/// preprocessed before any is detected), so each scan would wait for the whole burst and the backlog would stay as
/// large as the burst until its end. Instances it started, and those it found still running (resumed after a
/// restart), are followed until they end; each end is logged as one line and raised as <see cref="Ended"/>.
/// </summary>
public sealed class ScanWatcher
{
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    private const int ParallelCalls = 8;

    private readonly IBlobStore _blobs;
    private readonly DurableTaskClient _client;
    private readonly ServeOptions _options;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScanJob> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pollGate = new(1, 1);
    private readonly Lock _waitingLock = new();
    private List<WaitingScan> _waiting = [];
    private int _started;

    public ScanWatcher(IBlobStore blobs, DurableTaskClient client, ServeOptions options, ILogger<ScanWatcher> log)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>Raised once for each followed instance when it ends (after it is logged).</summary>
    public event Action<ScanEnded>? Ended;

    /// <summary>Instances followed and not yet ended.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Uploads found (or queued by <see cref="Enqueue"/>) and not started yet: the backlog.</summary>
    public int Waiting
    {
        get
        {
            lock (_waitingLock) return _waiting.Count;
        }
    }

    /// <summary>Instances this watcher started (not those another poller started first, nor resumed ones).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>
    /// Lists the container every <see cref="ServeOptions.PollInterval"/> and, in between, follows the instances in
    /// flight every <see cref="ServeOptions.FollowInterval"/>, starting waiting scans as others end; until
    /// <paramref name="stop"/>. A failed look is logged and tried again.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var nextListing = DateTime.MinValue;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                bool list = DateTime.UtcNow >= nextListing;
                if (list) nextListing = DateTime.UtcNow + _options.PollInterval;
                await LookAsync(list, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _log.LogWarning("Polling {Container} failed ({Error}: {Message}); trying again", StorageNames.Scans, e.GetType().Name, e.Message);
            }
            var pause = nextListing - DateTime.UtcNow;
            if (!_inFlight.IsEmpty && pause > _options.FollowInterval) pause = _options.FollowInterval;
            try
            {
                if (pause > TimeSpan.Zero) await Task.Delay(pause, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One look: list the container, report what ended, then start waiting scans while there is room.</summary>
    public Task PollOnceAsync(CancellationToken cancellationToken = default) => LookAsync(list: true, cancellationToken);

    /// <summary>
    /// Follows the scans in flight and starts the waiting ones as room frees up, without listing the container,
    /// until nothing waits or runs or <paramref name="timeout"/> passes; true when all ended. For a caller that
    /// queued what it uploaded (<see cref="Enqueue"/>; <c>bench --storage</c>).
    /// </summary>
    public async Task<bool> RunQueuedAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await LookAsync(list: false, cancellationToken).ConfigureAwait(false);
            if (_inFlight.IsEmpty && Waiting == 0) return true;
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(_options.FollowInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LookAsync(bool list, CancellationToken cancellationToken)
    {
        await _pollGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (list) await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            await CheckInFlightAsync(cancellationToken).ConfigureAwait(false);
            await AdmitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pollGate.Release();
        }
    }

    /// <summary>
    /// Follows the instances in flight until none is left or <paramref name="timeout"/> passes (no new scans are
    /// started); true when none is left.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(_options.FollowInterval.TotalMilliseconds, 100, 1000));
        while (true)
        {
            await _pollGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await CheckInFlightAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.LogWarning("Checking scans in flight failed ({Error}: {Message})", e.GetType().Name, e.Message);
            }
            finally
            {
                _pollGate.Release();
            }
            if (_inFlight.IsEmpty) return true;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return false;
            await Task.Delay(left < pause ? left : pause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Replaces the waiting list with the listing's uploads that have no instance of this watcher's yet, oldest
    /// first (an upload deleted meanwhile drops out; one queued by <see cref="Enqueue"/> stays).
    /// </summary>
    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var listing = await _blobs.ListAsync(StorageNames.Scans, "", cancellationToken).ConfigureAwait(false);
        var found = new List<WaitingScan>();
        foreach (var blob in listing)
        {
            string key = KeyOf(blob.Name, blob.ETag);
            if (_seen.ContainsKey(key)) continue;
            if (!ScanJob.IsScanName(blob.Name))
            {
                _seen.TryAdd(key, 0);
                continue;
            }
            ScanJob job;
            try
            {
                job = ScanJob.FromBlob(StorageNames.Scans, blob.Name, blob.ETag);
            }
            catch (ArgumentException e)
            {
                _seen.TryAdd(key, 0);
                _log.LogWarning("{Container}/{Blob} is not read: {Message}", StorageNames.Scans, blob.Name, e.Message);
                continue;
            }
            found.Add(new WaitingScan(key, job, blob.LastModified ?? DateTimeOffset.MaxValue, Queued: false));
        }
        lock (_waitingLock)
        {
            var listed = found.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
            found.AddRange(_waiting.Where(w => w.Queued && !listed.Contains(w.Key)));
            _waiting = [.. found.OrderBy(w => w.Uploaded).ThenBy(w => w.Job.BlobName, StringComparer.Ordinal)];
        }
    }

    /// <summary>Starts waiting scans, oldest first, while fewer than <see cref="ServeOptions.MaxScansInFlight"/> are in flight.</summary>
    private async Task AdmitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<WaitingScan> next;
            lock (_waitingLock)
            {
                int room = _options.MaxScansInFlight - _inFlight.Count;
                if (room <= 0 || _waiting.Count == 0) return;
                next = _waiting.GetRange(0, Math.Min(room, _waiting.Count));
                _waiting.RemoveRange(0, next.Count);
            }
            try
            {
                await Parallel.ForEachAsync(next, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
                    async (item, ct) =>
                    {
                        await ScheduleAsync(item.Job, ct).ConfigureAwait(false);
                        _seen.TryAdd(item.Key, 0);
                    }).ConfigureAwait(false);
            }
            finally
            {
                // those not scheduled (a failed call) wait again at the front
                lock (_waitingLock) _waiting.InsertRange(0, next.Where(w => !_seen.ContainsKey(w.Key) && !_waiting.Any(x => x.Key == w.Key)));
            }
        }
    }

    /// <summary>
    /// Queues an upload as a poll would have found it, without listing the container, to be started when there
    /// is room (<see cref="RunQueuedAsync"/>, or the polls of <see cref="RunAsync"/>).
    /// </summary>
    public void Enqueue(ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        string key = KeyOf(job.BlobName, job.ETag);
        if (_seen.ContainsKey(key)) return;
        lock (_waitingLock)
        {
            if (_waiting.Any(w => w.Key == key)) return;
            _waiting.Add(new WaitingScan(key, job, DateTimeOffset.MaxValue, Queued: true));
        }
    }

    /// <summary>
    /// Starts (or resumes following) one upload as a poll would have found it, without listing the container:
    /// for a caller that knows what it uploaded (<c>bench --storage</c>). True when this call started it.
    /// </summary>
    public async Task<bool> StartAsync(ScanJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        bool started = await ScheduleAsync(job, cancellationToken).ConfigureAwait(false);
        _seen.TryAdd(KeyOf(job.BlobName, job.ETag), 0);
        return started;
    }

    private async Task<bool> ScheduleAsync(ScanJob job, CancellationToken cancellationToken)
    {
        string id = job.InstanceId;
        var existing = await _client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.RuntimeStatus == OrchestrationRuntimeStatus.Completed) return false;
        if (existing is not null && Running.Contains(existing.RuntimeStatus))
        {
            // an instance a previous run left in flight: the backend resumes it; follow it to log its end
            if (_inFlight.TryAdd(id, job)) _log.LogInformation("{Scan}: resuming ({Status})", job.BlobName, existing.RuntimeStatus);
            return false;
        }
        var schedule = await _client.StartOnceAsync(job, cancellationToken).ConfigureAwait(false);
        if (!schedule.Started) return false; // another poller was first: it follows the instance
        Interlocked.Increment(ref _started);
        _inFlight.TryAdd(id, job);
        _log.LogDebug("{Scan}: started {InstanceId}", job.BlobName, id);
        return true;
    }

    private async Task CheckInFlightAsync(CancellationToken cancellationToken)
    {
        if (_inFlight.IsEmpty) return;
        await Parallel.ForEachAsync(_inFlight.ToArray(), new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                // the status alone while it runs; its output (the result's summary) only once it has ended
                var instance = await _client.GetInstanceAsync(entry.Key, getInputsAndOutputs: false, ct).ConfigureAwait(false);
                if (instance is { IsCompleted: true })
                    instance = await _client.GetInstanceAsync(entry.Key, getInputsAndOutputs: true, ct).ConfigureAwait(false);
                if (instance is null)
                {
                    _inFlight.TryRemove(entry.Key, out _); // purged meanwhile
                    return;
                }
                if (!instance.IsCompleted || !_inFlight.TryRemove(entry.Key, out _)) return;
                var ended = ScanEnded.From(entry.Value, instance);
                if (ended.Outcome is ReadScanOutcome.Succeeded or ReadScanOutcome.Superseded) _log.LogInformation("{Line}", ended.ToString());
                else _log.LogWarning("{Line}", ended.ToString());
                try
                {
                    Ended?.Invoke(ended);
                }
                catch (Exception e)
                {
                    _log.LogError(e, "A handler of a scan's end failed");
                }
            }).ConfigureAwait(false);
    }

    private static string KeyOf(string blobName, string etag) => blobName + "\n" + ScanInstanceIds.NormalizeETag(etag);

    private sealed record WaitingScan(string Key, ScanJob Job, DateTimeOffset Uploaded, bool Queued);
}
