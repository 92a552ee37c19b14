using System.Text.Json.Serialization;
using Pilgi.Core.Fusion;
using Pilgi.Core.Geometry;
using Pilgi.Core.Registration;
using Pilgi.Core.Templates;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Steps;

// The small, JSON-serialisable values that cross activity boundaries. They carry blob names, never image bytes,
// so that the orchestration history stays small.

/// <summary>A box in pixels, <c>[x, y, w, h]</c> as doubles (exact through JSON).</summary>
public sealed record BoxData(double X, double Y, double W, double H)
{
    public Box ToBox() => new(X, Y, W, H);

    public static BoxData From(Box box) => new(box.X, box.Y, box.W, box.H);
}

/// <summary>
/// One decoded page stored in the work container, and where the template lies on it:
/// <see cref="ReferenceToScan"/> is the registration's affine map (template pixels to scan pixels) as
/// <c>[a, b, c, d, e, f]</c>, i.e. x' = a x + b y + c, y' = d x + e y + f.
/// </summary>
/// <remarks>A photographed page also has <see cref="PageToUpload"/> (8 numbers of the homography from the straightened
/// page to the photo, where results are reported) and <see cref="UploadBlob"/> (the photo's grey image, for the overlay).</remarks>
public sealed record PageRef(int Page, string Blob, int Width, int Height, IReadOnlyList<double> ReferenceToScan,
    double Score, int Inliers, int Patches, double RmsPixels, IReadOnlyList<double>? PageToUpload = null, string? UploadBlob = null)
{
    public static PageRef From(int page, string blob, int width, int height, Registration registration,
        Homography? pageToUpload = null, string? uploadBlob = null)
    {
        var t = registration.ReferenceToScan;
        IReadOnlyList<double>? h = pageToUpload is { } p ? [p.A, p.B, p.C, p.D, p.E, p.F, p.G, p.H] : null;
        return new PageRef(page, blob, width, height, [t.A, t.B, t.C, t.D, t.E, t.F],
            registration.Score, registration.Inliers, registration.Patches, registration.RmsPixels, h, uploadBlob);
    }

    public Homography? PageToUploadTransform()
    {
        if (PageToUpload is null) return null;
        if (PageToUpload is not { Count: 8 } h)
            throw new InvalidOperationException($"Page {Page}: a page-to-upload homography has 8 numbers, got {PageToUpload.Count}.");
        return new Homography(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
    }

    public AffineTransform ReferenceToScanTransform()
    {
        if (ReferenceToScan is not { Count: 6 } t)
            throw new InvalidOperationException($"Page {Page}: a registration transform has 6 numbers, got {ReferenceToScan?.Count ?? 0}.");
        return new AffineTransform(t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    public Registration ToRegistration() => new(ReferenceToScanTransform(), Score, Inliers, Patches, RmsPixels);
}

/// <summary>Where a region's crop is stored: a rectangle of its page's crop sheet (<see cref="CropSheet"/>) in the work container.</summary>
public sealed record CropRef(string Blob, int X, int Y, int W, int H)
{
    [JsonIgnore]
    public IntRect Rect => new(X, Y, W, H);

    public static CropRef From(string blob, IntRect rect) => new(blob, rect.X, rect.Y, rect.W, rect.H);
}

/// <summary>A handwritten region found on a page, with its crop stored in the work container.</summary>
/// <remarks><see cref="Kind"/> is the JSON name of its field's kind (null: no field), which bounds what the recogniser
/// may read in it (<see cref="FieldAlphabets"/>). The kind travels, not the alphabet: a name field's alphabet is
/// 11,000 syllables, some 70 KB of JSON in every message and history row that carries the region.</remarks>
public sealed record RegionRef(int Page, string? FieldKey, BoxData ScanBox, BoxData TemplateBox, int InkPixels, CropRef Crop,
    string? Kind = null)
{
    public static RegionRef From(HandwritingRegion region, CropRef crop, FieldKind? kind = null) =>
        new(region.Page, region.FieldKey, BoxData.From(region.ScanBox), BoxData.From(region.TemplateBox), region.InkPixels, crop,
            kind?.ToJsonName());

    public HandwritingRegion ToRegion() => new(ScanBox.ToBox(), TemplateBox.ToBox(), Page, FieldKey, InkPixels);
}

/// <summary>What the recogniser read in one crop, its likeliest readings where it gave some, and its second reading
/// (<see cref="SecondOpinion"/>).</summary>
public sealed record TextRead(string Text, double Confidence, IReadOnlyList<ReadCandidate>? Alternatives = null,
    SecondOpinion? SecondOpinion = null)
{
    public static TextRead From(TextRecognition r) => new(r.Text, r.Confidence, r.Alternatives, r.SecondOpinion);

    public TextRecognition ToRecognition() => new(Text, Confidence, Alternatives, SecondOpinion);
}

/// <summary>Input of the preprocess step: the upload and the prefix its work blobs go under (the instance id).</summary>
public sealed record PreprocessRequest(ScanJob Job, string WorkPrefix);

/// <summary>
/// The pages registered to the template and stored in the work container. <see cref="SupersededByETag"/> is set
/// (and nothing else is) when the blob no longer has the job's ETag: a newer upload has its own instance.
/// </summary>
public sealed record PreprocessResult(string TemplateId, IReadOnlyList<PageRef> Pages, int RecognitionBatchSize,
    IReadOnlyDictionary<string, double> TimingsMs, string? SupersededByETag = null)
{
    public bool Superseded => SupersededByETag is not null;
}

/// <summary>Input of the detect step for one page (<see cref="TraceParent"/>: the scan's trace, <see cref="ScanJob.TraceParent"/>).</summary>
public sealed record DetectRequest(string ScanName, string TemplateId, PageRef Page, string WorkPrefix, string? TraceParent = null);

/// <summary>The regions found on one page (their crops are in the work container).</summary>
public sealed record DetectResult(int Page, IReadOnlyList<RegionRef> Regions, double DetectionMs);

/// <summary>Input of the recognise step: the crops of one batch (each crop sheet is read once).</summary>
/// <remarks><see cref="Kinds"/>: per crop, its field's kind (<see cref="RegionRef.Kind"/>; null entries or list: read
/// unrestricted); <see cref="TraceParent"/>: the scan's trace (<see cref="ScanJob.TraceParent"/>).</remarks>
public sealed record RecognizeRequest(IReadOnlyList<CropRef> Crops, IReadOnlyList<string?>? Kinds = null, string? TraceParent = null)
{
    /// <summary>Per crop, the characters it may hold (<see cref="FieldAlphabets"/>; null: any).</summary>
    public IReadOnlyList<string?> Alphabets() => Crops.Select((_, i) => Kinds is { } kinds && i < kinds.Count && kinds[i] is { } name
        ? FieldKinds.TryParse(name, out var kind) ? FieldAlphabets.For(kind) : throw new InvalidOperationException($"Unknown field kind '{name}'.")
        : null).ToList();
}

/// <summary>One read per crop, in the request's order.</summary>
public sealed record RecognizeResult(IReadOnlyList<TextRead> Texts, double RecognitionMs);

/// <summary>
/// Input of the fuse-and-write step: the pages, every region (pages in order, each page's regions in detection
/// order) and, at the same index, what was read in it.
/// </summary>
public sealed record FuseRequest(ScanJob Job, string TemplateId, IReadOnlyList<PageRef> Pages, IReadOnlyList<RegionRef> Regions,
    IReadOnlyList<TextRead> Texts, IReadOnlyDictionary<string, double> TimingsMs);

/// <summary>Where the result went and a summary of it.</summary>
public sealed record WrittenResult(string ResultBlob, IReadOnlyList<string> OverlayBlobs, int Fields, int FieldsRead,
    int NeedsReview, int Invalid);

/// <summary>Input of the write-failure step.</summary>
public sealed record FailureRequest(ScanJob Job, string InstanceId, string Reason, string Message, DateTimeOffset Time);

/// <summary>
/// Input of the publish-event step: the scan, how it ended (its result or error record written) and when, by the
/// orchestration's clock (the event's <c>time</c>, the same on every retry).
/// </summary>
public sealed record ScanEventRequest(ScanJob Job, string InstanceId, ReadScanOutcome Outcome, DateTimeOffset Time);
