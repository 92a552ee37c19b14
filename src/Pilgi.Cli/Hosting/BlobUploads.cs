using Azure.Storage.Blobs.Models;
using Pilgi.Cli.Composition;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>Putting forms and scans where the pipeline reads them (<c>templates/</c>, <c>scans/&lt;templateId&gt;/…</c>).</summary>
public static class BlobUploads
{
    /// <summary>Every file of a templates folder (<c>&lt;id&gt;.json</c> and its reference image) into <c>templates/</c>.</summary>
    public static async Task<int> UploadTemplatesAsync(IBlobStore blobs, string directory, CancellationToken ct = default)
    {
        int n = 0;
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            await blobs.WriteAsync(StorageNames.Templates, Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct),
                ContentTypeOf(file), ct).ConfigureAwait(false);
            n++;
        }
        return n;
    }

    /// <summary>
    /// The blob name in <c>scans/</c> of a sample scan named after its layout, <c>&lt;layout&gt;-NNNN.jpg</c>:
    /// <c>&lt;layout&gt;/&lt;prefix&gt;&lt;layout&gt;-NNNN.jpg</c>.
    /// </summary>
    public static string SampleScanBlobName(string file, string prefix = "")
    {
        string name = Path.GetFileName(file);
        string stem = Path.GetFileNameWithoutExtension(name);
        int dash = stem.LastIndexOf('-');
        if (dash <= 0) throw new ArgumentException($"'{name}' is not named <layout>-NNNN like the sample scans.", nameof(file));
        return $"{stem[..dash]}/{prefix}{name}";
    }

    /// <summary>The bundled sample forms: the templates, and each sample scan at <c>scans/&lt;layout&gt;/&lt;name&gt;</c>.</summary>
    public static async Task<(int Templates, int Scans)> UploadSamplesAsync(IBlobStore blobs, string? samples = null, CancellationToken ct = default)
    {
        samples ??= DefaultPaths.SampleForms;
        int templates = await UploadTemplatesAsync(blobs, Path.Combine(samples, "templates"), ct).ConfigureAwait(false);
        int scans = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(samples, "scans")).Where(ScanJob.IsScanName).Order(StringComparer.Ordinal))
        {
            await blobs.WriteAsync(StorageNames.Scans, SampleScanBlobName(file), await File.ReadAllBytesAsync(file, ct), ContentTypeOf(file), ct)
                .ConfigureAwait(false);
            scans++;
        }
        return (templates, scans);
    }

    /// <summary>Creates or overwrites a blob with metadata (an uploader's <c>correlationid</c>, say), creating the container when needed.</summary>
    public static async Task WriteWithMetadataAsync(AzureBlobStore blobs, string container, string name, byte[] data, string contentType,
        IDictionary<string, string> metadata, CancellationToken ct = default)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.Validate(name);
        var client = blobs.Service.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        await client.GetBlobClient(name).UploadAsync(new BinaryData(data),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata }, ct).ConfigureAwait(false);
    }

    public static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".json" => ContentTypes.Json,
        ".png" => ContentTypes.Png,
        ".jpg" or ".jpeg" => "image/jpeg",
        ".tif" or ".tiff" => "image/tiff",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
