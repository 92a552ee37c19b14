using Microsoft.Extensions.DependencyInjection;
using Pilgi.Core.Errors;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Events;

/// <summary>
/// The orchestration publishes one completion event per scan, after its result or error record is written, through
/// the activity's retries; with events off it publishes none.
/// </summary>
public class ScanEventOrchestrationTests
{
    [Fact]
    public async Task Each_scan_leaves_one_event_in_the_queue_naming_a_record_that_exists()
    {
        await using var host = await PipelineHost.StartAsync(new FixedRecognizer());
        var read = await host.Storage.JobForAsync(SampleScans.Get("deposit").BlobName) with { CorrelationId = "crm-1" };
        host.Storage.Put(StorageNames.Scans, "deposit/broken.jpg", "not a scan"u8.ToArray());
        var broken = await host.Storage.JobForAsync("deposit/broken.jpg");

        var (_, readOutcome) = await host.RunAsync(read);
        var (_, brokenOutcome) = await host.RunAsync(broken);

        var events = host.Events();
        Assert.Equal(2, events.Count);
        Assert.Equal(2, events.Select(e => e.Id).Distinct().Count());
        var completed = Assert.Single(events, e => e.Type == ScanEventTypes.Completed);
        var failed = Assert.Single(events, e => e.Type == ScanEventTypes.Failed);
        Assert.Equal(readOutcome.EventId, completed.Id);
        Assert.Equal(brokenOutcome.EventId, failed.Id);
        var completedData = completed.Data!.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)!;
        Assert.Equal("crm-1", completedData.CorrelationId);
        Assert.Equal(readOutcome.Blob, completedData.Blob);
        Assert.Equal(readOutcome.FieldsRead, completedData.FieldsRead);
        Assert.True(await host.Storage.Files.ExistsAsync(StorageNames.Results, read.ResultBlob));
        var failedData = failed.Data!.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)!;
        Assert.Equal($"{StorageNames.Failed}/{broken.FailureBlob}", failedData.Blob);
        Assert.Equal(ReasonCodes.ImageUnsupportedFormat, failedData.Reason);
        Assert.Equal(new Uri(host.Storage.Files.PathOf(StorageNames.Failed, broken.FailureBlob)).AbsoluteUri, failedData.BlobUri);
    }

    [Fact]
    public async Task A_sink_outage_is_retried_by_the_orchestration_and_the_event_sent_once()
    {
        var sink = new RecordingEventSink(failures: 1);
        await using var host = await PipelineHost.StartAsync(new FixedRecognizer(), configureServices: s => s.AddSingleton<IScanEventSink>(sink));
        var job = await host.Storage.JobForAsync(SampleScans.Get("remittance").BlobName);

        var (_, outcome) = await host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.Equal(2, sink.Attempts);
        Assert.Equal(outcome.EventId, Assert.Single(sink.Sent).Id);
        Assert.Null(outcome.EventError);
    }

    [Fact]
    public async Task A_sink_that_stays_down_leaves_the_scans_outcome_and_says_the_event_was_lost()
    {
        var sink = new RecordingEventSink(failures: int.MaxValue);
        await using var host = await PipelineHost.StartAsync(new FixedRecognizer(), configureServices: s => s.AddSingleton<IScanEventSink>(sink));
        var job = await host.Storage.JobForAsync(SampleScans.Get("remittance").BlobName);

        var (_, outcome) = await host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.True(await host.Storage.Files.ExistsAsync(StorageNames.Results, job.ResultBlob));
        Assert.Equal(PipelineHost.FastRetry().MaxAttempts, sink.Attempts);
        Assert.Null(outcome.EventId);
        Assert.Contains("the event sink is unavailable", outcome.EventError);
    }

    [Fact]
    public async Task Events_turned_off_publish_nothing()
    {
        await using var host = await PipelineHost.StartAsync(new FixedRecognizer(),
            configureServices: s => s.Configure<EventOptions>(o => o.Enabled = false));
        var job = await host.Storage.JobForAsync(SampleScans.Get("remittance").BlobName);

        var (_, outcome) = await host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.Null(outcome.EventId);
        Assert.Empty(host.Events());
    }
}
