using Azure.Messaging;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Events;

/// <summary>
/// Each event as one queue message holding its structured CloudEvents JSON (base64 on Azure Storage, see
/// <see cref="AzureMessageQueue"/>): the same message an Event Grid subscription with a storage-queue destination
/// and the CloudEvents schema delivers, so a consumer reads the local queue and the Azure one alike.
/// </summary>
public sealed class QueueScanEventSink(IMessageQueue queues, string queue) : IScanEventSink
{
    private readonly IMessageQueue _queues = queues ?? throw new ArgumentNullException(nameof(queues));
    private readonly string _queue = !string.IsNullOrWhiteSpace(queue) ? queue : throw new ArgumentException("No queue name.", nameof(queue));

    public string Destination => $"queue '{_queue}'";

    public Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken = default) =>
        _queues.SendAsync(_queue, ScanEvents.ToJson(cloudEvent), cancellationToken);
}
