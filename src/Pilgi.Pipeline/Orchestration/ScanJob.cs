using System.Text.Json.Serialization;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>
/// The input of <see cref="ReadScanOrchestrator"/>: one uploaded scan.
/// </summary>
/// <param name="Path">Container path of the upload, e.g. <c>scans/remittance/2026/001.jpg</c>.</param>
/// <param name="TemplateId">The form it is: the first folder under <c>scans/</c>.</param>
/// <param name="ETag">The upload's ETag when it was seen; part of the instance id.</param>
public sealed record ScanJob(string Path, string TemplateId, string ETag)
{
    private static readonly string[] ScanExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"];

    /// <summary>
    /// The W3C <c>traceparent</c> of the span that scheduled the scan, so that the orchestration and every activity
    /// join one trace (<see cref="Telemetry.TraceContext"/>); null when no host traces. Not part of the instance id.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// The uploader's correlation id (the scan blob's <see cref="StorageNames.CorrelationIdMetadata"/> metadata, read when
    /// the upload was seen), echoed in the scan's completion event; null when it had none. Not part of the instance id.
    /// </summary>
    public string? CorrelationId { get; init; }

    /// <summary>This job with the correlation id from the upload's metadata (<paramref name="metadata"/> null or without one: none).</summary>
    public ScanJob WithMetadata(IReadOnlyDictionary<string, string>? metadata) =>
        this with { CorrelationId = BlobMetadata.ValueOf(metadata, StorageNames.CorrelationIdMetadata) };

    /// <summary>From a container path such as <c>scans/remittance/001.jpg</c>.</summary>
    public static ScanJob FromPath(string path, string etag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        int slash = path.IndexOf('/');
        if (slash <= 0) throw new ArgumentException($"'{path}' is not a container path like 'scans/<templateId>/<name>'.", nameof(path));
        return FromBlob(path[..slash], path[(slash + 1)..], etag);
    }

    /// <summary>From a blob in <see cref="StorageNames.Scans"/>: <paramref name="blobName"/> is <c>&lt;templateId&gt;/&lt;path&gt;</c>.</summary>
    public static ScanJob FromBlob(string container, string blobName, string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        if (container != StorageNames.Scans)
            throw new ArgumentException($"Scans are read from the '{StorageNames.Scans}' container, not '{container}'.", nameof(container));
        BlobNames.Validate(blobName, nameof(blobName));
        int slash = blobName.IndexOf('/');
        if (slash <= 0)
            throw new ArgumentException(
                $"'{blobName}' lies at the top of '{StorageNames.Scans}'; uploads go to '{StorageNames.Scans}/<templateId>/<name>'.",
                nameof(blobName));
        return new ScanJob($"{container}/{blobName}", blobName[..slash], etag);
    }

    /// <summary>Whether a blob name has one of the scan extensions the contract accepts (jpg, jpeg, png, tif, tiff, pdf).</summary>
    /// <summary>What a scan's name ends with, as people read it: ".jpg, .jpeg, .png, .tif, .tiff or .pdf".</summary>
    public static string ScanExtensionList => string.Join(", ", ScanExtensions[..^1]) + " or " + ScanExtensions[^1];

    public static bool IsScanName(string name) =>
        ScanExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The blob's name inside <see cref="StorageNames.Scans"/>: <c>remittance/2026/001.jpg</c>.</summary>
    [JsonIgnore]
    public string BlobName => Path[(StorageNames.Scans.Length + 1)..];

    /// <summary>The path under the template folder: <c>2026/001.jpg</c>.</summary>
    [JsonIgnore]
    public string RelativePath => BlobName[(TemplateId.Length + 1)..];

    /// <summary><c>&lt;templateId&gt;/&lt;path without extension&gt;</c>, the stem of every output blob.</summary>
    [JsonIgnore]
    public string OutputStem
    {
        get
        {
            string relative = RelativePath;
            int slash = relative.LastIndexOf('/'), dot = relative.LastIndexOf('.');
            return $"{TemplateId}/{(dot > slash + 1 ? relative[..dot] : relative)}";
        }
    }

    /// <summary>The result document in <see cref="StorageNames.Results"/>.</summary>
    [JsonIgnore]
    public string ResultBlob => OutputStem + ".json";

    /// <summary>The review overlay of page 1 in <see cref="StorageNames.Results"/>.</summary>
    [JsonIgnore]
    public string OverlayBlob => OutputStem + ".overlay.png";

    /// <summary>The overlay of page <paramref name="page"/>: <see cref="OverlayBlob"/> for page 1, <c>.overlay-&lt;n&gt;.png</c> after.</summary>
    public string OverlayBlobFor(int page) => page <= 1 ? OverlayBlob : $"{OutputStem}.overlay-{page}.png";

    /// <summary>The error record in <see cref="StorageNames.Failed"/>.</summary>
    [JsonIgnore]
    public string FailureBlob => OutputStem + ".json";

    /// <summary>The orchestration instance id for this upload (<see cref="ScanInstanceIds"/>).</summary>
    [JsonIgnore]
    public string InstanceId => ScanInstanceIds.For(Path, ETag);

    /// <summary>Throws <see cref="ArgumentException"/> unless the job names a scan the way <see cref="FromBlob"/> makes them.</summary>
    public void Validate()
    {
        var expected = FromPath(Path, ETag ?? "");
        if (expected.TemplateId != TemplateId)
            throw new ArgumentException($"Job for '{Path}' names template '{TemplateId}' but the path's folder is '{expected.TemplateId}'.");
    }
}
