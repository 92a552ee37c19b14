using Microsoft.DurableTask.Client;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Errors;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// Scans whose step fails on every attempt with a fault (not bad input), on the local durable host on Azurite: each
/// ends in <c>failed/</c> after exactly <c>Pilgi:Pipeline:Retry:MaxAttempts</c> attempts, once, and the scans beside
/// and after it are read.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class PoisonScanTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private const int MaxAttempts = 3;

    [AzuriteFact]
    public async Task Scans_failing_every_attempt_end_in_failed_after_the_configured_attempts_and_the_host_goes_on()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var deposit = await File.ReadAllBytesAsync(RepoPaths.SampleScan("deposit"));
        // one scan that cannot be read from storage (preprocess), one whose crops cannot be (recognise)
        var unreadable = ScanJob.FromBlob(StorageNames.Scans, "deposit/unreadable.jpg", await harness.PutScanAsync("deposit/unreadable.jpg", deposit));
        var cropsLost = ScanJob.FromBlob(StorageNames.Scans, "deposit/crops-lost.jpg", await harness.PutScanAsync("deposit/crops-lost.jpg", deposit));
        await harness.PutScanAsync("remittance/beside.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan("remittance")));
        var poison = new PoisonBlobStore(harness.Counting, (container, name) =>
            (container == StorageNames.Scans && name == unreadable.BlobName) ||
            (container == StorageNames.Work && name.StartsWith(cropsLost.InstanceId + "/", StringComparison.Ordinal) && name.EndsWith("-crops.png", StringComparison.Ordinal)));
        harness.HostStore = poison;

        var host = await harness.StartHostAsync(poll: true, $"Pilgi:Pipeline:Retry:MaxAttempts={MaxAttempts}");
        var ended = new EndedScans(host.Watcher);
        var first = await ended.WaitForAsync(3, Patience);

        var a = Assert.Single(first, e => e.Scan == unreadable.BlobName);
        Assert.Equal(ReadScanOutcome.Failed, a.Outcome);
        Assert.Equal(ReasonCodes.InternalError, a.Reason);
        var b = Assert.Single(first, e => e.Scan == cropsLost.BlobName);
        Assert.Equal(ReadScanOutcome.Failed, b.Outcome);
        Assert.Equal(ReasonCodes.InferenceFailed, b.Reason);
        Assert.Equal(ReadScanOutcome.Succeeded, Assert.Single(first, e => e.Scan == "remittance/beside.jpg").Outcome);

        var recordA = await harness.ReadFailureAsync(unreadable.FailureBlob);
        Assert.Equal(ReasonCodes.InternalError, recordA.Reason);
        Assert.Contains($"preprocess step failed after {MaxAttempts} attempts", recordA.Message);
        Assert.Contains("injected fault", recordA.Message);
        var recordB = await harness.ReadFailureAsync(cropsLost.FailureBlob);
        Assert.Equal(ReasonCodes.InferenceFailed, recordB.Reason);
        Assert.Contains($"recognize step failed after {MaxAttempts} attempts", recordB.Message);

        // exactly the configured attempts: the scan itself, and each batch of the other (every batch reads the page's
        // crop sheet once an attempt)
        Assert.Equal(MaxAttempts, poison.Failures(StorageNames.Scans, unreadable.BlobName));
        var sheet = Assert.Single(poison.AllFailures, f => f.Key.StartsWith($"{StorageNames.Work}/", StringComparison.Ordinal));
        Assert.True(sheet.Value >= MaxAttempts && sheet.Value % MaxAttempts == 0, $"{sheet.Value} reads of the crop sheet");
        var failures = poison.AllFailures.ToDictionary(f => f.Key, f => f.Value);

        // not in a loop: a scan uploaded now is read, and meanwhile no poisoned blob is tried again
        await harness.PutScanAsync("withdrawal/after.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan("withdrawal")));
        var after = (await ended.WaitForAsync(4, Patience))[3];
        Assert.Equal(("withdrawal/after.jpg", ReadScanOutcome.Succeeded), (after.Scan, after.Outcome));
        await host.Watcher.PollOnceAsync();
        Assert.Equal(4, host.Watcher.Started);
        Assert.Equal(failures, poison.AllFailures.ToDictionary(f => f.Key, f => f.Value));
        Assert.Equal(["deposit/crops-lost.json", "deposit/unreadable.json"], await harness.NamesAsync(StorageNames.Failed));
        Assert.Equal(1, harness.Counting.Writes(StorageNames.Failed, unreadable.FailureBlob));
        Assert.Equal(1, harness.Counting.Writes(StorageNames.Failed, cropsLost.FailureBlob));
        Assert.Equal(["remittance/beside.json", "withdrawal/after.json"],
            (await harness.NamesAsync(StorageNames.Results)).Where(n => n.EndsWith(".json", StringComparison.Ordinal)));
        var instance = await host.Client.GetInstanceAsync(unreadable.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        Assert.True(await harness.Blobs.ExistsAsync(StorageNames.Scans, unreadable.BlobName), "the upload stays where it was");
    }
}
