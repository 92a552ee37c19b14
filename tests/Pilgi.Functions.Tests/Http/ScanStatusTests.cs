using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Pilgi.Functions.Http;
using Pilgi.Functions.Tests.Support;
using Pilgi.Functions.Triggers;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Functions.Tests.Http;

public class ScanStatusTests
{
    private static readonly ScanJob Job = ScanJob.FromBlob(StorageNames.Scans, "remittance/2026/001.jpg", "\"0x8DC1\"");

    private static OrchestrationMetadata Instance(OrchestrationRuntimeStatus status, object? output = null, string? stage = null,
        TaskFailureDetails? failure = null) =>
        new(ReadScanOrchestrator.Name, Job.InstanceId)
        {
            RuntimeStatus = status,
            DataConverter = JsonDataConverter.Default,
            SerializedOutput = output is null ? null : JsonDataConverter.Default.Serialize(output),
            SerializedCustomStatus = stage is null ? null : JsonDataConverter.Default.Serialize(stage),
            FailureDetails = failure,
            CreatedAt = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 11, 25, 1, 0, 9, TimeSpan.Zero),
        };

    [Fact]
    public void Before_the_trigger_scheduled_it_the_upload_is_waiting()
    {
        var report = ScanStatusReport.From(Job, null);

        Assert.Equal(ScanStatusReport.Waiting, report.State);
        Assert.Equal("scans/remittance/2026/001.jpg", report.Scan);
        Assert.Equal(Job.InstanceId, report.InstanceId);
        Assert.Null(report.RuntimeStatus);
        Assert.False(report.Done);
    }

    [Fact]
    public void A_running_instance_reports_its_stage()
    {
        var report = ScanStatusReport.From(Job, Instance(OrchestrationRuntimeStatus.Running, stage: ReadScanStages.Recognize));

        Assert.Equal(ScanStatusReport.Running, report.State);
        Assert.Equal("Running", report.RuntimeStatus);
        Assert.Equal("recognize", report.Stage);
        Assert.Null(report.Result);
    }

    [Fact]
    public void A_completed_read_names_the_result_blob()
    {
        var outcome = new ReadScanOutcome(ReadScanOutcome.Succeeded, Job.Path, 1, "results/remittance/2026/001.json")
        {
            Fields = 9, FieldsRead = 8, NeedsReview = 2,
        };
        var report = ScanStatusReport.From(Job, Instance(OrchestrationRuntimeStatus.Completed, outcome, ReadScanStages.Done));

        Assert.Equal(ReadScanOutcome.Succeeded, report.State);
        Assert.Equal("Completed", report.RuntimeStatus);
        Assert.Equal("results/remittance/2026/001.json", report.Result);
        Assert.Equal(1, report.Pages);
        Assert.Equal(9, report.Fields);
        Assert.Equal(8, report.FieldsRead);
        Assert.Equal(2, report.NeedsReview);
        Assert.True(report.Done);
    }

    [Fact]
    public void A_failed_read_names_the_error_record_and_reason()
    {
        var outcome = new ReadScanOutcome(ReadScanOutcome.Failed, Job.Path, 0, "failed/remittance/2026/001.json", "image_corrupt", "bad JPEG");
        var report = ScanStatusReport.From(Job, Instance(OrchestrationRuntimeStatus.Completed, outcome));

        Assert.Equal(ReadScanOutcome.Failed, report.State);
        Assert.Equal("failed/remittance/2026/001.json", report.Result);
        Assert.Equal("image_corrupt", report.Reason);
    }

    [Fact]
    public void An_orchestration_that_itself_failed_is_an_error_with_its_message()
    {
        var failure = new TaskFailureDetails("System.InvalidOperationException", "boom", null, null, null);
        var report = ScanStatusReport.From(Job, Instance(OrchestrationRuntimeStatus.Failed, failure: failure));

        Assert.Equal(ScanStatusReport.Error, report.State);
        Assert.Equal("boom", report.Message);
        Assert.True(report.Done);
    }

    [Theory]
    [InlineData("remittance", "2026/001.jpg", "remittance/2026/001.jpg")]
    [InlineData("remittance", "/001.jpg/", "remittance/001.jpg")]
    public void The_route_names_a_blob_in_scans(string templateId, string path, string expected)
    {
        Assert.Equal(expected, ScanStatusQuery.BlobName(templateId, path, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("remittance", "notes.txt")]
    [InlineData("remittance", "../001.jpg")]
    [InlineData("remittance", "")]
    public void A_route_that_names_no_scan_is_refused(string templateId, string path)
    {
        Assert.Null(ScanStatusQuery.BlobName(templateId, path, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public async Task The_status_looks_up_the_instance_the_trigger_scheduled_for_the_current_upload()
    {
        using var storage = new TempFolder();
        var blobs = new FileBlobStore(storage.Path);
        var etag = await blobs.WriteAsync(StorageNames.Scans, "remittance/001.jpg", [1, 2, 3], "image/jpeg");
        await blobs.WriteAsync(StorageNames.Scans, "remittance/001.jpg.png", [4], ContentTypes.Png);
        var query = new ScanStatusQuery(blobs);

        Assert.Equal(etag, await query.CurrentETagAsync("remittance/001.jpg"));
        Assert.Null(await query.CurrentETagAsync("remittance/002.jpg"));
        Assert.True(ScanUpload.TryCreateJob(StorageNames.Scans, "remittance/001.jpg", etag, out var job, out _));
        Assert.Equal(job.InstanceId, ScanJob.FromBlob(StorageNames.Scans, "remittance/001.jpg", (await query.CurrentETagAsync("remittance/001.jpg"))!).InstanceId);
    }
}
