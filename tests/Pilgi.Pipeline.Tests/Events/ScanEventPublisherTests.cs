using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Events;

/// <summary>One event per scan whatever the retries: the sent copy in <c>work</c> stops a second send.</summary>
public sealed class ScanEventPublisherTests : IDisposable
{
    private readonly TestStorage _storage = TestStorage.CreateEmpty();

    private static ScanEventRequest Request()
    {
        var job = ScanJob.FromPath("scans/remittance/001.jpg", "e1") with { CorrelationId = "crm-9" };
        return new ScanEventRequest(job, job.InstanceId,
            new ReadScanOutcome(ReadScanOutcome.Succeeded, job.Path, 1, "results/remittance/001.json") { Fields = 3, FieldsRead = 3, NeedsReview = 0 },
            new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
    }

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_retry_after_a_send_sends_nothing_and_answers_the_same_id()
    {
        var sink = new RecordingEventSink();
        var publisher = new ScanEventPublisher(_storage.Files, sink, new EventOptions());

        string? first = await publisher.PublishAsync(Request());
        string? again = await publisher.PublishAsync(Request());

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.Equal(first, Assert.Single(sink.Sent).Id);
        Assert.True(await _storage.Files.ExistsAsync(StorageNames.Work, WorkBlobs.SentEvent(Request().InstanceId, ScanEventTypes.Completed)));
    }

    [Fact]
    public async Task A_send_that_fails_throws_so_the_activity_is_retried_and_the_retry_sends_it()
    {
        var sink = new RecordingEventSink(failures: 1);
        var publisher = new ScanEventPublisher(_storage.Files, sink, new EventOptions());

        await Assert.ThrowsAsync<IOException>(() => publisher.PublishAsync(Request()));
        Assert.False(await _storage.Files.ExistsAsync(StorageNames.Work, WorkBlobs.SentEvent(Request().InstanceId, ScanEventTypes.Completed)));
        string? id = await publisher.PublishAsync(Request());

        Assert.Equal(2, sink.Attempts);
        Assert.Equal(id, Assert.Single(sink.Sent).Id);
    }

    [Fact]
    public async Task The_source_is_the_setting_or_else_the_results_container_and_the_blob_uri_is_the_stores()
    {
        var sink = new RecordingEventSink();
        await new ScanEventPublisher(_storage.Files, sink, new EventOptions()).PublishAsync(Request());
        var other = TestStorage.CreateEmpty();
        try
        {
            await new ScanEventPublisher(other.Files, sink, new EventOptions { Source = "urn:pilgi:test" }).PublishAsync(Request());
        }
        finally
        {
            other.Dispose();
        }

        Assert.Equal(_storage.Files.UriOf(StorageNames.Results, "").AbsoluteUri, sink.Sent[0].Source);
        Assert.Equal("urn:pilgi:test", sink.Sent[1].Source);
        var data = sink.Sent[0].Data!.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)!;
        Assert.Equal(_storage.Files.UriOf(StorageNames.Results, "remittance/001.json").AbsoluteUri, data.BlobUri);
        Assert.Equal("crm-9", data.CorrelationId);
    }

    [Fact]
    public async Task Events_turned_off_send_nothing()
    {
        var publisher = new ScanEventPublisher(_storage.Files, null, new EventOptions { Enabled = false });

        Assert.Null(await publisher.PublishAsync(Request()));
        Assert.Empty(await _storage.NamesAsync(StorageNames.Work));
    }

    [Fact]
    public void Event_grid_without_an_https_topic_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => new EventOptions { Sink = EventSinkKind.EventGrid, TopicEndpoint = "http://topic/api/events" }.Validate());
        Assert.Contains("Pilgi:Events:TopicEndpoint", e.Message);
    }
}
