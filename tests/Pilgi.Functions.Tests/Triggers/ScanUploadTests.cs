using System.Text.Json;
using Pilgi.Functions.Triggers;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Functions.Tests.Triggers;

public class ScanUploadTests
{
    [Fact]
    public void An_upload_becomes_a_job_whose_instance_id_comes_from_path_and_etag()
    {
        Assert.True(ScanUpload.TryCreateJob("scans", "remittance/001.jpg", "\"0x8DC1\"", out var job, out _));

        Assert.Equal("scans/remittance/001.jpg", job.Path);
        Assert.Equal("remittance", job.TemplateId);
        Assert.Equal("001.jpg", job.RelativePath);
        Assert.Equal(ScanInstanceIds.For("scans/remittance/001.jpg", "0x8DC1"), job.InstanceId);
    }

    [Fact]
    public void The_template_is_the_first_folder_though_the_triggers_template_id_captures_greedily()
    {
        // scans/{templateId}/{name} matches scans/remittance/2026/05/001.tif with templateId = "remittance/2026/05"
        Assert.True(ScanUpload.TryCreateJob("scans", "remittance/2026/05/001.tif", "0x1", out var job, out _));

        Assert.Equal("remittance", job.TemplateId);
        Assert.Equal("2026/05/001.tif", job.RelativePath);
        Assert.Equal("remittance/2026/05/001", job.OutputStem);
    }

    [Fact]
    public void A_scanned_pdf_is_scheduled_like_an_image()
    {
        Assert.True(ScanUpload.TryCreateJob("scans", "remittance/2026/copier.PDF", "0x1", out var job, out _));

        Assert.Equal("remittance", job.TemplateId);
        Assert.Equal("remittance/2026/copier", job.OutputStem);
    }

    [Fact]
    public void The_same_upload_seen_twice_gets_one_instance_and_a_reupload_another()
    {
        Assert.True(ScanUpload.TryCreateJob("scans", "deposit/a.png", "\"0x1\"", out var first, out _));
        Assert.True(ScanUpload.TryCreateJob("scans", "deposit/a.png", "0x1", out var again, out _));
        Assert.True(ScanUpload.TryCreateJob("scans", "deposit/a.png", "0x2", out var reupload, out _));

        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.NotEqual(first.InstanceId, reupload.InstanceId);
    }

    [Theory]
    [InlineData("scans", "remittance/notes.txt", "not a scan")]
    [InlineData("scans", "001.jpg", "at the top")]
    [InlineData("scans", "remittance//001.jpg", "segment")]
    [InlineData("results", "remittance/001.jpg", "container")]
    public void Blobs_that_are_no_scans_are_ignored_with_a_reason(string container, string name, string reason)
    {
        Assert.False(ScanUpload.TryCreateJob(container, name, "0x1", out var job, out var ignored));

        Assert.Null(job);
        Assert.Contains(reason, ignored);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    public void An_upload_without_an_etag_is_not_scheduled(string etag)
    {
        Assert.False(ScanUpload.TryCreateJob("scans", "remittance/001.jpg", etag, out _, out var ignored));
        Assert.Contains("ETag", ignored);
    }

    [Fact]
    public void The_etag_is_read_from_the_triggers_blob_properties_when_the_host_sends_it()
    {
        var data = new Dictionary<string, object?>
        {
            ["BlobTrigger"] = "scans/remittance/001.jpg",
            ["Properties"] = "{\"ContentLength\":12,\"ETag\":\"\\\"0x8DC1\\\"\"}",
        };

        Assert.Equal("\"0x8DC1\"", ScanUpload.ETagFromBindingData(data));
    }

    [Fact]
    public void The_etag_key_is_found_in_any_case_and_in_a_json_element()
    {
        using var doc = JsonDocument.Parse("{\"etag\":\"0x8DC2\"}");
        var data = new Dictionary<string, object?> { ["properties"] = doc.RootElement.Clone() };

        Assert.Equal("0x8DC2", ScanUpload.ETagFromBindingData(data));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{\"ETag\":{}}")] // Azure.ETag written by a serializer that knows no such type
    [InlineData("{\"ETag\":\"\"}")]
    [InlineData("{\"ContentLength\":12}")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Without_a_usable_etag_in_the_binding_data_the_caller_asks_the_blob(string? properties)
    {
        var data = new Dictionary<string, object?> { ["BlobTrigger"] = "scans/remittance/001.jpg" };
        if (properties is not null) data["Properties"] = properties;

        Assert.Null(ScanUpload.ETagFromBindingData(data));
    }

    [Fact]
    public void The_uploads_correlation_id_comes_from_the_triggers_metadata_and_is_not_part_of_the_instance_id()
    {
        var bindingData = new Dictionary<string, object?> { ["Metadata"] = "{\"CorrelationId\":\"crm-77\",\"other\":\"x\"}" };
        Assert.True(ScanUpload.TryCreateJob("scans", "remittance/001.jpg", "0x1", out var job, out _));

        var metadata = ScanUpload.MetadataFromBindingData(bindingData);
        var withId = job.WithMetadata(metadata);

        Assert.Equal("crm-77", withId.CorrelationId);
        Assert.Equal(job.InstanceId, withId.InstanceId);
        Assert.Null(ScanUpload.MetadataFromBindingData(new Dictionary<string, object?>()));
        Assert.Null(ScanUpload.MetadataFromBindingData(new Dictionary<string, object?> { ["Metadata"] = "not json" }));
        Assert.Empty(ScanUpload.MetadataFromBindingData(new Dictionary<string, object?> { ["Metadata"] = JsonDocument.Parse("{}").RootElement })!);
    }
}
