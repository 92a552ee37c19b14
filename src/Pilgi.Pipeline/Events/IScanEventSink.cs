using Azure.Messaging;

namespace Pilgi.Pipeline.Events;

/// <summary>
/// Where completion events go: the storage queue <c>scan-events</c> (<see cref="QueueScanEventSink"/>) or an Event Grid
/// custom topic (<see cref="EventGridScanEventSink"/>). A send that fails throws, so the activity is retried.
/// </summary>
public interface IScanEventSink
{
    /// <summary>Where events go, for logs (a queue's name, a topic's endpoint); never a secret.</summary>
    string Destination { get; }

    Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken = default);
}
