using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// Finds the uploads in the <c>scans</c> container that this host has not started yet, by path and ETag: a blob that
/// is not a scan, or whose name cannot be a job, is set aside once (and logged) and never looked at again.
/// </summary>
internal sealed class ScanDiscovery(IBlobStore blobs, ILogger log)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>One upload: its path and ETag, normalised.</summary>
    public static string KeyOf(string blobName, string etag) => blobName + "\n" + ScanInstanceIds.NormalizeETag(etag);

    public bool IsSeen(string key) => _seen.ContainsKey(key);

    /// <summary>Started (or refused): a later listing skips it.</summary>
    public void MarkSeen(string key) => _seen.TryAdd(key, 0);

    /// <summary>The listing's uploads not seen yet, in listing order.</summary>
    public async Task<List<WaitingScan>> FindAsync(CancellationToken cancellationToken)
    {
        var listing = await blobs.ListAsync(StorageNames.Scans, "", cancellationToken).ConfigureAwait(false);
        var found = new List<WaitingScan>();
        foreach (var blob in listing)
        {
            string key = KeyOf(blob.Name, blob.ETag);
            if (IsSeen(key)) continue;
            if (!ScanJob.IsScanName(blob.Name))
            {
                MarkSeen(key);
                continue;
            }
            ScanJob job;
            try
            {
                job = ScanJob.FromBlob(StorageNames.Scans, blob.Name, blob.ETag).WithMetadata(blob.Metadata);
            }
            catch (ArgumentException e)
            {
                MarkSeen(key);
                log.LogWarning("{Container}/{Blob} is not read: {Message}", StorageNames.Scans, blob.Name, e.Message);
                continue;
            }
            found.Add(new WaitingScan(key, job, blob.LastModified ?? DateTimeOffset.MaxValue, Queued: false));
        }
        return found;
    }
}
