using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilgi.Cli.Hosting;
using Pilgi.Core.Results;
using Pilgi.Inference.Recognition;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// One test's storage account on Azurite (<see cref="Azurite.TakeAccount"/>) and task hub, the blobs a deployment
/// would have, and local durable hosts started on them with test settings (quick polls and retries).
/// </summary>
internal sealed class ServeHarness : IAsyncDisposable
{
    private readonly List<LocalDurableHost> _hosts = [];

    /// <param name="logsAlsoTo">A provider that receives the hosts' entries too (masked as all of them are).</param>
    /// <param name="storage">The account's connection string; by default one of the shared Azurite's accounts.</param>
    public ServeHarness(ITestOutputHelper output, ILoggerProvider? logsAlsoTo = null, string? storage = null)
    {
        Storage = storage ?? Azurite.TakeAccount();
        Blobs = new AzureBlobStore(Storage);
        Counting = new CountingBlobStore(Blobs);
        HostStore = Counting;
        TaskHub = "t" + Guid.NewGuid().ToString("N")[..12];
        Logs = TestLogging.For(output, logsAlsoTo, Errors);
        Output = output;
    }

    public string Storage { get; }
    public AzureBlobStore Blobs { get; }

    /// <summary>The store every host of this harness uses: <see cref="Blobs"/>, with reads counted.</summary>
    public CountingBlobStore Counting { get; }

    /// <summary>The store hosts started from now on get: <see cref="Counting"/> unless a test puts a decorator over it.</summary>
    public IBlobStore HostStore { get; set; }
    public string TaskHub { get; }
    public ILoggerFactory Logs { get; }

    /// <summary>Every error the hosts logged (the backend's and the sidecar's included).</summary>
    public ConcurrentQueue<string> Errors { get; } = new();
    public ITestOutputHelper Output { get; }

    /// <summary>Settings of a host on this account and hub; <paramref name="overrides"/> as <c>key=value</c> win.</summary>
    public IConfiguration Configuration(params string[] overrides)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Pilgi:Serve:StorageConnectionString"] = Storage,
            ["Pilgi:Serve:TaskHub"] = TaskHub,
            ["Pilgi:Serve:PollSeconds"] = "0.3",
            ["Pilgi:Serve:PartitionCount"] = "2",
            ["Pilgi:Serve:MaxQueuePollingSeconds"] = "0.5",
            ["Pilgi:Serve:DrainSeconds"] = "20",
            ["Pilgi:Pipeline:Retry:MaxAttempts"] = "2",
            ["Pilgi:Pipeline:Retry:FirstRetryInterval"] = "00:00:00.2",
            ["Pilgi:Pipeline:Retry:MaxRetryInterval"] = "00:00:00.5",
        };
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=');
            values[o[..eq]] = o[(eq + 1)..];
        }
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>A host with the fixed-text recogniser unless <paramref name="recognizer"/> says otherwise (null: the real one).</summary>
    public async Task<LocalDurableHost> StartHostAsync(ILineRecognizer? recognizer, bool poll = true, params string[] overrides)
    {
        var host = await LocalDurableHost.StartAsync(Configuration(overrides), Logs,
            services =>
            {
                services.AddSingleton(HostStore);
                if (recognizer is not null) services.AddSingleton(recognizer);
            }, poll);
        _hosts.Add(host);
        return host;
    }

    public Task<LocalDurableHost> StartHostAsync(bool poll = true, params string[] overrides) =>
        StartHostAsync(new FixedRecognizer(), poll, overrides);

    public Task UploadTemplatesAsync() => BlobUploads.UploadTemplatesAsync(Blobs, RepoPaths.SampleTemplates);

    /// <summary>Puts <paramref name="data"/> at <c>scans/&lt;name&gt;</c> and returns its ETag.</summary>
    public Task<string> PutScanAsync(string name, byte[] data) => Blobs.WriteAsync(StorageNames.Scans, name, data, "application/octet-stream");

    public async Task<List<string>> NamesAsync(string container, string prefix = "") =>
        (await Blobs.ListAsync(container, prefix)).Select(b => b.Name).ToList();

    public async Task<ScanResult> ReadResultAsync(string name) =>
        ResultJson.Deserialize(System.Text.Encoding.UTF8.GetString((await Blobs.ReadAsync(StorageNames.Results, name)).Data));

    public async Task<ErrorRecord> ReadFailureAsync(string name) =>
        ResultJson.DeserializeError(System.Text.Encoding.UTF8.GetString((await Blobs.ReadAsync(StorageNames.Failed, name)).Data));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        Logs.Dispose();
    }
}

/// <summary>The ends a watcher reported, collected as they come.</summary>
internal sealed class EndedScans
{
    private readonly ConcurrentQueue<ScanEnded> _ended = new();

    public EndedScans(params ScanWatcher[] watchers)
    {
        foreach (var w in watchers) Follow(w);
    }

    public void Follow(ScanWatcher watcher) => watcher.Ended += _ended.Enqueue;

    public IReadOnlyList<ScanEnded> All => _ended.ToArray();

    /// <summary>Waits until <paramref name="count"/> ends were reported; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ScanEnded>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_ended.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"{_ended.Count} of {count} scans ended within {timeout.TotalSeconds:0} s: {string.Join("; ", All)}");
            await Task.Delay(100);
        }
        return All;
    }

    /// <summary>Waits until each of <paramref name="scans"/> has ended; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ScanEnded>> WaitForScansAsync(IReadOnlyCollection<string> scans, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (scans.Except(All.Select(e => e.Scan)).ToList() is { Count: > 0 } open)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"{open.Count} of {scans.Count} scans not ended within {timeout.TotalSeconds:0} s: {string.Join(", ", open)}");
            await Task.Delay(100);
        }
        return All;
    }
}
