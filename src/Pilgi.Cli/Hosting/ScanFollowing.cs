using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The instances in flight (started here, or found still running after a restart), followed until they end: each
/// end is logged as one line and raised as <see cref="Ended"/>.
/// </summary>
internal sealed class ScanFollowing(DurableTaskClient client, ILogger log)
{
    private const int ParallelCalls = 8;

    private readonly ConcurrentDictionary<string, ScanJob> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Raised once for each followed instance when it ends (after it is logged).</summary>
    public event Action<ScanEnded>? Ended;

    public int InFlight => _inFlight.Count;

    /// <summary>Follows <paramref name="job"/>'s instance; false when it is followed already.</summary>
    public bool Follow(ScanJob job) => _inFlight.TryAdd(job.InstanceId, job);

    /// <summary>Asks after every instance in flight once; those that ended are logged, raised and no longer followed.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_inFlight.IsEmpty) return;
        await Parallel.ForEachAsync(_inFlight.ToArray(), new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                // the status alone while it runs; its output (the result's summary) only once it has ended
                var instance = await client.GetInstanceAsync(entry.Key, getInputsAndOutputs: false, ct).ConfigureAwait(false);
                if (instance is { IsCompleted: true })
                    instance = await client.GetInstanceAsync(entry.Key, getInputsAndOutputs: true, ct).ConfigureAwait(false);
                if (instance is null)
                {
                    _inFlight.TryRemove(entry.Key, out _); // purged meanwhile
                    return;
                }
                if (!instance.IsCompleted || !_inFlight.TryRemove(entry.Key, out _)) return;
                var ended = ScanEnded.From(entry.Value, instance);
                if (ended.Outcome is ReadScanOutcome.Succeeded or ReadScanOutcome.Superseded) log.LogInformation("{Line}", ended.ToString());
                else log.LogWarning("{Line}", ended.ToString());
                try
                {
                    Ended?.Invoke(ended);
                }
                catch (Exception e)
                {
                    log.LogError(e, "A handler of a scan's end failed");
                }
            }).ConfigureAwait(false);
    }
}
