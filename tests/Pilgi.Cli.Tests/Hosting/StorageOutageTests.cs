using Microsoft.DurableTask.Client;
using Pilgi.Cli.Tests.Support;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// The storage account going away under the local durable host: an Azurite of the test's own, stopped while the host
/// is reading a batch and started again on the same ports and data folder.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class StorageOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [OwnAzuriteFact]
    public async Task Azurite_stopped_and_restarted_mid_run_and_the_host_resumes_with_every_scan_read_once()
    {
        await using var azurite = await AzuriteProcess.StartNewAsync();
        await using var harness = new ServeHarness(output, storage: azurite.ConnectionString);
        await harness.UploadTemplatesAsync();
        var scans = new List<string>();
        foreach (var layout in RepoPaths.Layouts.Take(4))
        {
            await harness.PutScanAsync($"{layout}/a.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan(layout)));
            scans.Add($"{layout}/a.jpg");
        }

        // retries as a deployment has them (they must outlast the outage), and messages a lost lock held come back soon
        var host = await harness.StartHostAsync(poll: true, "Pilgi:Serve:MaxConcurrentActivities=2", "Pilgi:Serve:MessageVisibilitySeconds=20",
            "Pilgi:Pipeline:Retry:MaxAttempts=4", "Pilgi:Pipeline:Retry:FirstRetryInterval=00:00:02", "Pilgi:Pipeline:Retry:MaxRetryInterval=00:00:10");
        var ended = new EndedScans(host.Watcher);
        // mid-run, whatever the machine's speed: every scan scheduled, the first ones being read
        var deadline = DateTime.UtcNow + Patience;
        while (host.Watcher.Started < scans.Count || scans.All(s => harness.Counting.Reads(StorageNames.Scans, s) == 0))
        {
            Assert.True(DateTime.UtcNow < deadline, "the host did not start reading the scans");
            await Task.Delay(20);
        }

        await azurite.StopAsync();
        int endedBefore = ended.All.Count;
        output.WriteLine($"Azurite stopped after {endedBefore} of {scans.Count} scans");
        Assert.True(endedBefore < scans.Count, "the host finished everything before the storage could be stopped");
        await Task.Delay(Outage);
        await azurite.StartAsync();
        output.WriteLine("Azurite started again");

        // polling came back too: an upload after the outage is found and read
        await harness.PutScanAsync("remittance/after.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan("remittance")));
        scans.Add("remittance/after.jpg");
        var all = await ended.WaitForAsync(scans.Count, Patience);

        Assert.All(all, e => Assert.Equal(ReadScanOutcome.Succeeded, e.Outcome));
        Assert.Equal(scans.Order(StringComparer.Ordinal), all.Select(e => e.Scan).Order(StringComparer.Ordinal));
        Assert.Equal(scans.Count, all.Select(e => e.InstanceId).Distinct().Count());
        Assert.Equal(scans.Count, host.Watcher.Started);
        var instances = new List<OrchestrationMetadata>();
        await foreach (var i in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = ScanInstanceIds.Prefix }))
            instances.Add(i);
        Assert.Equal(scans.Count, instances.Count);
        Assert.All(instances, i => Assert.Equal(OrchestrationRuntimeStatus.Completed, i.RuntimeStatus));
        var results = (await harness.NamesAsync(StorageNames.Results)).Where(n => n.EndsWith(".json", StringComparison.Ordinal));
        Assert.Equal(scans.Select(s => Path.ChangeExtension(s, ".json")).Order(StringComparer.Ordinal), results);
        Assert.Empty(await harness.NamesAsync(StorageNames.Failed));
        // a start message redelivered after its history was written is dropped, not replayed into a corrupt history
        Assert.DoesNotContain(harness.Errors, e => e.Contains("Multiple ExecutionStartedEvent", StringComparison.Ordinal));
        foreach (var s in scans)
            output.WriteLine($"{s}: read {harness.Counting.Reads(StorageNames.Scans, s)}x, result written {harness.Counting.Writes(StorageNames.Results, Path.ChangeExtension(s, ".json"))}x");

        // and it still stops cleanly, with nothing left in flight
        Assert.True(await host.StopAsync(), "the host did not drain after the outage");
    }
}
