using Microsoft.DurableTask.Client;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Errors;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// The local durable host on Azurite, in this process: the real backend (Durable Task Azure Storage), sidecar, worker
/// and watcher, with the recogniser that reads every crop as "x" (recognition is not what these test). Each test has a
/// storage account of its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class LocalDurableHostTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [AzuriteFact]
    public async Task Scans_of_every_layout_and_a_two_page_tiff_get_exactly_one_result_each()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var expected = new List<string>();
        foreach (var layout in RepoPaths.Layouts)
        {
            await harness.PutScanAsync($"{layout}/2026/{layout}-0001.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan(layout)));
            expected.Add($"{layout}/2026/{layout}-0001.json");
        }
        await harness.PutScanAsync("withdrawal/batch/two-pages.tif", TestImages.TwoPageTiff(await File.ReadAllBytesAsync(RepoPaths.SampleScan("withdrawal"))));
        expected.Add("withdrawal/batch/two-pages.json");

        var host = await harness.StartHostAsync();
        var ended = await new EndedScans(host.Watcher).WaitForAsync(expected.Count, Patience);

        Assert.All(ended, e => Assert.Equal(ReadScanOutcome.Succeeded, e.Outcome));
        Assert.Equal(expected.Count, ended.Select(e => e.Scan).Distinct().Count());
        Assert.Equal(2, ended.Single(e => e.Scan.EndsWith(".tif", StringComparison.Ordinal)).Pages);
        Assert.All(ended, e => Assert.True(e.Fields > 0, e.ToString()));
        Assert.Equal(expected.Order(StringComparer.Ordinal), (await harness.NamesAsync(StorageNames.Results)).Where(n => n.EndsWith(".json", StringComparison.Ordinal)));
        Assert.Empty(await harness.NamesAsync(StorageNames.Failed));
        var tiff = await harness.ReadResultAsync("withdrawal/batch/two-pages.json");
        Assert.Equal(2, tiff.Pages);
        Assert.Equal("withdrawal", tiff.Template);
        Assert.Equal(expected.Count, host.Watcher.Started);

        // nothing new: the next polls start nothing
        await host.Watcher.PollOnceAsync();
        Assert.Equal(expected.Count, host.Watcher.Started);
        Assert.Equal(0, host.Watcher.InFlight);
    }

    [AzuriteFact]
    public async Task One_upload_seen_by_two_pollers_is_read_once_and_a_retouch_leaves_one_result()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var bytes = await File.ReadAllBytesAsync(RepoPaths.SampleScan("deposit"));
        await harness.PutScanAsync("deposit/a.jpg", bytes);
        var host = await harness.StartHostAsync(poll: false);
        var second = new ScanWatcher(harness.Blobs, host.Client, host.Options,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ScanWatcher>.Instance);
        var ended = new EndedScans(host.Watcher, second);

        // both pollers see the upload at once (and the first one twice): one instance, one read, one result
        await Task.WhenAll(host.Watcher.PollOnceAsync(), second.PollOnceAsync(), host.Watcher.PollOnceAsync());
        Assert.InRange(host.Watcher.Started + second.Started, 1, 2); // both may believe they won the race; the instance is one
        var instances = await CompletedInstancesAsync(host.Client, 1, host.Watcher, second);
        Assert.Single(instances);
        Assert.Equal(1, harness.Counting.Reads(StorageNames.Scans, "deposit/a.jpg"));
        Assert.Equal(["deposit/a.json", "deposit/a.overlay.png"], await harness.NamesAsync(StorageNames.Results));
        Assert.All(ended.All, e => Assert.Equal(instances[0].InstanceId, e.InstanceId));

        // the same bytes again: a new ETag, so a new instance that reads it again and writes over the result (still one)
        await harness.PutScanAsync("deposit/a.jpg", bytes);
        await Task.WhenAll(host.Watcher.PollOnceAsync(), second.PollOnceAsync());
        instances = await CompletedInstancesAsync(host.Client, 2, host.Watcher, second);
        Assert.Equal(2, instances.Count);
        Assert.Equal(2, harness.Counting.Reads(StorageNames.Scans, "deposit/a.jpg"));
        Assert.All(instances, i => Assert.Equal(ReadScanOutcome.Succeeded, i.ReadOutputAs<ReadScanOutcome>()!.Status));
        Assert.Equal(["deposit/a.json", "deposit/a.overlay.png"], await harness.NamesAsync(StorageNames.Results));
        Assert.Empty(await harness.NamesAsync(StorageNames.Failed));

        // and then nothing more
        await Task.WhenAll(host.Watcher.PollOnceAsync(), second.PollOnceAsync());
        Assert.Equal(2, (await AllInstancesAsync(host.Client)).Count);
    }

    [AzuriteFact]
    public async Task A_host_stopped_mid_run_leaves_the_rest_to_the_next_and_every_scan_completes_once()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var scans = new List<string>();
        async Task PutWaveAsync(string n)
        {
            foreach (var layout in RepoPaths.Layouts)
            {
                await harness.PutScanAsync($"{layout}/{n}.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan(layout)));
                scans.Add($"{layout}/{n}.jpg");
            }
        }
        // messages a stopped host held come back after this long
        const string visibility = "Pilgi:Serve:MessageVisibilitySeconds=12";

        // two waves: scans read side by side share recognition batches and end together, so the host is stopped while
        // the second wave is in flight, after the first has ended
        await PutWaveAsync("a");
        var first = await harness.StartHostAsync(poll: true, visibility, "Pilgi:Serve:MaxConcurrentActivities=2");
        var endedFirst = new EndedScans(first.Watcher);
        await endedFirst.WaitForAsync(RepoPaths.Layouts.Count, Patience);
        await PutWaveAsync("b");
        var waveDeadline = DateTime.UtcNow + Patience;
        while (first.Watcher.Started < scans.Count)
        {
            Assert.True(DateTime.UtcNow < waveDeadline, "the first host never took up the second wave");
            await Task.Delay(50);
        }
        Assert.True(first.Watcher.InFlight > 0, "the first host finished everything before it could be stopped");
        bool drained = await first.StopAsync(TimeSpan.Zero); // as abrupt as a crash, but the partitions are let go
        Assert.False(drained);
        var before = endedFirst.All;
        output.WriteLine($"stopped after {before.Count} of {scans.Count} scans");

        var second = await harness.StartHostAsync(poll: true, visibility);
        var endedSecond = new EndedScans(second.Watcher);
        var deadline = DateTime.UtcNow + Patience;
        List<OrchestrationMetadata> instances;
        while ((instances = await AllInstancesAsync(second.Client)).Count(i => i.IsCompleted) < scans.Count || second.Watcher.InFlight > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{instances.Count(i => i.IsCompleted)} of {scans.Count} scans completed");
            await Task.Delay(250);
        }
        var after = endedSecond.All;
        output.WriteLine($"the second host saw {after.Count} resumed scans end");

        // one instance per scan, each completed once and read; no scan's end was reported by both hosts
        Assert.Equal(scans.Count, instances.Count);
        Assert.All(instances, i => Assert.Equal(OrchestrationRuntimeStatus.Completed, i.RuntimeStatus));
        Assert.All(instances, i => Assert.Equal(ReadScanOutcome.Succeeded, i.ReadOutputAs<ReadScanOutcome>()!.Status));
        Assert.NotEmpty(after);
        Assert.Empty(before.Select(e => e.Scan).Intersect(after.Select(e => e.Scan)));
        Assert.Equal(before.Count + after.Count, before.Concat(after).Select(e => e.InstanceId).Distinct().Count());
        Assert.All(before.Concat(after), e => Assert.Equal(ReadScanOutcome.Succeeded, e.Outcome));
        Assert.Equal(0, second.Watcher.Started);
        var results = (await harness.NamesAsync(StorageNames.Results)).Where(n => n.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(scans.Select(s => Path.ChangeExtension(s, ".json")).Order(StringComparer.Ordinal), results);
        Assert.Empty(await harness.NamesAsync(StorageNames.Failed));
    }

    [AzuriteFact]
    public async Task An_unreadable_scan_gets_one_failure_record_and_the_host_goes_on()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        await harness.PutScanAsync("remittance/broken.jpg", TestImages.Unreadable());
        var host = await harness.StartHostAsync();
        var ended = new EndedScans(host.Watcher);

        var failed = Assert.Single(await ended.WaitForAsync(1, Patience));
        Assert.Equal(ReadScanOutcome.Failed, failed.Outcome);
        Assert.Equal(["remittance/broken.json"], await harness.NamesAsync(StorageNames.Failed));
        var record = await harness.ReadFailureAsync("remittance/broken.json");
        Assert.Equal(failed.Reason, record.Reason);
        Assert.Contains(record.Reason, new[] { ReasonCodes.ImageCorrupt, ReasonCodes.ImageUnsupportedFormat });
        Assert.Equal("scans/remittance/broken.jpg", record.Scan);

        await harness.PutScanAsync("remittance/fine.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan("remittance")));
        var all = await ended.WaitForAsync(2, Patience);
        Assert.Equal(ReadScanOutcome.Succeeded, all[1].Outcome);
        Assert.Equal(["remittance/fine.json", "remittance/fine.overlay.png"], await harness.NamesAsync(StorageNames.Results));
        Assert.Equal(["remittance/broken.json"], await harness.NamesAsync(StorageNames.Failed));
    }

    /// <summary>Polls the watchers until <paramref name="count"/> instances have completed and none is followed any more.</summary>
    private static async Task<List<OrchestrationMetadata>> CompletedInstancesAsync(DurableTaskClient client, int count, params ScanWatcher[] watchers)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            foreach (var w in watchers) await w.PollOnceAsync();
            var instances = await AllInstancesAsync(client);
            if (instances.Count(i => i.IsCompleted) >= count && watchers.All(w => w.InFlight == 0)) return instances;
            Assert.True(DateTime.UtcNow < deadline, $"{instances.Count(i => i.IsCompleted)} of {count} instances completed");
            await Task.Delay(200);
        }
    }

    private static async Task<List<OrchestrationMetadata>> AllInstancesAsync(DurableTaskClient client)
    {
        var list = new List<OrchestrationMetadata>();
        await foreach (var i in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = ScanInstanceIds.Prefix, FetchInputsAndOutputs = true }))
            list.Add(i);
        return list;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection
{
    public const string Name = "azurite";
}
