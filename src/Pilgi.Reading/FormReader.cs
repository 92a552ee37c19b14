using Pilgi.Core.Fusion;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Reading.Flow;
using Pilgi.Reading.Templates;

namespace Pilgi.Reading;

/// <summary>
/// Reads one scan end to end in this process: <see cref="ReadingFlow"/>'s stages on images (decode with limits →
/// choose the template and register every page → detect each page → recognise the crops in planned batches → fuse
/// into the template's fields). The durable activities run the same <see cref="ReadingSteps"/> in the same flow, so
/// both give the same result for the same bytes.
/// </summary>
public sealed class FormReader
{
    public const string DetectorId = ReadingSteps.DetectorId;

    private readonly TemplateStore _templates;
    private readonly ReadingSteps _steps;

    public FormReader(TemplateStore templates, GuardedDecoder decoder, PageRegistrar registrar,
        IHandwritingDetector detector, ILineRecognizer recognizer, FusionOptions? fusion = null)
        : this(templates, new ReadingSteps(decoder, registrar, detector, recognizer, fusion))
    {
    }

    public FormReader(TemplateStore templates, ReadingSteps steps)
    {
        _templates = templates ?? throw new ArgumentNullException(nameof(templates));
        _steps = steps ?? throw new ArgumentNullException(nameof(steps));
    }

    public TemplateStore Templates => _templates;

    /// <summary>The stages this reader composes, each callable alone.</summary>
    public ReadingSteps Steps => _steps;

    public IReadOnlyDictionary<string, string> Models => _steps.Models;

    public Task<ScanReading> ReadAsync(byte[] data, string scanName, string? templateId, CancellationToken ct = default)
    {
        var timer = new StageTimer();
        return ReadAsync(() => timer.TimeAsync("decode", async () => (await _steps.DecodeAsync(data, scanName, ct).ConfigureAwait(false)).Pages),
            scanName, templateId, timer, ct);
    }

    /// <summary>As <see cref="ReadAsync(byte[], string, string?, CancellationToken)"/>, on pages decoded already.</summary>
    public Task<ScanReading> ReadPagesAsync(IReadOnlyList<GrayImage> pages, string scanName, string? templateId,
        StageTimer timer, CancellationToken ct = default) =>
        ReadAsync(() => Task.FromResult(pages), scanName, templateId, timer, ct);

    private async Task<ScanReading> ReadAsync(Func<Task<IReadOnlyList<GrayImage>>> decode, string scanName, string? templateId,
        StageTimer timer, CancellationToken ct)
    {
        var stages = new InProcessStages(_steps, _templates, decode, scanName, templateId, timer, ct);
        var result = await ReadingFlow.RunAsync(stages).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Reading in this process always has something to read.");
        result = result with { Scan = scanName, Pages = stages.Pages.Count, Models = new(Models), Timings = timer.Snapshot() };
        return new ScanReading(result, stages.Pages, stages.Crops);
    }
}
