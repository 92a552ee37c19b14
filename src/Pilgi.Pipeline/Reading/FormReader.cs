using Pilgi.Core.Errors;
using Pilgi.Core.Fusion;
using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Core.Results;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Templates;

namespace Pilgi.Pipeline.Reading;

/// <summary>
/// Reads one scan end to end: decode with limits → choose the template → per page register + detect → recognise
/// every region in one batch → fuse into the template's fields. The durable activities call the same steps.
/// </summary>
public sealed class FormReader
{
    public const string DetectorId = "template-subtraction@1";

    private readonly TemplateStore _templates;
    private readonly GuardedDecoder _decoder;
    private readonly PageRegistrar _registrar;
    private readonly TemplateSubtractionDetector _detector;
    private readonly ILineRecognizer _recognizer;
    private readonly FusionOptions _fusion;

    public FormReader(TemplateStore templates, GuardedDecoder decoder, PageRegistrar registrar,
        TemplateSubtractionDetector detector, ILineRecognizer recognizer, FusionOptions? fusion = null)
    {
        _templates = templates;
        _decoder = decoder;
        _registrar = registrar;
        _detector = detector;
        _recognizer = recognizer;
        _fusion = fusion ?? FusionOptions.Default;
    }

    public TemplateStore Templates => _templates;

    public IReadOnlyDictionary<string, string> Models => new Dictionary<string, string>
    {
        ["detector"] = DetectorId,
        ["recognizer"] = _recognizer.ModelId,
    };

    public async Task<ScanReading> ReadAsync(byte[] data, string scanName, string? templateId, CancellationToken ct = default)
    {
        var timer = new StageTimer();
        var decoded = await timer.TimeAsync("decode", () => _decoder.DecodeAsync(data, scanName, ct));
        return await ReadPagesAsync(decoded.Pages, scanName, templateId, timer, ct);
    }

    public async Task<ScanReading> ReadPagesAsync(IReadOnlyList<GrayImage> pages, string scanName, string? templateId,
        StageTimer timer, CancellationToken ct = default)
    {
        var form = timer.Time("registration", () => ChooseTemplate(pages[0], scanName, templateId, out _));
        var readings = new List<PageReading>();
        for (int p = 0; p < pages.Count; p++)
        {
            ct.ThrowIfCancellationRequested();
            readings.Add(AnalyzePage(pages[p], p + 1, form, scanName, timer));
        }
        var crops = readings.SelectMany(r => r.Crops).ToList();
        var texts = await timer.TimeAsync("recognition", () => _recognizer.RecognizeAsync(crops, ct));
        var result = timer.Time("fusion", () => Fuse(form, readings, texts));
        result = result with { Scan = scanName, Pages = pages.Count, Models = new(Models), Timings = timer.Snapshot() };
        return new ScanReading(result, pages);
    }

    /// <summary>The template named, or else the registered template that fits the page best.</summary>
    public FormReference ChooseTemplate(GrayImage page, string scanName, string? templateId, out Registration? coarse)
    {
        coarse = null;
        if (templateId is not null) return _templates.Get(templateId);
        FormReference? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (var t in _templates.All)
        {
            var form = _templates.Get(t.Id);
            var reg = _registrar.RegisterCoarse(page, form.Reference);
            if (reg is not null && reg.Score > bestScore)
            {
                best = form;
                bestScore = reg.Score;
                coarse = reg;
            }
        }
        if (best is null || bestScore < _registrar.Options.MinScore)
            throw new PilgiException(ReasonCodes.TemplateNotIdentified,
                $"{scanName}: no registered template fits this page (best score {Math.Max(0, bestScore):0.00}, " +
                $"needed {_registrar.Options.MinScore:0.00}; templates: {string.Join(", ", _templates.All.Select(t => t.Id))}).",
                scanName);
        return best;
    }

    public PageReading AnalyzePage(GrayImage page, int pageNumber, FormReference form, string scanName, StageTimer timer)
    {
        var registration = timer.Time("registration", () => _registrar.Register(page, form.Reference));
        if (registration is null || registration.Score < _registrar.Options.MinScore)
            throw new PilgiException(ReasonCodes.RegistrationFailed,
                $"{scanName} page {pageNumber}: the page does not line up with template '{form.Template.Id}' " +
                $"(score {registration?.Score ?? 0:0.00}). Is it the right form, and is the whole page scanned?",
                scanName);
        var detection = timer.Time("detection", () => _detector.Detect(page, pageNumber, form, registration));
        var crops = detection.Regions.Select(r => TemplateSubtractionDetector.Crop(detection, r)).ToList();
        return new PageReading(pageNumber, page, registration, detection.Regions, crops);
    }

    private ScanResult Fuse(FormReference form, List<PageReading> pages, IReadOnlyList<TextRecognition> texts)
    {
        var regions = new List<RecognizedRegion>();
        int k = 0;
        foreach (var page in pages)
            foreach (var region in page.Regions)
            {
                var t = texts[k++];
                if (t.Text.Length > 0) regions.Add(new RecognizedRegion(region.ScanBox, page.Page, t.Text, t.Confidence));
            }
        var transforms = pages.ToDictionary(p => p.Page, p => p.Registration.ScanToReference);
        var fused = FieldFusion.Fuse(form.Template, regions, transforms, _fusion);
        return new ScanResult { Template = form.Template.Id, Fields = fused.Fields, Regions = fused.Regions };
    }
}
