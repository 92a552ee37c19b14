using Pilgi.Pipeline.Status;
using Pilgi.Storage;

namespace Pilgi.Cli.Composition;

/// <summary>
/// One upload's outputs copied from storage to files named as <c>process</c> names its own (<see cref="ResultFiles"/>):
/// <c>&lt;out&gt;/&lt;templateId&gt;/&lt;name&gt;.json</c> and its overlays, or <c>&lt;name&gt;.error.json</c>. The bytes are
/// the stored ones.
/// </summary>
internal static class ResultDownload
{
    private const string ErrorSuffix = ".error.json";

    /// <summary>The files written, in order (none while the scan is in flight or ignored).</summary>
    public static async Task<List<string>> WriteAsync(IBlobStore blobs, ScanStatus status, string outDir, CancellationToken ct)
    {
        var written = new List<string>();
        if (status is { State: ScanStates.Read, ResultBlob: { } result })
        {
            // a failure of an earlier upload, fetched before, is not this upload's
            var earlierFailure = PathOf(outDir, Stem(result) + ErrorSuffix);
            if (File.Exists(earlierFailure)) File.Delete(earlierFailure);
            written.Add(await CopyAsync(blobs, StorageNames.Results, result, PathOf(outDir, result), ct));
            foreach (var overlay in status.OverlayBlobs)
                written.Add(await CopyAsync(blobs, StorageNames.Results, overlay, PathOf(outDir, overlay), ct));
        }
        else if (status is { State: ScanStates.Failed, FailureBlob: { } failure })
        {
            written.Add(await CopyAsync(blobs, StorageNames.Failed, failure, PathOf(outDir, Stem(failure) + ErrorSuffix), ct));
        }
        return written;
    }

    private static async Task<string> CopyAsync(IBlobStore blobs, string container, string name, string path, CancellationToken ct)
    {
        var blob = await blobs.ReadAsync(container, name, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, blob.Data, ct);
        return path;
    }

    /// <summary><c>a/001.json</c> → <c>a/001</c>.</summary>
    private static string Stem(string jsonBlob) => jsonBlob[..^".json".Length];

    /// <summary>The blob's name as a path under <paramref name="outDir"/> (blob names have no '..' segments: <see cref="BlobNames"/>).</summary>
    private static string PathOf(string outDir, string blobName) => Path.Combine(outDir, Path.Combine(blobName.Split('/')));
}
