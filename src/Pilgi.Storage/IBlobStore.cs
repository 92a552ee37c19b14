namespace Pilgi.Storage;

/// <summary>
/// The blob storage the pipeline reads and writes: containers from <see cref="StorageNames"/>, blob names with
/// <c>/</c> as the folder separator. Writes overwrite, so writing the same blob twice is harmless (activities are
/// retried). Implementations are thread-safe.
/// </summary>
public interface IBlobStore
{
    /// <summary>The bytes and ETag; <see cref="BlobNotFoundException"/> when the blob does not exist.</summary>
    Task<BlobContent> ReadAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Creates or overwrites the blob (creating the container when needed) and returns its new ETag.</summary>
    Task<string> WriteAsync(string container, string name, byte[] data, string contentType, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Blobs whose name starts with <paramref name="prefix"/> (ordinal), ordered by name, with their metadata where the
    /// store keeps any; empty when the container does not exist.
    /// </summary>
    Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>
    /// Where a blob lives, for a reader outside the pipeline (a completion event names its result by it): the blob's
    /// URL on Azure Storage, a <c>file:</c> URI in a folder; with an empty <paramref name="name"/>, the container's.
    /// </summary>
    Uri UriOf(string container, string name);
}
