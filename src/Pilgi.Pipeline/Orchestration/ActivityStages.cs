using Pilgi.Core.Geometry;
using Pilgi.Pipeline.Steps;
using Pilgi.Reading.Flow;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// <see cref="ReadingFlow"/>'s stages as the orchestration's activities, for one scan: preparing is
/// <see cref="PreprocessScanActivity"/>, each page's detection a <see cref="DetectPageActivity"/>, each batch a
/// <see cref="RecognizeBatchActivity"/>, fusing <see cref="FuseAndWriteResultActivity"/>. Blob names and small
/// records go in and out, never images. Deterministic as long as <paramref name="utcNow"/> is the orchestration's clock.
/// </summary>
public sealed class ActivityStages(ScanJob job, string workPrefix, IActivityCalls calls, Func<DateTime> utcNow,
    Action<ReadingStage>? starting = null, Action<ReadingStage>? ended = null)
    : IReadingStages<PageRef, RegionRef, TextRead, WrittenResult>
{
    private readonly DateTime _started = utcNow();
    private readonly Lock _gate = new();
    private double _detectionMs, _recognitionMs;
    private int _regionsFound;

    /// <summary>The activity that runs a stage's calls.</summary>
    public static string ActivityOf(ReadingStage stage) => stage switch
    {
        ReadingStage.Prepare => PreprocessScanActivity.Name,
        ReadingStage.Detect => DetectPageActivity.Name,
        ReadingStage.Recognize => RecognizeBatchActivity.Name,
        ReadingStage.Fuse => FuseAndWriteResultActivity.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>What preprocessing gave (null before), a superseded upload's included.</summary>
    public PreprocessResult? Preprocessed { get; private set; }

    public int Pages => Preprocessed?.Pages.Count ?? 0;

    /// <summary>The regions of handwriting on the scan's pages, once every page's detection ended (0 before).</summary>
    public int Regions { get; private set; }

    public void Starting(ReadingStage stage) => starting?.Invoke(stage);

    public void Ended(ReadingStage stage)
    {
        if (stage == ReadingStage.Detect)
            lock (_gate) Regions = _regionsFound;
        ended?.Invoke(stage);
    }

    public async Task<PreparedScan<PageRef>?> PrepareAsync()
    {
        var pre = await calls.CallAsync<PreprocessResult>(PreprocessScanActivity.Name, new PreprocessRequest(job, workPrefix));
        Preprocessed = pre;
        return pre.Superseded ? null : new PreparedScan<PageRef>(pre.TemplateId, pre.Pages, pre.RecognitionBatchSize);
    }

    public async Task<IReadOnlyList<RegionRef>> DetectAsync(PreparedScan<PageRef> scan, PageRef page)
    {
        var found = await calls.CallAsync<DetectResult>(DetectPageActivity.Name,
            new DetectRequest(job.Path, scan.TemplateId, page, workPrefix, job.TraceParent));
        lock (_gate)
        {
            _detectionMs += found.DetectionMs;
            _regionsFound += found.Regions.Count;
        }
        return found.Regions;
    }

    public Box TemplateBoxOf(RegionRef region) => region.TemplateBox.ToBox();

    public async Task<IReadOnlyList<TextRead>> RecognizeAsync(PreparedScan<PageRef> scan, IReadOnlyList<RegionRef> batch)
    {
        var read = await calls.CallAsync<RecognizeResult>(RecognizeBatchActivity.Name,
            new RecognizeRequest(batch.Select(r => r.Crop).ToList(), batch.Select(r => r.Kind).ToList(), job.TraceParent));
        lock (_gate) _recognitionMs += read.RecognitionMs;
        return read.Texts;
    }

    public Task<WrittenResult> FuseAsync(PreparedScan<PageRef> scan, IReadOnlyList<RegionRef> regions, IReadOnlyList<TextRead> reads)
    {
        var timings = new Dictionary<string, double>(Preprocessed!.TimingsMs, StringComparer.Ordinal);
        lock (_gate)
        {
            timings["detectionMs"] = Math.Round(_detectionMs, 1);
            timings["recognitionMs"] = Math.Round(_recognitionMs, 1);
        }
        timings["totalMs"] = Math.Round((utcNow() - _started).TotalMilliseconds, 1);
        return calls.CallAsync<WrittenResult>(FuseAndWriteResultActivity.Name,
            new FuseRequest(job, scan.TemplateId, scan.Pages, regions, reads, timings));
    }
}
