using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pilgi.Cli.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// <see cref="ScanWatcher.RunAsync"/>'s timing on a clock the test moves (<see cref="FakeTimeProvider"/>), with a
/// Durable Task client whose instances end when the test says: while a scan is in flight the watcher looks again every
/// <see cref="ServeOptions.FollowInterval"/> (not only every <see cref="ServeOptions.PollInterval"/>), and a scan
/// waiting for room is started at the first look after another ended, not before.
/// </summary>
public sealed class ScanWatcherClockTests : IDisposable
{
    private static readonly TimeSpan Follow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(60);

    private readonly string _root = Directory.CreateTempSubdirectory("pilgi-watch-clock-").FullName;
    private readonly FileBlobStore _blobs;

    public ScanWatcherClockTests() => _blobs = new FileBlobStore(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task A_waiting_scan_starts_at_the_follow_up_after_the_one_in_flight_ended_and_not_before()
    {
        // two uploads, the older one second by name: oldest first means b, then a
        var clock = new CountingClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await UploadAsync("deposit/a.jpg", clock.GetUtcNow().AddMinutes(-1));
        await UploadAsync("deposit/b.jpg", clock.GetUtcNow().AddMinutes(-2));
        var client = new ScriptedClient(clock);
        var watcher = new ScanWatcher(_blobs, client,
            new ServeOptions { StorageConnectionString = "unused", MaxScansInFlight = 1, PollSeconds = Poll.TotalSeconds, FollowSeconds = Follow.TotalSeconds },
            NullLogger<ScanWatcher>.Instance, clock);
        var ended = new ConcurrentQueue<string>();
        watcher.Ended += e => ended.Enqueue(e.Scan);
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);
        try
        {
            // the first look lists both, starts the older, and the watcher waits on the clock
            await clock.WaitForTimersAsync(1);
            Assert.Equal(["deposit/b.jpg"], client.Started);
            Assert.Equal((1, 1), (watcher.InFlight, watcher.Waiting));

            // b ends; until the follow interval has passed on the clock nobody looks, so a still waits
            client.End("deposit/b.jpg");
            clock.Advance(Follow - TimeSpan.FromMilliseconds(1));
            await Task.Delay(300);
            Assert.Equal(1, clock.Timers);
            Assert.Equal(["deposit/b.jpg"], client.Started);
            Assert.Empty(ended);

            // the follow-up (well before the next listing) sees b's end and starts a in its room
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await clock.WaitForTimersAsync(2);
            Assert.Equal(["deposit/b.jpg", "deposit/a.jpg"], client.Started);
            Assert.Equal(["deposit/b.jpg"], ended);
            Assert.Equal((1, 0, 2), (watcher.InFlight, watcher.Waiting, watcher.Started));
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private async Task UploadAsync(string name, DateTimeOffset uploaded)
    {
        await _blobs.WriteAsync(StorageNames.Scans, name, [0xFF, 0xD8], "image/jpeg");
        File.SetLastWriteTimeUtc(_blobs.PathOf(StorageNames.Scans, name), uploaded.UtcDateTime);
    }

    /// <summary>A fake clock that counts the timers made on it: the watcher makes one each time it waits.</summary>
    private sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }

        public async Task WaitForTimersAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Timers < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the watcher did not wait on the clock a {count}. time within 10 s");
                await Task.Delay(10);
            }
        }
    }

    /// <summary>Instances that run until <see cref="End"/> ends them (succeeded).</summary>
    private sealed class ScriptedClient(TimeProvider clock) : DurableTaskClient("scripted")
    {
        private readonly ConcurrentDictionary<string, (ScanJob Job, OrchestrationRuntimeStatus Status, DateTimeOffset Created)> _instances = new();
        private readonly ConcurrentQueue<string> _started = new();

        public IReadOnlyList<string> Started => [.. _started];

        public void End(string blobName)
        {
            var (id, instance) = _instances.Single(i => i.Value.Job.BlobName == blobName);
            _instances[id] = instance with { Status = OrchestrationRuntimeStatus.Completed };
        }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null,
            StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
        {
            var job = (ScanJob)input!;
            string id = options?.InstanceId ?? job.InstanceId;
            if (!_instances.TryAdd(id, (job, OrchestrationRuntimeStatus.Running, clock.GetUtcNow())))
                throw new InvalidOperationException($"{id} exists");
            _started.Enqueue(job.BlobName);
            return Task.FromResult(id);
        }

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false,
            CancellationToken cancellation = default)
        {
            if (!_instances.TryGetValue(instanceId, out var i)) return Task.FromResult<OrchestrationMetadata?>(null);
            var outcome = new ReadScanOutcome(ReadScanOutcome.Succeeded, i.Job.Path, 1, null);
            return Task.FromResult<OrchestrationMetadata?>(new OrchestrationMetadata(ReadScanOrchestrator.Name, instanceId)
            {
                RuntimeStatus = i.Status,
                CreatedAt = i.Created,
                LastUpdatedAt = clock.GetUtcNow(),
                SerializedOutput = i.Status == OrchestrationRuntimeStatus.Completed && getInputsAndOutputs
                    ? System.Text.Json.JsonSerializer.Serialize(outcome) : null,
                DataConverter = JsonDataConverter.Default,
            });
        }

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();
        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
