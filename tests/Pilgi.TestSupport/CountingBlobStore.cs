using System.Collections.Concurrent;
using Pilgi.Storage;

namespace Pilgi.TestSupport;

/// <summary>Passes everything to a store and counts reads and writes per <c>container/name</c>.</summary>
public sealed class CountingBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    public int Reads(string container, string name) => _reads.GetValueOrDefault($"{container}/{name}");

    /// <summary>Writes that succeeded.</summary>
    public int Writes(string container, string name) => _writes.GetValueOrDefault($"{container}/{name}");

    public Task<BlobContent> ReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        _reads.AddOrUpdate($"{container}/{name}", 1, (_, n) => n + 1);
        return inner.ReadAsync(container, name, cancellationToken);
    }

    public async Task<string> WriteAsync(string container, string name, byte[] data, string contentType, CancellationToken cancellationToken = default)
    {
        var etag = await inner.WriteAsync(container, name, data, contentType, cancellationToken);
        _writes.AddOrUpdate($"{container}/{name}", 1, (_, n) => n + 1);
        return etag;
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        inner.ExistsAsync(container, name, cancellationToken);

    public Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default) =>
        inner.ListAsync(container, prefix, cancellationToken);

    public Uri UriOf(string container, string name) => inner.UriOf(container, name);
}
