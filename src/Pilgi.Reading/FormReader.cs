using Pilgi.Core.Fusion;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Reading.Templates;

namespace Pilgi.Reading;

/// <summary>
/// Reads one scan end to end in this process: decode with limits → choose the template → per page register +
/// detect → recognise the crops in planned batches → fuse into the template's fields. The durable activities run
/// the same <see cref="ReadingSteps"/> one by one, so both give the same result for the same bytes.
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

    public async Task<ScanReading> ReadAsync(byte[] data, string scanName, string? templateId, CancellationToken ct = default)
    {
        var timer = new StageTimer();
        var decoded = await timer.TimeAsync("decode", () => _steps.DecodeAsync(data, scanName, ct));
        return await ReadPagesAsync(decoded.Pages, scanName, templateId, timer, ct);
    }

    public async Task<ScanReading> ReadPagesAsync(IReadOnlyList<GrayImage> pages, string scanName, string? templateId,
        StageTimer timer, CancellationToken ct = default)
    {
        Registration? firstPageCoarse = null;
        var form = timer.Time("registration", () => ChooseTemplate(pages[0], scanName, templateId, out firstPageCoarse));
        var readings = new List<PageReading>();
        for (int p = 0; p < pages.Count; p++)
        {
            ct.ThrowIfCancellationRequested();
            readings.Add(await AnalyzePageAsync(pages[p], p + 1, form, scanName, timer, p == 0 ? firstPageCoarse : null, ct));
        }
        var regions = readings.SelectMany(r => r.Regions).ToList();
        var crops = readings.SelectMany(r => r.Crops).ToList();
        var alphabets = regions.Select(r => ReadingSteps.AlphabetFor(form, r)).ToList();
        var texts = await timer.TimeAsync("recognition", () => _steps.RecognizeAsync(regions, crops, alphabets, ct));
        var transforms = readings.ToDictionary(r => r.Page, r => r.Registration.ReferenceToScan);
        var result = timer.Time("fusion", () => _steps.Fuse(form, transforms, regions, texts));
        result = result with { Scan = scanName, Pages = pages.Count, Models = new(Models), Timings = timer.Snapshot() };
        return new ScanReading(result, pages);
    }

    /// <summary>The template named, or else the registered template that fits the page best.</summary>
    public FormReference ChooseTemplate(GrayImage page, string scanName, string? templateId, out Registration? coarse) =>
        _steps.ChooseTemplate(_templates, page, scanName, templateId, out coarse);

    /// <param name="coarse">The coarse registration already found while identifying the template, if any.</param>
    public async Task<PageReading> AnalyzePageAsync(GrayImage page, int pageNumber, FormReference form, string scanName, StageTimer timer,
        Registration? coarse = null, CancellationToken ct = default)
    {
        var registration = timer.Time("registration", () => _steps.RegisterPage(page, pageNumber, form, scanName, coarse));
        var detection = await timer.TimeAsync("detection", () => _steps.DetectPageAsync(page, pageNumber, form, registration, ct));
        return new PageReading(pageNumber, page, registration, detection.Regions, detection.Crops);
    }
}
