namespace Pilgi.Inference.Remote;

// The detect call's JSON (camelCase): POST /v1/detect. Boxes are [x, y, w, h] in pixels.

/// <summary>
/// A page already registered to its form: the page (an encoded image, PNG; base64 in JSON), which registered form it
/// is (the service has the forms: the same template source as the pipeline), and where the form lies on it.
/// </summary>
public sealed record DetectHandwritingRequest(string TemplateId, int Page, byte[] Image, RegistrationData Registration);

/// <summary>
/// A registration: <see cref="ReferenceToScan"/> is the affine map from template to page pixels as
/// <c>[a, b, c, d, e, f]</c> (x' = a x + b y + c, y' = d x + e y + f).
/// </summary>
public sealed record RegistrationData(IReadOnlyList<double> ReferenceToScan, double Score, int Inliers, int Patches, double RmsPixels);

/// <summary>The handwriting found on the page, one region per filled field, in detection order.</summary>
public sealed record DetectHandwritingResponse(string Detector, string TemplateId, int Page, IReadOnlyList<DetectedRegion> Regions);

/// <summary>A region in page and template pixels, its field, its ink, and the crop to read (PNG).</summary>
public sealed record DetectedRegion(string? FieldKey, IReadOnlyList<double> ScanBox, IReadOnlyList<double> TemplateBox, int InkPixels, byte[] Crop);
