using Microsoft.DurableTask.Client;
using Pilgi.Functions.Triggers;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Functions.Http;

/// <summary>Finds the current upload of a scan and its orchestration instance.</summary>
public sealed class ScanStatusQuery(IBlobStore blobs)
{
    /// <summary>
    /// The blob name inside <c>scans/</c> for the route's values; null (with the reason) unless it names a scan the
    /// contract accepts.
    /// </summary>
    public static string? BlobName(string? templateId, string? path, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(templateId) || string.IsNullOrWhiteSpace(path))
        {
            problem = $"Ask for /{FunctionSettings.ScanStatusRoute.Replace("{*path}", "{path}", StringComparison.Ordinal)}.";
            return null;
        }
        string name = $"{templateId}/{path.Trim('/')}";
        if (!ScanUpload.TryValidateName(name, out problem)) return null;
        return name;
    }

    /// <summary>The scan's current ETag; null when there is no such blob.</summary>
    public async Task<string?> CurrentETagAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var listed = await blobs.ListAsync(StorageNames.Scans, blobName, cancellationToken).ConfigureAwait(false);
        return listed.FirstOrDefault(b => string.Equals(b.Name, blobName, StringComparison.Ordinal))?.ETag;
    }

    /// <summary>The report for the current upload of <paramref name="blobName"/>; null when there is no such blob.</summary>
    public async Task<ScanStatusReport?> GetAsync(DurableTaskClient client, string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var etag = await CurrentETagAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (etag is null) return null;
        var job = ScanJob.FromBlob(StorageNames.Scans, blobName, etag);
        var instance = await client.GetInstanceAsync(job.InstanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return ScanStatusReport.From(job, instance);
    }
}
