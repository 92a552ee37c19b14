using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pilgi.Storage;

/// <summary>
/// Blob storage on Azure Storage (or Azurite: connection string <c>UseDevelopmentStorage=true</c>). Containers are
/// created on the first write to them; reads of a missing container behave like reads of a missing blob.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _created = new(StringComparer.Ordinal);

    public AzureBlobStore(string connectionString) : this(new BlobServiceClient(connectionString))
    {
    }

    public AzureBlobStore(BlobServiceClient service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    public BlobServiceClient Service => _service;

    public async Task<BlobContent> ReadAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(container, name);
        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new BlobContent(response.Value.Content.ToArray(), response.Value.Details.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new BlobNotFoundException(container, name);
        }
    }

    public async Task<string> WriteAsync(string container, string name, byte[] data, string contentType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        BlobNames.Validate(name);
        var client = await ContainerAsync(container, cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        var response = await client.GetBlobClient(name).UploadAsync(new BinaryData(data), options, cancellationToken)
            .ConfigureAwait(false);
        return response.Value.ETag.ToString("H");
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Blob(container, name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<BlobEntry>> ListAsync(string container, string prefix = "", CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        ArgumentNullException.ThrowIfNull(prefix);
        var entries = new List<BlobEntry>();
        try
        {
            var options = new GetBlobsOptions { Prefix = prefix.Length > 0 ? prefix : null, Traits = BlobTraits.Metadata };
            await foreach (var item in _service.GetBlobContainerClient(container).GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
                entries.Add(new BlobEntry(item.Name, item.Properties.ETag?.ToString("H") ?? "", item.Properties.LastModified,
                    item.Metadata is { Count: > 0 } metadata ? new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase) : null));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    public Uri UriOf(string container, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            BlobNames.ValidateContainer(container);
            return _service.GetBlobContainerClient(container).Uri;
        }
        return Blob(container, name).Uri;
    }

    private BlobClient Blob(string container, string name)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.Validate(name);
        return _service.GetBlobContainerClient(container).GetBlobClient(name);
    }

    private async Task<BlobContainerClient> ContainerAsync(string container, CancellationToken cancellationToken)
    {
        BlobNames.ValidateContainer(container);
        var lazy = _created.GetOrAdd(container, c => new Lazy<Task<BlobContainerClient>>(() => CreateAsync(c)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // a failed creation is not remembered: the next write tries again
            _created.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(container, lazy));
            throw;
        }
    }

    private async Task<BlobContainerClient> CreateAsync(string container)
    {
        var client = _service.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }
}
