using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace Pilgi.Storage;

/// <summary>
/// Queues on Azure Storage (or Azurite). Messages are stored base64-encoded (<see cref="QueueMessageEncoding.Base64"/>),
/// which is what a Functions queue trigger decodes by default and how Event Grid's storage-queue delivery stores them,
/// so one reader serves both.
/// </summary>
public sealed class AzureMessageQueue : IMessageQueue
{
    private readonly QueueServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _created = new(StringComparer.Ordinal);

    public AzureMessageQueue(string connectionString)
        : this(new QueueServiceClient(connectionString, Options()))
    {
    }

    /// <param name="service">A client whose <see cref="QueueClientOptions.MessageEncoding"/> is Base64 (<see cref="Options"/>).</param>
    public AzureMessageQueue(QueueServiceClient service)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
    }

    /// <summary>Client options with base64 messages.</summary>
    public static QueueClientOptions Options() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task SendAsync(string queue, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var client = await QueueAsync(queue, cancellationToken).ConfigureAwait(false);
        await client.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<QueueClient> QueueAsync(string queue, CancellationToken cancellationToken)
    {
        BlobNames.ValidateContainer(queue); // queue names follow the container rules
        var lazy = _created.GetOrAdd(queue, q => new Lazy<Task<QueueClient>>(() => CreateAsync(q)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // a failed creation is not remembered: the next message tries again
            _created.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(queue, lazy));
            throw;
        }
    }

    private async Task<QueueClient> CreateAsync(string queue)
    {
        var client = _service.GetQueueClient(queue);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }
}
