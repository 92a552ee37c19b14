using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The local stand-in for the blob trigger (Event Grid has no local emulator): lists the <c>scans</c> container
/// every poll (<see cref="ScanDiscovery"/>) and starts <see cref="ReadScanOrchestrator"/> for each scan whose
/// path+ETag has no instance yet (<see cref="ScanAdmission"/>). At most <see cref="ServeOptions.MaxScansInFlight"/>
/// instances run at once, oldest upload first; the rest wait in storage. Started all at once, a burst's instances
/// would share the durable queues breadth-first (every scan preprocessed before any is detected), so each scan would
/// wait for the whole burst and the backlog would stay as large as the burst until its end. Instances it started,
/// and those it found still running (resumed after a restart), are followed until they end
/// (<see cref="ScanFollowing"/>); each end is logged as one line and raised as <see cref="Ended"/>.
/// </summary>
public sealed class ScanWatcher
{
    private readonly ServeOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lookGate = new(1, 1);

    /// <param name="time">The clock of the polls and follow-ups.</param>
    public ScanWatcher(IBlobStore blobs, DurableTaskClient client, ServeOptions options, ILogger<ScanWatcher> log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _time = time ?? TimeProvider.System;
        Discovery = new ScanDiscovery(blobs, _log);
        Following = new ScanFollowing(client, _log);
        Admission = new ScanAdmission(Discovery, Following, client, options, _log);
    }

    /// <summary>Raised once for each followed instance when it ends (after it is logged).</summary>
    public event Action<ScanEnded>? Ended
    {
        add => Following.Ended += value;
        remove => Following.Ended -= value;
    }

    /// <summary>Instances followed and not yet ended.</summary>
    public int InFlight => Following.InFlight;

    /// <summary>Uploads found (or queued) and not started yet: the backlog.</summary>
    public int Waiting => Admission.Waiting;

    /// <summary>Instances this watcher started (not those another poller started first, nor resumed ones).</summary>
    public int Started => Admission.Started;

    internal ScanDiscovery Discovery { get; }

    internal ScanAdmission Admission { get; }

    internal ScanFollowing Following { get; }

    internal TimeProvider Time => _time;

    internal ServeOptions Options => _options;

    /// <summary>
    /// Lists the container every <see cref="ServeOptions.PollInterval"/> and, in between, follows the instances in
    /// flight every <see cref="ServeOptions.FollowInterval"/>, starting waiting scans as others end; until
    /// <paramref name="stop"/>. A failed look is logged and tried again.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var nextListing = DateTimeOffset.MinValue;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                bool list = _time.GetUtcNow() >= nextListing;
                if (list) nextListing = _time.GetUtcNow() + _options.PollInterval;
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
            var pause = nextListing - _time.GetUtcNow();
            if (InFlight > 0 && pause > _options.FollowInterval) pause = _options.FollowInterval;
            try
            {
                if (pause > TimeSpan.Zero) await Task.Delay(pause, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One look: list the container, report what ended, then start waiting scans while there is room.</summary>
    public Task PollOnceAsync(CancellationToken cancellationToken = default) => LookAsync(list: true, cancellationToken);

    /// <summary>One look at a time: optionally list the container, follow the instances in flight, admit waiting scans.</summary>
    internal async Task LookAsync(bool list, CancellationToken cancellationToken)
    {
        await _lookGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (list) Admission.Listed(await Discovery.FindAsync(cancellationToken).ConfigureAwait(false));
            await Following.CheckAsync(cancellationToken).ConfigureAwait(false);
            await Admission.AdmitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lookGate.Release();
        }
    }

    /// <summary>
    /// Follows the instances in flight until none is left or <paramref name="timeout"/> passes (no new scans are
    /// started); true when none is left.
    /// </summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetUtcNow() + timeout;
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(_options.FollowInterval.TotalMilliseconds, 100, 1000));
        while (true)
        {
            await _lookGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Following.CheckAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.LogWarning("Checking scans in flight failed ({Error}: {Message})", e.GetType().Name, e.Message);
            }
            finally
            {
                _lookGate.Release();
            }
            if (InFlight == 0) return true;
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero) return false;
            await Task.Delay(left < pause ? left : pause, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
