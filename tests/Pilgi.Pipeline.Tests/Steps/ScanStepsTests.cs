using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Reading;
using Pilgi.Reading.Templates;
using Pilgi.Storage;
using Pilgi.Storage.Templates;

namespace Pilgi.Pipeline.Tests.Steps;

/// <summary>The steps called one by one, without Durable Task, the way the orchestrator calls them.</summary>
public class ScanStepsTests
{
    [Fact]
    public async Task Run_one_by_one_the_steps_give_the_in_process_result()
    {
        using var storage = TestStorage.CreateSeeded();
        var registrar = new PageRegistrar();
        var reading = new ReadingSteps(new GuardedDecoder(), registrar, new TemplateSubtractionDetector(), new FixedRecognizer("x"),
            recognitionBatchSize: 4);
        var templates = new BlobTemplateProvider(storage.Store, registrar, new DetectionOptions());
        var steps = new ScanSteps(storage.Store, templates, reading);
        var sample = SampleScans.Get("deposit");
        var job = await storage.JobForAsync(sample.BlobName);

        var pre = await steps.PreprocessAsync(new PreprocessRequest(job, "w1"));
        var page = Assert.Single(pre.Pages);
        Assert.Equal("w1/page-001.png", page.Blob);
        Assert.True(await storage.Files.ExistsAsync(StorageNames.Work, page.Blob));
        var detected = await steps.DetectAsync(new DetectRequest(job.Path, pre.TemplateId, page, "w1"));
        var regions = detected.Regions;
        Assert.NotEmpty(regions);
        // one crop sheet for the page, the crops side by side on it without overlapping
        Assert.All(regions, r => Assert.Equal("w1/page-001-crops.png", r.Crop.Blob));
        Assert.True(await storage.Files.ExistsAsync(StorageNames.Work, "w1/page-001-crops.png"));
        var places = regions.Select(r => r.Crop.Rect).ToList();
        Assert.All(places, p => Assert.All(places.Where(q => q != p), q => Assert.True(p.ToBox().Intersect(q.ToBox()).IsEmpty, $"{p} overlaps {q}")));
        var texts = new TextRead[regions.Count];
        foreach (var batch in RecognitionBatches.Plan(regions.Select(r => r.TemplateBox.ToBox()).ToList(), pre.RecognitionBatchSize))
        {
            var read = await steps.RecognizeAsync(new RecognizeRequest(batch.Select(i => regions[i].Crop).ToList()));
            for (int k = 0; k < batch.Length; k++) texts[batch[k]] = read.Texts[k];
        }
        var written = await steps.FuseAndWriteAsync(new FuseRequest(job, pre.TemplateId, pre.Pages, regions, texts, pre.TimingsMs));

        Assert.Equal($"results/{job.ResultBlob}", written.ResultBlob);
        Assert.Equal([$"results/{job.OverlayBlob}"], written.OverlayBlobs);
        var reader = new FormReader(await templates.GetAsync(), reading);
        var expected = await reader.ReadAsync(sample.Bytes, job.Path, job.TemplateId);
        var actual = Pilgi.Core.Results.ResultJson.Deserialize(System.Text.Encoding.UTF8.GetString(
            (await storage.Files.ReadAsync(StorageNames.Results, job.ResultBlob)).Data));
        ResultAssert.SameReading(expected.Result, actual);
        Assert.Equal(expected.Result.Fields.Values.Count(f => f.Value is not null), written.FieldsRead);
    }

    [Fact]
    public async Task A_photo_is_read_on_its_straightened_sheet_and_reported_and_painted_in_the_photo()
    {
        using var storage = TestStorage.CreateSeeded();
        var registrar = new PageRegistrar();
        var reading = new ReadingSteps(new GuardedDecoder(), registrar, new TemplateSubtractionDetector(), new FixedRecognizer("x"));
        var templates = new BlobTemplateProvider(storage.Store, registrar, new DetectionOptions());
        var steps = new ScanSteps(storage.Store, templates, reading);
        var sample = SampleScans.Get("deposit");
        var (photo, _) = SamplePhotos.PhotoOf((await new GuardedDecoder().DecodeAsync(sample.Bytes, sample.FileName)).Pages[0]);
        var photoBytes = ImageCodec.EncodePng(photo);
        storage.Put(StorageNames.Scans, "deposit/photo.png", photoBytes);
        var job = await storage.JobForAsync("deposit/photo.png");

        var pre = await steps.PreprocessAsync(new PreprocessRequest(job, "w1"));
        var page = Assert.Single(pre.Pages);
        Assert.Equal(8, page.PageToUpload?.Count);
        Assert.Equal("w1/page-001-upload.png", page.UploadBlob);
        var stored = ImageCodec.LoadGray((await storage.Files.ReadAsync(StorageNames.Work, page.UploadBlob!)).Data, "upload");
        Assert.Equal((photo.Width, photo.Height), (stored.Width, stored.Height));
        Assert.NotEqual((photo.Width, photo.Height), (page.Width, page.Height));

        var detected = await steps.DetectAsync(new DetectRequest(job.Path, pre.TemplateId, page, "w1"));
        var read = await steps.RecognizeAsync(new RecognizeRequest(detected.Regions.Select(r => r.Crop).ToList()));
        var written = await steps.FuseAndWriteAsync(new FuseRequest(job, pre.TemplateId, pre.Pages, detected.Regions, read.Texts, pre.TimingsMs));

        var overlay = ImageCodec.LoadGray((await storage.Files.ReadAsync(StorageNames.Results, job.OverlayBlob)).Data, "overlay");
        Assert.Equal((photo.Width, photo.Height), (overlay.Width, overlay.Height));
        var expected = await new FormReader(await templates.GetAsync(), reading).ReadAsync(photoBytes, job.Path, job.TemplateId);
        var actual = Pilgi.Core.Results.ResultJson.Deserialize(System.Text.Encoding.UTF8.GetString(
            (await storage.Files.ReadAsync(StorageNames.Results, job.ResultBlob)).Data));
        ResultAssert.SameReading(expected.Result, actual);
        Assert.Equal(sample.FilledFields(), actual.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Result.Fields.Values.Count(f => f.Value is not null), written.FieldsRead);
    }

    [Fact]
    public async Task A_failure_record_names_the_scan_reason_and_instance()
    {
        using var storage = TestStorage.CreateEmpty();
        var registrar = new PageRegistrar();
        var steps = new ScanSteps(storage.Store, new BlobTemplateProvider(storage.Store, registrar, new DetectionOptions()),
            new ReadingSteps(new GuardedDecoder(), registrar, new TemplateSubtractionDetector(), new FixedRecognizer("x")));
        var job = ScanJob.FromPath("scans/remittance/2026/a.tif", "\"1\"");
        var time = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

        var blob = await steps.WriteFailureAsync(new FailureRequest(job, job.InstanceId, "image_corrupt", "scans/remittance/2026/a.tif: bad", time));

        Assert.Equal("failed/remittance/2026/a.json", blob);
        var record = Pilgi.Core.Results.ResultJson.DeserializeError(System.Text.Encoding.UTF8.GetString(
            (await storage.Files.ReadAsync(StorageNames.Failed, "remittance/2026/a.json")).Data));
        Assert.Equal(new Pilgi.Core.Results.ErrorRecord
        {
            Scan = "scans/remittance/2026/a.tif", Reason = "image_corrupt", Message = "scans/remittance/2026/a.tif: bad",
            InstanceId = job.InstanceId, Time = time,
        }, record);
    }
}
