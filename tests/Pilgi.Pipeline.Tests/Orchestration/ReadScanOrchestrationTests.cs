using Pilgi.Core.Errors;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.Pipeline.Tests.Orchestration;

/// <summary>
/// The durable orchestration end to end in this process, on blobs seeded with the sample forms, with a recogniser
/// that reads every crop as "x" (recognition is tested elsewhere; here: the flow, the blobs and the failure path).
/// </summary>
[Collection(FixedTextPipelineCollection.Name)]
public class ReadScanOrchestrationTests(FixedTextPipelineFixture fixture)
{
    private PipelineHost Host => fixture.Host;

    [Theory]
    [MemberData(nameof(SampleScans.Layouts), MemberType = typeof(SampleScans))]
    public async Task Each_sample_scan_gets_one_result_with_the_labelled_template_and_fields(string layout)
    {
        var sample = SampleScans.Get(layout);
        var job = await Host.Storage.JobForAsync(sample.BlobName);

        var (_, outcome) = await Host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.Equal($"{StorageNames.Results}/{layout}/{Path.GetFileNameWithoutExtension(sample.FileName)}.json", outcome.Blob);
        var stem = $"{layout}/{Path.GetFileNameWithoutExtension(sample.FileName)}.";
        Assert.Equal([job.ResultBlob, job.OverlayBlob], await Host.Storage.NamesAsync(StorageNames.Results, stem));
        Assert.Empty(await Host.Storage.NamesAsync(StorageNames.Failed, stem));
        var result = await Host.ReadResultAsync(job);
        Assert.Equal(sample.Label().FormType, result.Template);
        Assert.Equal(job.Path, result.Scan);
        Assert.Equal(1, result.Pages);
        Assert.Equal(sample.FilledFields(), result.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.True(await Host.Storage.Files.ExistsAsync(StorageNames.Scans, sample.BlobName), "the scan stays where it was");
        var completed = Assert.Single(Host.Events(), e => e.Subject == job.Path);
        Assert.Equal(ScanEventTypes.Completed, completed.Type);
        Assert.Equal(outcome.EventId, completed.Id);
    }

    [Fact]
    public async Task The_result_is_what_the_in_process_reader_gives_for_the_same_bytes()
    {
        var sample = SampleScans.Get("remittance");
        var job = await Host.Storage.JobForAsync(sample.BlobName);
        await Host.RunAsync(job);

        var expected = await Readers.SampleFixedText.ReadAsync(sample.Bytes, job.Path, job.TemplateId);

        ResultAssert.SameReading(expected.Result, await Host.ReadResultAsync(job));
    }

    [Fact]
    public async Task A_multi_page_tiff_gets_one_result_with_every_page()
    {
        var sample = SampleScans.Get("withdrawal");
        var tiff = TwoPageTiff(sample.Bytes);
        Host.Storage.Put(StorageNames.Scans, "withdrawal/batch/two-pages.tif", tiff);
        var job = await Host.Storage.JobForAsync("withdrawal/batch/two-pages.tif");

        var (_, outcome) = await Host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.Equal(2, outcome.Pages);
        Assert.Equal("withdrawal/batch/two-pages.json", job.ResultBlob);
        var result = await Host.ReadResultAsync(job);
        Assert.Equal(2, result.Pages);
        Assert.Contains(result.Regions, r => r.Page == 2);
        // a field takes its value from the first page that has one
        Assert.All(result.Fields.Values.Where(f => f.Value is not null), f => Assert.Equal(1, f.Page));
        Assert.Equal(["withdrawal/batch/two-pages.json", "withdrawal/batch/two-pages.overlay.png"],
            await Host.Storage.NamesAsync(StorageNames.Results, "withdrawal/batch/"));
        var expected = await Readers.SampleFixedText.ReadAsync(tiff, job.Path, job.TemplateId);
        ResultAssert.SameReading(expected.Result, result);
    }

    public static IEnumerable<object[]> BadUploads()
    {
        yield return ["remittance/page.jpg", "<html><body>not a scan</body></html>"u8.ToArray(), ReasonCodes.ImageUnsupportedFormat];
        yield return ["remittance/cut.jpg", SampleScans.Get("remittance").Bytes[..4000], ReasonCodes.ImageCorrupt];
        yield return ["remittance/empty.png", Array.Empty<byte>(), ReasonCodes.ImageEmpty];
        // the deposit form uploaded into the remittance folder does not line up with the remittance form
        yield return ["remittance/deposit-slip.jpg", SampleScans.Get("deposit").Bytes, ReasonCodes.RegistrationFailed];
        yield return ["no_such_form/x.jpg", SampleScans.Get("deposit").Bytes, ReasonCodes.TemplateUnknown];
    }

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_scan_that_cannot_be_read_gets_one_error_record_and_the_orchestration_completes(string blobName, byte[] bytes, string reason)
    {
        Host.Storage.Put(StorageNames.Scans, blobName, bytes);
        var job = await Host.Storage.JobForAsync(blobName);
        var before = DateTimeOffset.UtcNow;

        var (_, outcome) = await Host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Failed, outcome.Status);
        Assert.Equal(reason, outcome.Reason);
        Assert.Equal($"{StorageNames.Failed}/{job.FailureBlob}", outcome.Blob);
        var error = await Host.ReadFailureAsync(job);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(job.Path, error.Scan);
        Assert.Equal(job.InstanceId, error.InstanceId);
        Assert.DoesNotContain("[" + reason + "]", error.Message);
        Assert.Contains(job.Path, error.Message);
        Assert.InRange(error.Time, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(await Host.Storage.Files.ExistsAsync(StorageNames.Results, job.ResultBlob));
        Assert.True(await Host.Storage.Files.ExistsAsync(StorageNames.Scans, blobName), "the scan stays where it was");
        Assert.Equal(1, Host.Storage.Store.Reads(StorageNames.Scans, blobName)); // bad input is not retried
        var failed = Assert.Single(Host.Events(), e => e.Subject == job.Path);
        Assert.Equal(ScanEventTypes.Failed, failed.Type);
        Assert.Equal(outcome.EventId, failed.Id);
        Assert.Equal(reason, failed.Data!.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)!.Reason);
    }

    [Fact]
    public async Task The_same_upload_triggered_twice_is_read_once()
    {
        var sample = SampleScans.Get("deposit");
        Host.Storage.Put(StorageNames.Scans, "deposit/twice.jpg", sample.Bytes);
        var job = await Host.Storage.JobForAsync("deposit/twice.jpg");

        var first = await Host.Client.StartOnceAsync(job);
        var second = await Host.Client.StartOnceAsync(job);
        await Host.WaitAsync(job.InstanceId);
        var third = await Host.Client.StartOnceAsync(ScanJob.FromPath(job.Path, job.ETag));

        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.False(third.Started);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(1, Host.Storage.Store.Reads(StorageNames.Scans, "deposit/twice.jpg"));
        Assert.Equal([job.ResultBlob, job.OverlayBlob], await Host.Storage.NamesAsync(StorageNames.Results, "deposit/twice."));
    }

    [Fact]
    public async Task A_reupload_is_a_new_instance_that_rewrites_the_one_result()
    {
        var sample = SampleScans.Get("account_opening");
        Host.Storage.Put(StorageNames.Scans, "account_opening/again.jpg", sample.Bytes);
        var firstJob = await Host.Storage.JobForAsync("account_opening/again.jpg");
        await Host.RunAsync(firstJob);
        var firstResult = await Host.Storage.Files.ReadAsync(StorageNames.Results, firstJob.ResultBlob);

        await Task.Delay(20); // a new last-write time, so a new ETag
        Host.Storage.Put(StorageNames.Scans, "account_opening/again.jpg", sample.Bytes);
        var secondJob = await Host.Storage.JobForAsync("account_opening/again.jpg");
        Assert.NotEqual(firstJob.ETag, secondJob.ETag);
        Assert.NotEqual(firstJob.InstanceId, secondJob.InstanceId);

        var (_, second) = await Host.RunAsync(secondJob);

        Assert.Equal(ReadScanOutcome.Succeeded, second.Status);
        Assert.NotEqual(firstResult.ETag, (await Host.Storage.Files.ReadAsync(StorageNames.Results, secondJob.ResultBlob)).ETag);
        Assert.Equal([secondJob.ResultBlob, secondJob.OverlayBlob], await Host.Storage.NamesAsync(StorageNames.Results, "account_opening/again."));
    }

    [Fact]
    public async Task A_late_trigger_for_a_replaced_upload_writes_nothing()
    {
        var sample = SampleScans.Get("withdrawal");
        Host.Storage.Put(StorageNames.Scans, "withdrawal/replaced.jpg", sample.Bytes);
        var current = await Host.Storage.JobForAsync("withdrawal/replaced.jpg");
        var stale = current with { ETag = "\"0x8DC0000000000000\"" };

        var (_, outcome) = await Host.RunAsync(stale);

        Assert.Equal(ReadScanOutcome.Superseded, outcome.Status);
        Assert.Null(outcome.Blob);
        Assert.Empty(await Host.Storage.NamesAsync(StorageNames.Results, "withdrawal/replaced"));
        Assert.Empty(await Host.Storage.NamesAsync(StorageNames.Failed, "withdrawal/replaced"));
    }

    [Fact]
    public async Task Work_blobs_are_kept_under_the_instance_id()
    {
        var sample = SampleScans.Get("insurance_claim");
        var job = await Host.Storage.JobForAsync(sample.BlobName);
        await Host.RunAsync(job);

        var work = await Host.Storage.NamesAsync(StorageNames.Work, job.InstanceId + "/");
        Assert.Contains($"{job.InstanceId}/page-001.png", work);
        Assert.Contains($"{job.InstanceId}/page-001-crops.png", work);
    }

    [Fact]
    public async Task The_history_carries_blob_names_not_images()
    {
        var sample = SampleScans.Get("remittance");
        Host.Storage.Put(StorageNames.Scans, "remittance/history.jpg", sample.Bytes);
        var job = await Host.Storage.JobForAsync("remittance/history.jpg");
        var (instance, _) = await Host.RunAsync(job);

        Assert.True(instance.SerializedInput!.Length < 500, instance.SerializedInput);
        Assert.True(instance.SerializedOutput!.Length < 500, instance.SerializedOutput);
        Assert.Equal("\"done\"", instance.SerializedCustomStatus);
    }

    /// <summary>The page twice, at half resolution (150 dpi, which keeps the test quick), as an uncompressed grey TIFF.</summary>
    private static byte[] TwoPageTiff(byte[] jpeg)
    {
        using var page = Image.Load<L8>(jpeg);
        page.Mutate(x => x.Resize(page.Width / 2, page.Height / 2));
        using var tiff = page.Clone();
        tiff.Frames.AddFrame(page.Frames.RootFrame);
        using var output = new MemoryStream();
        tiff.Save(output, new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit8, Compression = TiffCompression.None });
        return output.ToArray();
    }
}
