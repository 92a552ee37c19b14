using System.Diagnostics;
using Pilgi.Core.Errors;
using Pilgi.Core.Privacy;
using Pilgi.Core.Raster;
using Pilgi.Core.Results;
using Pilgi.Imaging;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Reading;
using Pilgi.Reading.Templates;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Steps;

/// <summary>
/// The steps the durable activities run, on blobs: each reads its inputs from the blob store by name, runs
/// <see cref="ReadingSteps"/>, writes its outputs (overwriting, so a retry is harmless) and returns small records.
/// Thread-safe; meant to be a singleton.
/// </summary>
public sealed class ScanSteps
{
    private readonly IBlobStore _blobs;
    private readonly ITemplateProvider _templates;
    private readonly ReadingSteps _reading;
    private readonly OverlayPainter _painter;
    private readonly OutputOptions _output;

    public ScanSteps(IBlobStore blobs, ITemplateProvider templates, ReadingSteps reading, OverlayPainter? painter = null,
        OutputOptions? output = null)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _templates = templates ?? throw new ArgumentNullException(nameof(templates));
        _reading = reading ?? throw new ArgumentNullException(nameof(reading));
        _painter = painter ?? new OverlayPainter();
        _output = output ?? new OutputOptions();
    }

    public ReadingSteps Reading => _reading;

    /// <summary>
    /// Reads the upload, decodes it under the limits, verifies (or chooses) its template, registers every page to it
    /// and stores the grey pages in the work container.
    /// </summary>
    public Task<PreprocessResult> PreprocessAsync(PreprocessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NamingScanAsync(request.Job.Path, () => PreprocessCoreAsync(request, cancellationToken));
    }

    private async Task<PreprocessResult> PreprocessCoreAsync(PreprocessRequest request, CancellationToken cancellationToken)
    {
        var job = request.Job;
        var scan = await _blobs.ReadAsync(StorageNames.Scans, job.BlobName, cancellationToken).ConfigureAwait(false);
        if (job.ETag.Length > 0 && ScanInstanceIds.NormalizeETag(scan.ETag) != ScanInstanceIds.NormalizeETag(job.ETag))
            return new PreprocessResult(job.TemplateId, [], _reading.RecognitionBatchSize, new Dictionary<string, double>(), scan.ETag);

        var timer = new StageTimer();
        var decoded = await timer.TimeAsync("decode", () => _reading.DecodeAsync(scan.Data, job.Path, cancellationToken)).ConfigureAwait(false);
        var templates = await _templates.GetAsync(job.TemplateId, cancellationToken).ConfigureAwait(false);
        var registered = _reading.RegisterScan(templates, _reading.FindPages(decoded.Pages, timer, cancellationToken), job.Path,
            job.TemplateId, timer, cancellationToken);
        var found = registered.Pages;
        var pages = new List<PageRef>(found.Count);
        for (int p = 0; p < found.Count; p++)
        {
            var page = found[p].Image;
            var blob = WorkBlobs.Page(request.WorkPrefix, p + 1);
            await WriteImageAsync(StorageNames.Work, blob, page, cancellationToken).ConfigureAwait(false);
            string? uploadBlob = null;
            if (found[p].IsPhoto)
            {
                // the overlay is drawn on the photo as its owner sees it, not on the straightened sheet
                uploadBlob = WorkBlobs.Upload(request.WorkPrefix, p + 1);
                await WriteImageAsync(StorageNames.Work, uploadBlob, found[p].Upload, cancellationToken).ConfigureAwait(false);
            }
            pages.Add(PageRef.From(p + 1, blob, page.Width, page.Height, registered.Registrations[p], found[p].PageToUpload, uploadBlob));
        }
        return new PreprocessResult(registered.Form.Template.Id, pages, _reading.RecognitionBatchSize, StageTimings(timer));
    }

    /// <summary>Finds the handwriting on one stored page and stores a crop per region.</summary>
    public Task<DetectResult> DetectAsync(DetectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NamingScanAsync(request.ScanName, () => DetectCoreAsync(request, cancellationToken));
    }

    private async Task<DetectResult> DetectCoreAsync(DetectRequest request, CancellationToken cancellationToken)
    {
        var form = (await _templates.GetAsync(request.TemplateId, cancellationToken).ConfigureAwait(false)).Get(request.TemplateId);
        var page = await ReadImageAsync(StorageNames.Work, request.Page.Blob, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var detection = await _reading.DetectPageAsync(page, request.Page.Page, form, request.Page.ToRegistration(), cancellationToken).ConfigureAwait(false);
        double ms = clock.Elapsed.TotalMilliseconds;
        if (detection.Regions.Count == 0) return new DetectResult(request.Page.Page, [], Math.Round(ms, 1));
        var sheet = CropSheet.Pack(detection.Crops);
        var blob = WorkBlobs.CropSheet(request.WorkPrefix, request.Page.Page);
        await WriteImageAsync(StorageNames.Work, blob, sheet.Image, cancellationToken).ConfigureAwait(false);
        var regions = detection.Regions.Select((region, i) =>
            RegionRef.From(region, CropRef.From(blob, sheet.Places[i]), ReadingSteps.KindOf(form, region))).ToList();
        return new DetectResult(request.Page.Page, regions, Math.Round(ms, 1));
    }

    /// <summary>Reads the crops of one batch with one recogniser call.</summary>
    public async Task<RecognizeResult> RecognizeAsync(RecognizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sheets = new Dictionary<string, GrayImage>(StringComparer.Ordinal);
        foreach (var blob in request.Crops.Select(c => c.Blob).Distinct(StringComparer.Ordinal))
            sheets[blob] = await ReadImageAsync(StorageNames.Work, blob, cancellationToken).ConfigureAwait(false);
        var crops = request.Crops.Select(c => CutOut(sheets[c.Blob], c)).ToArray();
        var clock = Stopwatch.StartNew();
        var alphabets = request.Alphabets();
        var texts = await _reading.RecognizeBatchAsync(crops, alphabets, cancellationToken).ConfigureAwait(false);
        return new RecognizeResult(texts.Select(TextRead.From).ToList(), Math.Round(clock.Elapsed.TotalMilliseconds, 1));
    }

    /// <summary>
    /// Fuses the reads into the template's fields, validates them, and writes the overlays and then the result
    /// document (last, so a result that exists is complete); with <see cref="OutputOptions.MaskPii"/> both show
    /// personal numbers masked.
    /// </summary>
    public Task<WrittenResult> FuseAndWriteAsync(FuseRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NamingScanAsync(request.Job.Path, () => FuseAndWriteCoreAsync(request, cancellationToken));
    }

    private async Task<WrittenResult> FuseAndWriteCoreAsync(FuseRequest request, CancellationToken cancellationToken)
    {
        var job = request.Job;
        var form = (await _templates.GetAsync(request.TemplateId, cancellationToken).ConfigureAwait(false)).Get(request.TemplateId);
        var clock = Stopwatch.StartNew();
        var transforms = request.Pages.ToDictionary(p => p.Page, p => p.ReferenceToScanTransform());
        var toUpload = request.Pages.Where(p => p.PageToUpload is not null).ToDictionary(p => p.Page, p => p.PageToUploadTransform()!.Value);
        var result = _reading.Fuse(form, transforms, request.Regions.Select(r => r.ToRegion()).ToList(),
            request.Texts.Select(t => t.ToRecognition()).ToList(), toUpload);
        var timings = new Dictionary<string, double>(request.TimingsMs, StringComparer.Ordinal)
        {
            ["fusionMs"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
        };
        result = result with { Scan = job.Path, Pages = request.Pages.Count, Models = new(_reading.Models), Timings = timings };
        var redacted = _output.MaskPii ? form.Template.PersonalNumberFields() : null;
        if (_output.MaskPii) result = result.MaskPii(form.Template);

        var overlays = new List<string>();
        var painted = result.Fields.Values.Where(f => f.Box is not null).Select(f => f.Page).Append(1).Distinct().Order();
        foreach (var pageNumber in painted)
        {
            var pageRef = request.Pages.FirstOrDefault(p => p.Page == pageNumber);
            if (pageRef is null) continue;
            var page = await ReadImageAsync(StorageNames.Work, pageRef.UploadBlob ?? pageRef.Blob, cancellationToken).ConfigureAwait(false);
            using var overlay = _painter.Paint(page, ResultOverlay.Fields(result, pageNumber, redacted));
            var blob = job.OverlayBlobFor(pageNumber);
            await _blobs.WriteAsync(StorageNames.Results, blob, ImageCodec.EncodePng(overlay), ContentTypes.Png, cancellationToken).ConfigureAwait(false);
            overlays.Add($"{StorageNames.Results}/{blob}");
        }
        await _blobs.WriteAsync(StorageNames.Results, job.ResultBlob, ResultJson.SerializeToUtf8Bytes(result), ContentTypes.Json,
            cancellationToken).ConfigureAwait(false);
        var fields = result.Fields.Values;
        return new WrittenResult($"{StorageNames.Results}/{job.ResultBlob}", overlays, fields.Count,
            fields.Count(f => f.Value is not null), fields.Count(f => f.NeedsReview), fields.Count(f => f.Value is not null && !f.Valid));
    }

    /// <summary>
    /// Writes the error record of a scan that could not be read, its message masked; the scan itself stays where it is.
    /// </summary>
    public async Task<string> WriteFailureAsync(FailureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var record = new ErrorRecord
        {
            Scan = request.Job.Path,
            Reason = request.Reason,
            Message = request.Message,
            InstanceId = request.InstanceId,
            Time = request.Time,
        }.MaskPii();
        await _blobs.WriteAsync(StorageNames.Failed, request.Job.FailureBlob, ResultJson.SerializeToUtf8Bytes(record), ContentTypes.Json,
            cancellationToken).ConfigureAwait(false);
        return $"{StorageNames.Failed}/{request.Job.FailureBlob}";
    }

    /// <summary>Every refusal names the scan it is about (the error record's reader may see only the message).</summary>
    private static async Task<T> NamingScanAsync<T>(string scanName, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (PilgiException e) when (!e.Message.Contains(scanName, StringComparison.Ordinal))
        {
            throw new PilgiException(e.Reason, $"{scanName}: {e.Message}", e.Subject ?? scanName, e);
        }
    }

    private async Task<GrayImage> ReadImageAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = await _blobs.ReadAsync(container, name, cancellationToken).ConfigureAwait(false);
        return ImageCodec.LoadGray(blob.Data, $"{container}/{name}");
    }

    private static GrayImage CutOut(GrayImage sheet, CropRef crop)
    {
        var rect = crop.Rect;
        if (rect.IsEmpty || rect.Clamp(sheet.Width, sheet.Height) != rect)
            throw new InvalidOperationException($"Crop {rect} does not lie on the {sheet.Width}x{sheet.Height} sheet {crop.Blob}.");
        return sheet.Crop(rect);
    }

    private Task<string> WriteImageAsync(string container, string name, GrayImage image, CancellationToken cancellationToken) =>
        _blobs.WriteAsync(container, name, ImageCodec.EncodePng(image), ContentTypes.Png, cancellationToken);

    private static Dictionary<string, double> StageTimings(StageTimer timer)
    {
        var timings = timer.Snapshot();
        timings.Remove("totalMs");
        return timings;
    }
}
