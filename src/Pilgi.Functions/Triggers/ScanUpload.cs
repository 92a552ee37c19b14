using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Functions.Triggers;

/// <summary>From a blob-trigger invocation to the <see cref="ScanJob"/> it schedules.</summary>
public static class ScanUpload
{
    /// <summary>
    /// The job for blob <paramref name="blobName"/> (its full name inside <paramref name="container"/>, e.g.
    /// <c>remittance/2026/001.jpg</c>) at <paramref name="etag"/>; false, with the reason, for a blob that is no scan
    /// (another extension, a name at the top of <c>scans/</c>, a name the contract refuses). The template id is the
    /// first folder, whatever the trigger's greedy <c>{templateId}</c> captured.
    /// </summary>
    public static bool TryCreateJob(string container, string blobName, string etag,
        [NotNullWhen(true)] out ScanJob? job, [NotNullWhen(false)] out string? ignored)
    {
        job = null;
        if (!IsScansContainer(container))
        {
            ignored = $"'{container}/{blobName}' is not in the '{StorageNames.Scans}' container";
            return false;
        }
        if (!TryValidateName(blobName, out ignored)) return false;
        if (string.IsNullOrWhiteSpace(etag) || ScanInstanceIds.NormalizeETag(etag).Length == 0)
        {
            ignored = $"'{container}/{blobName}' has no ETag";
            return false;
        }
        job = ScanJob.FromBlob(container, blobName, etag);
        return true;
    }

    /// <summary>Whether <paramref name="blobName"/> (inside <c>scans/</c>) names a scan the contract accepts; else why not.</summary>
    public static bool TryValidateName(string? blobName, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrEmpty(blobName))
        {
            problem = "the blob has no name";
            return false;
        }
        if (!ScanJob.IsScanName(blobName))
        {
            problem = $"'{StorageNames.Scans}/{blobName}' is not a scan (jpg, jpeg, png, tif, tiff, pdf)";
            return false;
        }
        try
        {
            _ = ScanJob.FromBlob(StorageNames.Scans, blobName, "");
            problem = null;
            return true;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>
    /// The ETag the trigger saw, from its binding data (<c>Properties</c>, the blob's properties as JSON), or null when
    /// the host did not send it as a string; the caller then asks the blob for its current ETag.
    /// </summary>
    public static string? ETagFromBindingData(IReadOnlyDictionary<string, object?> bindingData)
    {
        using var doc = BindingJson(bindingData, "Properties");
        if (doc is null) return null;
        foreach (var property in doc.RootElement.EnumerateObject())
            if (string.Equals(property.Name, "ETag", StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String
                && ScanInstanceIds.NormalizeETag(property.Value.GetString()!).Length > 0)
                return property.Value.GetString();
        return null;
    }

    /// <summary>
    /// The blob's metadata from the trigger's binding data (<c>Metadata</c>, as JSON), or null when the host did not send
    /// it; the caller then reads it with the blob's properties.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? MetadataFromBindingData(IReadOnlyDictionary<string, object?> bindingData)
    {
        using var doc = BindingJson(bindingData, "Metadata");
        if (doc is null) return null;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in doc.RootElement.EnumerateObject())
            if (property.Value.ValueKind == JsonValueKind.String) metadata[property.Name] = property.Value.GetString()!;
        return metadata;
    }

    /// <summary>A binding data entry that holds a JSON object (as a string or an element); null when absent or not one.</summary>
    private static JsonDocument? BindingJson(IReadOnlyDictionary<string, object?> bindingData, string key)
    {
        ArgumentNullException.ThrowIfNull(bindingData);
        var value = bindingData.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        string? json = value switch
        {
            null => null,
            string s => s,
            JsonElement e => e.GetRawText(),
            _ => value.ToString(),
        };
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            doc.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the trigger fired for the contract's scans container (the trigger path says so; this guards a changed path).</summary>
    public static bool IsScansContainer(string? container) => container == StorageNames.Scans;
}
