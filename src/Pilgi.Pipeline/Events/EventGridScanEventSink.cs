using Azure.Core;
using Azure.Messaging;
using Azure.Messaging.EventGrid;

namespace Pilgi.Pipeline.Events;

/// <summary>
/// Publishes to an Event Grid custom topic whose input schema is CloudEvents 1.0: a batch POST of structured JSON
/// (<c>application/cloudevents-batch+json</c>) with an Entra ID token of the host's identity (the topic's
/// <c>EventGrid Data Sender</c> role). Transient answers (408, 429, 5xx) are retried by Azure.Core's retry policy
/// (<see cref="EventGridPublisherClientOptions.Retry"/>); what is left after them (401, 403, 413, a 5xx that persists)
/// throws <see cref="Azure.RequestFailedException"/>, and the activity is retried by the orchestration.
/// </summary>
public sealed class EventGridScanEventSink : IScanEventSink
{
    private readonly EventGridPublisherClient _client;

    /// <param name="topicEndpoint">The topic's endpoint, <c>https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events</c>.</param>
    public EventGridScanEventSink(Uri topicEndpoint, TokenCredential credential, EventGridPublisherClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topicEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _client = new EventGridPublisherClient(topicEndpoint, credential, options ?? new EventGridPublisherClientOptions());
        Destination = $"Event Grid topic {topicEndpoint.GetLeftPart(UriPartial.Path)}";
    }

    public string Destination { get; }

    public async Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        await _client.SendEventAsync(cloudEvent, cancellationToken).ConfigureAwait(false);
    }
}
