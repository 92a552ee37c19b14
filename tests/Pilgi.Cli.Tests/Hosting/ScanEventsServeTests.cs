using Pilgi.Cli.Hosting;
using Microsoft.DurableTask.Client;
using Pilgi.Cli.Tests.Support;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// Completion events from the local durable host on Azurite: one CloudEvent per scan in the queue <c>scan-events</c>,
/// failures included, naming the record written and echoing the uploader's correlation id; a host stopped mid-run and
/// started again adds no event with a new id.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ScanEventsServeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    /// <summary>Nine scans: every layout once, the first three twice.</summary>
    private static List<(string Name, string Layout)> NineScans() =>
        RepoPaths.Layouts.Select(l => ($"{l}/2026/a.jpg", l)).Concat(RepoPaths.Layouts.Take(3).Select(l => ($"{l}/2026/b.jpg", l))).ToList();

    private static Task PutWithCorrelationIdAsync(ServeHarness harness, string name, byte[] bytes, string correlationId) =>
        BlobUploads.WriteWithMetadataAsync(harness.Blobs, StorageNames.Scans, name, bytes, "image/jpeg",
            new Dictionary<string, string> { [StorageNames.CorrelationIdMetadata] = correlationId });

    [AzuriteFact]
    public async Task Nine_scans_and_a_broken_upload_leave_nine_completed_and_one_failed_event_each_naming_its_record()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var scans = NineScans();
        foreach (var (name, layout) in scans.Skip(1)) await harness.PutScanAsync(name, await File.ReadAllBytesAsync(RepoPaths.SampleScan(layout)));
        await PutWithCorrelationIdAsync(harness, scans[0].Name, await File.ReadAllBytesAsync(RepoPaths.SampleScan(scans[0].Layout)), "crm-2026-0042");
        await harness.PutScanAsync("remittance/2026/broken.jpg", TestImages.Unreadable());

        var host = await harness.StartHostAsync();
        await new EndedScans(host.Watcher).WaitForAsync(10, Patience);
        await host.StopAsync(); // drained: every event of an ended scan is in the queue

        var messages = await EventQueue.PeekAllAsync(harness.Storage);
        foreach (var m in messages) output.WriteLine($"{m.Event.Type} {m.Event.Id} {m.Event.Subject} -> {m.Data.Blob} {m.Data.CorrelationId}");
        Assert.Equal(10, messages.Count);
        Assert.Equal(10, messages.Select(m => m.Event.Id).Distinct().Count());
        Assert.Equal(9, messages.Count(m => m.Event.Type == ScanEventTypes.Completed));
        var failed = Assert.Single(messages, m => m.Event.Type == ScanEventTypes.Failed);
        Assert.Equal("scans/remittance/2026/broken.jpg", failed.Event.Subject);
        Assert.Equal("failed/remittance/2026/broken.json", failed.Data.Blob);
        Assert.NotNull(failed.Data.Reason);
        Assert.Equal(scans.Select(s => $"{StorageNames.Scans}/{s.Name}").Append("scans/remittance/2026/broken.jpg").Order(StringComparer.Ordinal),
            messages.Select(m => m.Event.Subject).Order(StringComparer.Ordinal));
        foreach (var m in messages)
        {
            int slash = m.Data.Blob.IndexOf('/');
            Assert.True(await harness.Blobs.ExistsAsync(m.Data.Blob[..slash], m.Data.Blob[(slash + 1)..]), $"{m.Data.Blob} exists");
            Assert.Equal(harness.Blobs.UriOf(m.Data.Blob[..slash], m.Data.Blob[(slash + 1)..]).AbsoluteUri, m.Data.BlobUri);
            Assert.Equal(ScanEvents.IdOf(m.Data.InstanceId, m.Event.Type), m.Event.Id);
        }
        var correlated = Assert.Single(messages, m => m.Data.CorrelationId is not null);
        Assert.Equal("crm-2026-0042", correlated.Data.CorrelationId);
        Assert.Equal($"{StorageNames.Scans}/{scans[0].Name}", correlated.Event.Subject);
        Assert.Single(messages.Select(m => m.Event.Source).Distinct());

        // what `pilgi events` shows of them: one line each, the correlation id echoed
        var shown = await CliRun.RunAsync("events", "--storage", harness.Storage);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("10 event(s) in 'scan-events'", shown.Out);
        Assert.Contains($"{ScanEventTypes.Failed}  {failed.Event.Id}  scans/remittance/2026/broken.jpg -> failed/remittance/2026/broken.json", shown.Out);
        Assert.Contains("correlationid=crm-2026-0042", shown.Out);
        Assert.Equal(10, (await CliRun.RunAsync("events", "--storage", harness.Storage, "--json")).Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("\"specversion\":\"1.0\"", StringComparison.Ordinal)));
    }

    [AzuriteFact]
    public async Task A_host_stopped_mid_run_and_started_again_adds_no_event_with_a_new_id()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var scans = NineScans();
        foreach (var (name, layout) in scans) await harness.PutScanAsync(name, await File.ReadAllBytesAsync(RepoPaths.SampleScan(layout)));
        await harness.PutScanAsync("deposit/2026/broken.jpg", TestImages.Unreadable());
        const string visibility = "Pilgi:Serve:MessageVisibilitySeconds=12";

        var first = await harness.StartHostAsync(poll: true, visibility, "Pilgi:Serve:MaxConcurrentActivities=2");
        await new EndedScans(first.Watcher).WaitForAsync(1, Patience);
        Assert.True(first.Watcher.InFlight > 0, "the first host finished everything before it could be stopped");
        Assert.False(await first.StopAsync(TimeSpan.Zero)); // as abrupt as a crash, but the partitions are let go
        int sentBefore = (await EventQueue.PeekAllAsync(harness.Storage)).Count;

        var second = await harness.StartHostAsync(poll: true, visibility);
        var deadline = DateTime.UtcNow + Patience;
        while (await CompletedAsync(second.Client) < scans.Count + 1 || second.Watcher.InFlight > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every scan completed after the restart");
            await Task.Delay(250);
        }
        await second.StopAsync();

        var all = await EventQueue.PeekAllAsync(harness.Storage);
        output.WriteLine($"{sentBefore} event(s) before the restart, {all.Count} after");
        var perScan = all.GroupBy(m => m.Event.Subject).ToDictionary(g => g.Key!, g => g.Select(m => m.Event.Id).Distinct().ToList());
        Assert.Equal(scans.Count + 1, perScan.Count);
        Assert.All(perScan, p => Assert.True(p.Value.Count == 1, $"{p.Key} has events with ids {string.Join(", ", p.Value)}"));
        // copies (same id) are allowed, and rare: a retry finds the sent copy in work/ unless the host died between the two
        output.WriteLine($"{all.Count - perScan.Count} copy(ies) with a repeated id");
        Assert.Single(all, m => m.Event.Type == ScanEventTypes.Failed);
    }

    private static async Task<int> CompletedAsync(DurableTaskClient client)
    {
        int n = 0;
        await foreach (var i in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = ScanInstanceIds.Prefix }))
            if (i.IsCompleted) n++;
        return n;
    }
}
