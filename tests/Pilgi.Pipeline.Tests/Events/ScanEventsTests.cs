using System.Text.Json;
using Azure.Messaging;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Pipeline.Tests.Events;

/// <summary>A completion event's CloudEvents fields and data, and its id's stability.</summary>
public class ScanEventsTests
{
    private static readonly DateTimeOffset Ended = new(2026, 12, 6, 20, 15, 30, TimeSpan.Zero);
    private const string Source = "https://pilgi.example/results";

    private static ScanJob Job(string? correlationId = null) =>
        ScanJob.FromPath("scans/remittance/2026/001.jpg", "\"0x8DD1\"") with { CorrelationId = correlationId };

    private static ScanEventRequest Succeeded(ScanJob job) => new(job, job.InstanceId,
        new ReadScanOutcome(ReadScanOutcome.Succeeded, job.Path, 1, "results/remittance/2026/001.json")
        {
            Fields = 12, FieldsRead = 10, NeedsReview = 2,
        }, Ended);

    private static ScanEventRequest Failed(ScanJob job) => new(job, job.InstanceId,
        new ReadScanOutcome(ReadScanOutcome.Failed, job.Path, 0, "failed/remittance/2026/001.json", "image_corrupt",
            "scans/remittance/2026/001.jpg: not an image"), Ended);

    private static JsonElement Parsed(CloudEvent e) => JsonDocument.Parse(ScanEvents.ToJson(e)).RootElement;

    [Fact]
    public void A_read_scan_publishes_pilgi_scan_completed_with_its_result_and_counts()
    {
        var job = Job("crm-4711");
        var json = Parsed(ScanEvents.Create(Succeeded(job), Source, new Uri("https://acct.blob.core.windows.net/results/remittance/2026/001.json")));

        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal(ScanEventTypes.Completed, json.GetProperty("type").GetString());
        Assert.Equal(Source, json.GetProperty("source").GetString());
        Assert.Equal("scans/remittance/2026/001.jpg", json.GetProperty("subject").GetString());
        Assert.Equal(ScanEvents.IdOf(job.InstanceId, ScanEventTypes.Completed), json.GetProperty("id").GetString());
        Assert.Equal(Ended, json.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", json.GetProperty("datacontenttype").GetString());
        Assert.False(json.TryGetProperty("data_base64", out _), "structured JSON data, not base64");
        var data = json.GetProperty("data");
        Assert.Equal("scans/remittance/2026/001.jpg", data.GetProperty("scan").GetString());
        Assert.Equal("remittance", data.GetProperty("template").GetString());
        Assert.Equal("succeeded", data.GetProperty("status").GetString());
        Assert.Equal("results/remittance/2026/001.json", data.GetProperty("blob").GetString());
        Assert.Equal("https://acct.blob.core.windows.net/results/remittance/2026/001.json", data.GetProperty("blobUri").GetString());
        Assert.Equal(job.InstanceId, data.GetProperty("instanceId").GetString());
        Assert.Equal(1, data.GetProperty("pages").GetInt32());
        Assert.Equal(12, data.GetProperty("fields").GetInt32());
        Assert.Equal(10, data.GetProperty("fieldsRead").GetInt32());
        Assert.Equal(2, data.GetProperty("needsReview").GetInt32());
        Assert.Equal("crm-4711", data.GetProperty("correlationId").GetString());
        Assert.False(data.TryGetProperty("reason", out _));
    }

    [Fact]
    public void A_scan_that_could_not_be_read_publishes_pilgi_scan_failed_naming_its_error_record_and_reason()
    {
        var job = Job();
        var json = Parsed(ScanEvents.Create(Failed(job), Source, new Uri("http://127.0.0.1:10000/devstoreaccount1/failed/remittance/2026/001.json")));

        Assert.Equal(ScanEventTypes.Failed, json.GetProperty("type").GetString());
        Assert.Equal(ScanEvents.IdOf(job.InstanceId, ScanEventTypes.Failed), json.GetProperty("id").GetString());
        var data = json.GetProperty("data");
        Assert.Equal("failed", data.GetProperty("status").GetString());
        Assert.Equal("failed/remittance/2026/001.json", data.GetProperty("blob").GetString());
        Assert.Equal("image_corrupt", data.GetProperty("reason").GetString());
        Assert.Equal("scans/remittance/2026/001.jpg: not an image", data.GetProperty("message").GetString());
        Assert.False(data.TryGetProperty("fieldsRead", out _));
        Assert.False(data.TryGetProperty("correlationId", out _), "no metadata, nothing echoed");
    }

    [Fact]
    public void The_id_is_the_same_for_the_same_instance_and_type_and_differs_otherwise()
    {
        var job = Job();
        var reupload = ScanJob.FromPath(job.Path, "\"0x8DD2\"");
        string first = ScanEvents.Create(Succeeded(job), Source, new Uri("https://a/results/x.json")).Id;
        string again = ScanEvents.Create(Succeeded(job) with { Time = Ended.AddMinutes(5) }, "https://elsewhere/", new Uri("https://b/results/x.json")).Id;

        Assert.Equal(first, again);
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, ScanEvents.IdOf(job.InstanceId, ScanEventTypes.Failed));
        Assert.NotEqual(first, ScanEvents.IdOf(reupload.InstanceId, ScanEventTypes.Completed));
    }

    [Fact]
    public void A_superseded_upload_publishes_nothing()
    {
        var job = Job();
        var superseded = new ScanEventRequest(job, job.InstanceId, new ReadScanOutcome(ReadScanOutcome.Superseded, job.Path, 0, null), Ended);

        Assert.Null(ScanEvents.TypeOf(superseded.Outcome));
        Assert.Throws<ArgumentException>(() => ScanEvents.Create(superseded, Source, new Uri("https://a/results/x.json")));
    }

    [Fact]
    public void The_json_reads_back_as_the_same_cloud_event_and_data()
    {
        var job = Job("한글-상관-01");
        var sent = ScanEvents.Create(Succeeded(job), Source, new Uri("https://a/results/remittance/2026/001.json"));

        var read = CloudEvent.Parse(BinaryData.FromString(ScanEvents.ToJson(sent)))!;

        Assert.Equal(sent.Id, read.Id);
        Assert.Equal(sent.Type, read.Type);
        Assert.Equal(sent.Subject, read.Subject);
        var data = read.Data!.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)!;
        Assert.Equal("한글-상관-01", data.CorrelationId);
        Assert.Equal(10, data.FieldsRead);
    }

    [Fact]
    public void The_correlation_id_comes_from_the_uploads_metadata_whatever_the_keys_case()
    {
        var job = ScanJob.FromPath("scans/remittance/001.jpg", "e1");

        Assert.Equal("crm-1", job.WithMetadata(new Dictionary<string, string> { ["CorrelationId"] = " crm-1 " }).CorrelationId);
        Assert.Null(job.WithMetadata(new Dictionary<string, string> { ["other"] = "x" }).CorrelationId);
        Assert.Null(job.WithMetadata(null).CorrelationId);
        Assert.Equal(job.InstanceId, job.WithMetadata(new Dictionary<string, string> { ["correlationid"] = "y" }).InstanceId);
    }
}
