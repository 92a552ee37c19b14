using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The local stand-in for the blob trigger (Event Grid has no local emulator): lists the <c>scans</c> container
/// every poll and starts <see cref="ReadScanOrchestrator"/> for each scan whose path+ETag has no instance yet
/// (<see cref="ScanScheduling.StartOnceAsync"/>, so two pollers or two looks at one upload start one instance).
/// Instances it started, and those it found still running (resumed after a restart), are followed until they end;
/// each end is logged as one line and raised as <see cref="Ended"/>.
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

    /// <summary>Instances this watcher started (not those another poller started first, nor resumed ones).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Polls every <see cref="ServeOptions.PollInterval"/> until <paramref name="stop"/>; a failed poll is logged and tried again.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _log.LogWarning("Polling {Container} failed ({Error}: {Message}); trying again", StorageNames.Scans, e.GetType().Name, e.Message);
            }
            try
            {
                await Task.Delay(_options.PollInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One look: start what is new, then report what ended.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken = default)
    {
        await _pollGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            await CheckInFlightAsync(cancellationToken).ConfigureAwait(false);
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
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(_options.PollInterval.TotalMilliseconds, 100, 1000));
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

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var listing = await _blobs.ListAsync(StorageNames.Scans, "", cancellationToken).ConfigureAwait(false);
        var fresh = new List<(string Key, ScanJob Job)>();
        foreach (var blob in listing)
        {
            string key = blob.Name + "\n" + ScanInstanceIds.NormalizeETag(blob.ETag);
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
            fresh.Add((key, job));
            if (fresh.Count >= _options.MaxStartsPerPoll) break;
        }
        if (fresh.Count == 0) return;

        await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                await ScheduleAsync(item.Job, ct).ConfigureAwait(false);
                _seen.TryAdd(item.Key, 0);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts (or resumes following) one upload as a poll would have found it, without listing the container:
    /// for a caller that knows what it uploaded (<c>bench --storage</c>). True when this call started it.
    /// </summary>
    public async Task<bool> StartAsync(ScanJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        bool started = await ScheduleAsync(job, cancellationToken).ConfigureAwait(false);
        _seen.TryAdd(job.BlobName + "\n" + ScanInstanceIds.NormalizeETag(job.ETag), 0);
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
                var instance = await _client.GetInstanceAsync(entry.Key, getInputsAndOutputs: true, ct).ConfigureAwait(false);
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
}
