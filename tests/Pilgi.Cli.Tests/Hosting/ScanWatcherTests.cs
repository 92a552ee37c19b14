using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Tests.Support;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// The watcher's choices, without Azurite: the orchestration on the in-memory backend of the Durable Task test host,
/// the blobs in a folder.
/// </summary>
public sealed class ScanWatcherTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("pilgi-watch-").FullName;
    private FileBlobStore _blobs = null!;
    private DurableTaskTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _blobs = new FileBlobStore(_root);
        await BlobUploads.UploadTemplatesAsync(_blobs, RepoPaths.SampleTemplates);
        var retry = new ActivityRetrySettings { MaxAttempts = 1 };
        _host = await DurableTaskTestHost.StartAsync(r => r.AddPilgiPipelineTasks(retry), new DurableTaskTestHostOptions
        {
            Port = FreePort(),
            ConfigureServices = services =>
            {
                services.AddSingleton<IBlobStore>(_blobs);
                services.AddSingleton<ILineRecognizer>(new FixedRecognizer());
                services.AddPilgiPipeline(o => o.Retry = retry);
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private ScanWatcher NewWatcher(int maxInFlight = 16) => new(_blobs, _host.Client,
        new ServeOptions { StorageConnectionString = "unused", MaxScansInFlight = maxInFlight, FollowSeconds = 0.05 }, NullLogger<ScanWatcher>.Instance);

    [Fact]
    public async Task Starts_each_new_upload_once_and_leaves_other_blobs_alone()
    {
        var scan = await File.ReadAllBytesAsync(RepoPaths.SampleScan("deposit"));
        await _blobs.WriteAsync(StorageNames.Scans, "deposit/2026/a.jpg", scan, "image/jpeg");
        await _blobs.WriteAsync(StorageNames.Scans, "deposit/notes.txt", [1], "text/plain");
        await _blobs.WriteAsync(StorageNames.Scans, "loose.jpg", scan, "image/jpeg");
        var watcher = NewWatcher();
        var ended = new EndedScans(watcher);

        await watcher.PollOnceAsync();
        await watcher.PollOnceAsync();

        Assert.Equal(1, watcher.Started);
        var end = Assert.Single(await DrainAsync(watcher, ended, 1));
        Assert.Equal("deposit/2026/a.jpg", end.Scan);
        Assert.Equal("deposit", end.TemplateId);
        Assert.Equal(ReadScanOutcome.Succeeded, end.Outcome);
        Assert.True(await _blobs.ExistsAsync(StorageNames.Results, "deposit/2026/a.json"));

        // a second watcher (another poller, or this host after a restart) finds the instance done and starts nothing
        var again = NewWatcher();
        await again.PollOnceAsync();
        Assert.Equal(0, again.Started);
        Assert.Equal(0, again.InFlight);
    }

    [Fact]
    public async Task A_new_upload_at_the_same_path_is_read_again()
    {
        var scan = await File.ReadAllBytesAsync(RepoPaths.SampleScan("remittance"));
        var first = await _blobs.WriteAsync(StorageNames.Scans, "remittance/a.jpg", scan, "image/jpeg");
        var watcher = NewWatcher();
        var ended = new EndedScans(watcher);
        await watcher.PollOnceAsync();
        await DrainAsync(watcher, ended, 1);

        await Task.Delay(20);
        var second = await _blobs.WriteAsync(StorageNames.Scans, "remittance/a.jpg", scan, "image/jpeg");
        Assert.NotEqual(first, second);
        await watcher.PollOnceAsync();
        var all = await DrainAsync(watcher, ended, 2);

        Assert.Equal(2, watcher.Started);
        Assert.Equal([ScanInstanceIds.For("scans/remittance/a.jpg", first), ScanInstanceIds.For("scans/remittance/a.jpg", second)],
            all.Select(e => e.InstanceId));
    }

    [Fact]
    public async Task A_burst_runs_at_most_MaxScansInFlight_at_once_oldest_upload_first()
    {
        var scan = await File.ReadAllBytesAsync(RepoPaths.SampleScan("deposit"));
        string[] uploaded = ["deposit/c.jpg", "deposit/a.jpg", "deposit/e.jpg", "deposit/b.jpg", "deposit/d.jpg"];
        var jobs = new List<ScanJob>();
        foreach (var name in uploaded)
        {
            jobs.Add(ScanJob.FromBlob(StorageNames.Scans, name, await _blobs.WriteAsync(StorageNames.Scans, name, scan, "image/jpeg")));
            await Task.Delay(30); // distinct upload times, in an order that is not the names' order
        }
        var watcher = NewWatcher(maxInFlight: 2);
        var ended = new EndedScans(watcher);

        await watcher.PollOnceAsync();

        Assert.Equal((2, 2, 3), (watcher.Started, watcher.InFlight, watcher.Waiting));
        var started = await StartedAsync(jobs);
        Assert.Equal(["deposit/c.jpg", "deposit/a.jpg"], started);

        int most = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (ended.All.Count < uploaded.Length && DateTime.UtcNow < deadline)
        {
            await watcher.PollOnceAsync();
            most = Math.Max(most, watcher.InFlight);
            await Task.Delay(20);
        }
        Assert.Equal(uploaded.Order(StringComparer.Ordinal), ended.All.Select(e => e.Scan).Order(StringComparer.Ordinal));
        Assert.All(ended.All, e => Assert.Equal(ReadScanOutcome.Succeeded, e.Outcome));
        Assert.Equal((5, 0, 0), (watcher.Started, watcher.InFlight, watcher.Waiting));
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task Queued_scans_run_in_the_order_queued_within_the_bound()
    {
        var scan = await File.ReadAllBytesAsync(RepoPaths.SampleScan("withdrawal"));
        var jobs = new List<ScanJob>();
        foreach (var name in new[] { "withdrawal/2.jpg", "withdrawal/1.jpg", "withdrawal/3.jpg" })
            jobs.Add(ScanJob.FromBlob(StorageNames.Scans, name, await _blobs.WriteAsync(StorageNames.Scans, name, scan, "image/jpeg")));
        var watcher = NewWatcher(maxInFlight: 1);
        var ended = new EndedScans(watcher);
        var queued = new QueuedScans(watcher);
        foreach (var job in jobs) queued.Enqueue(job);
        queued.Enqueue(jobs[0]); // queued twice: once

        Assert.True(await queued.RunAsync(TimeSpan.FromSeconds(90)), "the queued scans did not end within 90 s");

        // one at a time: each ended before the next was started
        Assert.Equal(jobs.Select(j => j.BlobName), ended.All.Select(e => e.Scan));
        Assert.Equal(3, watcher.Started);
        var instances = await Task.WhenAll(jobs.Select(j => _host.Client.GetInstanceAsync(j.InstanceId)));
        for (int i = 1; i < instances.Length; i++) Assert.True(instances[i]!.CreatedAt >= instances[i - 1]!.LastUpdatedAt);
    }

    /// <summary>The scans of <paramref name="jobs"/> that have an instance, in the order given.</summary>
    private async Task<List<string>> StartedAsync(IEnumerable<ScanJob> jobs)
    {
        var started = new List<string>();
        foreach (var job in jobs)
            if (await _host.Client.GetInstanceAsync(job.InstanceId) is not null) started.Add(job.BlobName);
        return started;
    }

    private static async Task<IReadOnlyList<ScanEnded>> DrainAsync(ScanWatcher watcher, EndedScans ended, int count)
    {
        Assert.True(await watcher.DrainAsync(TimeSpan.FromSeconds(90)), "the scans did not end within 90 s");
        return await ended.WaitForAsync(count, TimeSpan.FromSeconds(1));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
