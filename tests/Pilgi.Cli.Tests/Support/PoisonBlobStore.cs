using System.Collections.Concurrent;
using Pilgi.Storage;

namespace Pilgi.Cli.Tests.Support;

/// <summary>
/// A store whose reads of the blobs <paramref name="poisoned"/> picks fail every time with an I/O error (a fault,
/// not bad input, so the pipeline retries it); everything else goes to <paramref name="inner"/>.
/// </summary>
internal sealed class PoisonBlobStore(IBlobStore inner, Func<string, string, bool> poisoned) : IBlobStore
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>Reads of <c>container/name</c> refused so far.</summary>
    public int Failures(string container, string name) => _failures.GetValueOrDefault($"{container}/{name}");

    /// <summary>Every blob refused so far, with its count.</summary>
    public IReadOnlyDictionary<string, int> AllFailures => new Dictionary<string, int>(_failures, StringComparer.Ordinal);

    public Task<BlobContent> ReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        if (!poisoned(container, name)) return inner.ReadAsync(container, name, cancellationToken);
        _failures.AddOrUpdate($"{container}/{name}", 1, (_, n) => n + 1);
        throw new IOException($"injected fault: {container}/{name} cannot be read");
    }

    public Task<string> WriteAsync(string container, string name, byte[] data, string contentType, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(container, name, data, contentType, cancellationToken);

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        inner.ExistsAsync(container, name, cancellationToken);

    public Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default) =>
        inner.ListAsync(container, prefix, cancellationToken);

    public Uri UriOf(string container, string name) => inner.UriOf(container, name);
}
