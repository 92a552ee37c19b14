using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Support;

internal static class TestStorageJobs
{
    /// <summary>The job a blob trigger would make for a blob in <c>scans/</c>.</summary>
    public static async Task<ScanJob> JobForAsync(this TestStorage storage, string scanBlobName)
    {
        var blob = await storage.Files.ReadAsync(StorageNames.Scans, scanBlobName);
        return ScanJob.FromBlob(StorageNames.Scans, scanBlobName, blob.ETag);
    }
}
