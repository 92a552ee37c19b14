using Pilgi.Core.Errors;
using Pilgi.Core.Fusion;
using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;
using Pilgi.Imaging;
using Pilgi.Imaging.Pages;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Reading.Templates;

namespace Pilgi.Reading;

/// <summary>
/// The stages of reading a scan, each callable alone on images: decode, choose the template, register a page,
/// detect its handwriting, recognise a batch of crops, fuse. <see cref="Flow.ReadingFlow"/> orders them: in one process
/// through <see cref="FormReader"/>, or with the durable activities running them one by one around the blob store.
/// Holds the engines (models loaded once), not the templates; thread-safe, meant to be a singleton.
/// </summary>
public sealed class ReadingSteps
{
    public const string DetectorId = "template-subtraction@1";

    private readonly GuardedDecoder _decoder;
    private readonly PageRegistrar _registrar;
    private readonly IHandwritingDetector _detector;
    private readonly ILineRecognizer _recognizer;
    private readonly FusionOptions _fusion;
    private readonly TimeProvider _time;
    private readonly PageFinder _pageFinder;

    /// <param name="time">Gives the day a form is read on, against which fusion weighs its dates.</param>
    public ReadingSteps(GuardedDecoder decoder, PageRegistrar registrar, IHandwritingDetector detector,
        ILineRecognizer recognizer, FusionOptions? fusion = null, int recognitionBatchSize = RecognitionBatches.DefaultSize,
        TimeProvider? time = null, PageFinder? pageFinder = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recognitionBatchSize);
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _registrar = registrar ?? throw new ArgumentNullException(nameof(registrar));
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _fusion = fusion ?? FusionOptions.Default;
        _time = time ?? TimeProvider.System;
        _pageFinder = pageFinder ?? new PageFinder();
        RecognitionBatchSize = recognitionBatchSize;
    }

    /// <summary>These steps with another recogniser (one that records the calls, say); everything else shared.</summary>
    public ReadingSteps WithRecognizer(ILineRecognizer recognizer) =>
        new(_decoder, _registrar, _detector, recognizer, _fusion, RecognitionBatchSize, _time, _pageFinder);

    public PageRegistrar Registrar => _registrar;
    public ILineRecognizer Recognizer => _recognizer;
    public IHandwritingDetector Detector => _detector;

    /// <summary>How many crops one recogniser call (one recognise activity) reads.</summary>
    public int RecognitionBatchSize { get; }

    /// <summary>Model role -> "name@version", as results report them.</summary>
    public IReadOnlyDictionary<string, string> Models => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["detector"] = DetectorId,
        ["recognizer"] = _recognizer.ModelId,
    };

    /// <summary>The upload's grey pages; refusals are <see cref="PilgiException"/>s naming <paramref name="scanName"/>.</summary>
    public Task<DecodedScan> DecodeAsync(byte[] data, string scanName, CancellationToken cancellationToken = default) =>
        _decoder.DecodeAsync(data, scanName, cancellationToken);

    /// <summary>As <see cref="DecodeAsync(byte[], string, CancellationToken)"/>, reading the stream no further than the decoder's byte limit.</summary>
    public Task<DecodedScan> DecodeAsync(Stream upload, string scanName, CancellationToken cancellationToken = default) =>
        _decoder.DecodeAsync(upload, scanName, cancellationToken);

    /// <summary>
    /// The page in each of the upload's images: a scan's page as it is, a photographed sheet straightened and its light
    /// evened out (<see cref="PageFinder"/>); the time it takes goes to <paramref name="timer"/>'s <c>pageFinding</c>.
    /// </summary>
    public IReadOnlyList<FoundPage> FindPages(IReadOnlyList<GrayImage> uploadPages, StageTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploadPages);
        ArgumentNullException.ThrowIfNull(timer);
        var found = new List<FoundPage>(uploadPages.Count);
        foreach (var page in uploadPages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.Add(timer.Time("pageFinding", () => _pageFinder.Find(page)));
        }
        return found;
    }

    /// <summary>
    /// The template named, or else the registered template that fits the page best (then <paramref name="coarse"/>
    /// is its coarse registration, which <see cref="RegisterPage"/> can start from). A photographed sheet is matched
    /// corner to corner first.
    /// </summary>
    public FormReference ChooseTemplate(TemplateStore templates, FoundPage found, string scanName, string? templateId,
        out Registration? coarse)
    {
        ArgumentNullException.ThrowIfNull(found);
        var page = found.Image;
        ArgumentNullException.ThrowIfNull(templates);
        coarse = null;
        if (templateId is not null) return templates.Get(templateId);
        FormReference? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (var t in templates.All)
        {
            var form = templates.Get(t.Id);
            var reg = _registrar.RegisterCoarse(page, form.Reference, found.IsPhoto);
            if (reg is not null && reg.Score > bestScore)
            {
                best = form;
                bestScore = reg.Score;
                coarse = reg;
            }
        }
        if (best is null || bestScore < _registrar.Options.MinScore)
        {
            if (found.SheetNotFound) throw NoSheet(scanName, 1);
            if (BlankPage.IsBlank(page)) throw Blank(scanName, 1);
            throw new PilgiException(ReasonCodes.TemplateNotIdentified,
                $"{scanName}: no registered template fits this page (best score {Math.Max(0, bestScore):0.00}, " +
                $"needed {_registrar.Options.MinScore:0.00}; templates: {string.Join(", ", templates.All.Select(t => t.Id))}).",
                scanName);
        }
        return best;
    }

    /// <summary>
    /// The form of a scan's pages (the one named, or else the registered one that fits the first page best) and where
    /// it lies on each page; the time it takes goes to <paramref name="timer"/>'s <c>registration</c>.
    /// </summary>
    public RegisteredScan RegisterScan(TemplateStore templates, IReadOnlyList<FoundPage> pages, string scanName, string? templateId,
        StageTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(timer);
        Registration? coarse = null;
        var form = timer.Time("registration", () => ChooseTemplate(templates, pages[0], scanName, templateId, out coarse));
        var registrations = new List<Registration>(pages.Count);
        var registeredPages = new List<FoundPage>(pages.Count);
        for (int p = 0; p < pages.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = pages[p];
            var registration = timer.Time("registration", () => RegisterPage(page, p + 1, form, scanName, p == 0 ? coarse : null));
            if (page.IsPhoto) page = timer.Time("registration", () => FlattenToForm(page, form, registration));
            registrations.Add(registration);
            registeredPages.Add(page);
        }
        return new RegisteredScan(form, registrations, registeredPages);
    }

    /// <summary>
    /// Where the template lies on the page; <c>registration_failed</c> when it does not line up (<c>page_not_found</c>
    /// when the page is a photo in which no sheet was found).
    /// </summary>
    /// <param name="coarse">The coarse registration already found while identifying the template, if any.</param>
    public Registration RegisterPage(FoundPage found, int pageNumber, FormReference form, string scanName, Registration? coarse = null)
    {
        ArgumentNullException.ThrowIfNull(found);
        var page = found.Image;
        var registration = _registrar.Register(page, form.Reference, coarse, found.IsPhoto);
        if (registration is null || registration.Score < _registrar.Options.MinScore)
        {
            if (found.SheetNotFound) throw NoSheet(scanName, pageNumber);
            if (BlankPage.IsBlank(page)) throw Blank(scanName, pageNumber);
            throw new PilgiException(ReasonCodes.RegistrationFailed,
                $"{scanName} page {pageNumber}: the page does not line up with template '{form.Template.Id}' " +
                $"(score {registration?.Score ?? 0:0.00}). Is it the right form, and is the whole page scanned?",
                scanName);
        }
        return registration;
    }

    /// <summary>
    /// A photographed sheet that the affine registration does not line up everywhere (its corners were found a little
    /// off, so some perspective is left) straightened again with the homography the form's own patches give, so that
    /// on the new page the affine registration holds; otherwise the page as it is.
    /// </summary>
    private FoundPage FlattenToForm(FoundPage page, FormReference form, Registration registration)
    {
        if (page.PageToUpload is not { } pageToUpload) return page;
        var referenceToPage = _registrar.RefinePerspective(page.Image, form.Reference, registration);
        if (referenceToPage is null) return page;
        // new page x -> form (through the affine registration's inverse) -> old page (through the homography)
        var newToOld = Homography.From(registration.ReferenceToScan.Inverse()).Then(referenceToPage.Value);
        var image = Resampling.WarpPerspective(page.Image, newToOld, page.Image.Width, page.Image.Height);
        return page with { Image = image, PageToUpload = newToOld.Then(pageToUpload) };
    }

    private static PilgiException NoSheet(string scanName, int pageNumber) =>
        new(ReasonCodes.PageNotFound, $"{scanName} page {pageNumber}: a photo in which no sheet of paper could be found " +
            "(paper hardly lighter than the desk, or cut off by the frame?), so the form cannot be lined up with it.", scanName);

        private static PilgiException Blank(string scanName, int pageNumber) =>
        new(ReasonCodes.PageBlank, $"{scanName} page {pageNumber}: the page is blank (nothing printed or written on it).", scanName);

    /// <summary>The handwriting on a registered page, one region per filled field, with the crops to read.</summary>
    public async Task<PageDetection> DetectPageAsync(GrayImage page, int pageNumber, FormReference form, Registration registration,
        CancellationToken cancellationToken = default)
    {
        var found = await _detector.DetectAsync(page, pageNumber, form, registration, cancellationToken).ConfigureAwait(false);
        if (found.Crops.Count != found.Regions.Count)
            throw new InvalidOperationException($"The detector returned {found.Crops.Count} crops for {found.Regions.Count} regions.");
        return new PageDetection(pageNumber, found.Regions, found.Crops);
    }

    /// <summary>One recogniser call: the crops of one batch, each read within its alphabet.</summary>
    public async Task<IReadOnlyList<TextRecognition>> RecognizeBatchAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default)
    {
        var read = await _recognizer.RecognizeAsync(crops, alphabets, cancellationToken).ConfigureAwait(false);
        if (read.Count != crops.Count)
            throw new InvalidOperationException($"The recogniser returned {read.Count} reads for {crops.Count} crops.");
        return read;
    }

    /// <summary>The characters the region's field may hold (<see cref="FieldAlphabets"/>); null when unrestricted or unassigned.</summary>
    public static string? AlphabetFor(FormReference form, HandwritingRegion region) =>
        KindOf(form, region) is { } kind ? FieldAlphabets.For(kind) : null;

    /// <summary>The kind of the region's field; null when the region is not in a field.</summary>
    public static FieldKind? KindOf(FormReference form, HandwritingRegion region) =>
        region.FieldKey is { } key && form.Template.TryGetField(key) is { } field ? field.Kind : null;

    /// <summary>Every crop, in the batches <see cref="RecognitionBatches.Plan"/> makes of the regions; results in region order.</summary>
    public async Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<HandwritingRegion> regions,
        IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets, CancellationToken cancellationToken = default)
    {
        if (regions.Count != crops.Count) throw new ArgumentException("One crop per region is needed.", nameof(crops));
        return await RecognitionBatches.ReadAsync(Enumerable.Range(0, regions.Count).ToList(), i => regions[i].TemplateBox,
            RecognitionBatchSize, batch =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return RecognizeBatchAsync(batch.Select(i => crops[i]).ToList(), batch.Select(i => alphabets[i]).ToList(), cancellationToken);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// The template's fields from what was read: <paramref name="texts"/>[i] is the read of
    /// <paramref name="regions"/>[i]; <paramref name="referenceToScanByPage"/> has every page's registration.
    /// Fills <c>template</c>, <c>fields</c> and <c>regions</c> of the result.
    /// </summary>
    /// <param name="pageToUploadByPage">For a photographed page, how its straightened pixels map back to the upload's:
    /// the result's boxes are given in the upload's pixels, as the person who took the photo sees it.</param>
    public ScanResult Fuse(FormReference form, IReadOnlyDictionary<int, AffineTransform> referenceToScanByPage,
        IReadOnlyList<HandwritingRegion> regions, IReadOnlyList<TextRecognition> texts,
        IReadOnlyDictionary<int, Homography>? pageToUploadByPage = null)
    {
        if (regions.Count != texts.Count) throw new ArgumentException("One read per region is needed.", nameof(texts));
        var recognized = new List<RecognizedRegion>();
        // a region read as nothing is still handwriting found: it is reported, and its field is left for review
        for (int i = 0; i < regions.Count; i++)
            recognized.Add(new RecognizedRegion(regions[i].ScanBox, regions[i].Page, texts[i].Text, texts[i].Confidence, texts[i].Alternatives,
                texts[i].SecondOpinion));
        var scanToTemplate = referenceToScanByPage.ToDictionary(kv => kv.Key, kv => kv.Value.Inverse());
        var fused = FieldFusion.Fuse(form.Template, recognized, scanToTemplate, _fusion, Today());
        var result = new ScanResult { Template = form.Template.Id, Fields = fused.Fields, Regions = fused.Regions };
        if (pageToUploadByPage is not { Count: > 0 }) return result;
        var referenceToUpload = pageToUploadByPage.Where(p => referenceToScanByPage.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => Homography.From(referenceToScanByPage[p.Key]).Then(p.Value));
        return UploadBoxes.Map(result, regions, referenceToUpload);
    }

    /// <summary>
    /// Line crops read on their own, each as the crop of a field of <paramref name="kind"/> is read in a scan: in the
    /// recogniser batches <see cref="RecognizeAsync"/> plans (on the crops' own shapes), within the kind's alphabet,
    /// then fused as a lone field of that kind (<see cref="FieldFusion.FuseLine"/>: its checks choose among the
    /// alternatives, nothing is weighed against other fields). A null kind reads any character and keeps the
    /// recogniser's text as it is, as for handwriting outside every field. Reads in crop order.
    /// </summary>
    public async Task<IReadOnlyList<LineReading>> ReadLinesAsync(IReadOnlyList<GrayImage> crops, FieldKind? kind,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crops);
        var regions = crops.Select(c => new Box(0, 0, c.Width, c.Height)).Select(b => new HandwritingRegion(b, b, 1, null, 0)).ToList();
        string? alphabet = kind is { } k ? FieldAlphabets.For(k) : null;
        var texts = await RecognizeAsync(regions, crops, Enumerable.Repeat(alphabet, crops.Count).ToList(), cancellationToken).ConfigureAwait(false);
        if (kind is not { } fieldKind) return texts.Select(t => new LineReading(t.Text, t.Confidence, t, null)).ToList();
        var today = Today();
        return texts.Select(t =>
        {
            var field = FieldFusion.FuseLine(fieldKind, t.Text, t.Confidence, t.Alternatives, _fusion, today, t.SecondOpinion);
            return new LineReading(field.Value ?? "", field.Confidence, t, field);
        }).ToList();
    }

    /// <summary>Korean forms are dated in Korean time; the day only decides which dates lie in the future.</summary>
    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime.AddHours(9));
}
