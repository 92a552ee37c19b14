using System.Diagnostics;
using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Results;
using Pilgi.Imaging.Pages;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Reading.Templates;

namespace Pilgi.Reading.Flow;

/// <summary>
/// The stages on images in this process (<see cref="FormReader"/>): each one a <see cref="ReadingSteps"/> call, timed
/// into <see cref="StageTimer"/> by the names results report (<c>decode</c>, <c>registration</c>, <c>detection</c>,
/// <c>recognition</c>, <c>fusion</c>). One instance reads one scan.
/// </summary>
internal sealed class InProcessStages(ReadingSteps steps, TemplateStore templates, Func<Task<IReadOnlyList<GrayImage>>> decode,
    string scanName, string? templateId, StageTimer timer, CancellationToken cancellationToken)
    : IReadingStages<RegisteredPage, DetectedRegion, TextRecognition, ScanResult>
{
    private readonly Stopwatch _stage = new();
    private FormReference? _form;

    /// <summary>The decoded pages as the upload shows them (a photo whole, not its straightened sheet), once prepared.</summary>
    public IReadOnlyList<GrayImage> Pages { get; private set; } = [];

    private IReadOnlyList<FoundPage> _found = [];

    /// <summary>Once fused, the crop read for each region of the result, at the same index.</summary>
    public IReadOnlyList<GrayImage> Crops { get; private set; } = [];

    public void Starting(ReadingStage stage) => _stage.Restart();

    /// <summary>Preparing times its decoding and registration apart; the other stages are timed whole.</summary>
    public void Ended(ReadingStage stage)
    {
        string? name = stage switch
        {
            ReadingStage.Detect => "detection",
            ReadingStage.Recognize => "recognition",
            ReadingStage.Fuse => "fusion",
            _ => null,
        };
        if (name is not null) timer.Add(name, _stage.Elapsed.TotalMilliseconds);
    }

    public async Task<PreparedScan<RegisteredPage>?> PrepareAsync()
    {
        Pages = await decode().ConfigureAwait(false);
        _found = steps.FindPages(Pages, timer, cancellationToken);
        var registered = steps.RegisterScan(templates, _found, scanName, templateId, timer, cancellationToken);
        _found = registered.Pages;
        _form = registered.Form;
        var pages = _found.Select((found, i) => new RegisteredPage(i + 1, found.Image, registered.Registrations[i])).ToList();
        return new PreparedScan<RegisteredPage>(_form.Template.Id, pages, steps.RecognitionBatchSize);
    }

    public async Task<IReadOnlyList<DetectedRegion>> DetectAsync(PreparedScan<RegisteredPage> scan, RegisteredPage page)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = await steps.DetectPageAsync(page.Image, page.Page, Form, page.Registration, cancellationToken).ConfigureAwait(false);
        return found.Regions.Select((region, i) => new DetectedRegion(region, found.Crops[i])).ToList();
    }

    public Box TemplateBoxOf(DetectedRegion region) => region.Region.TemplateBox;

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(PreparedScan<RegisteredPage> scan, IReadOnlyList<DetectedRegion> batch)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return steps.RecognizeBatchAsync(batch.Select(r => r.Crop).ToList(),
            batch.Select(r => ReadingSteps.AlphabetFor(Form, r.Region)).ToList(), cancellationToken);
    }

    public Task<ScanResult> FuseAsync(PreparedScan<RegisteredPage> scan, IReadOnlyList<DetectedRegion> regions,
        IReadOnlyList<TextRecognition> reads)
    {
        Crops = regions.Select(r => r.Crop).ToList();
        var transforms = scan.Pages.ToDictionary(p => p.Page, p => p.Registration.ReferenceToScan);
        var toUpload = _found.Select((f, i) => (Page: i + 1, f.PageToUpload)).Where(p => p.PageToUpload is not null)
            .ToDictionary(p => p.Page, p => p.PageToUpload!.Value);
        return Task.FromResult(steps.Fuse(Form, transforms, regions.Select(r => r.Region).ToList(), reads, toUpload));
    }

    private FormReference Form => _form ?? throw new InvalidOperationException("The scan is not prepared yet.");
}
