using Pilgi.Storage;

namespace Pilgi.Pipeline.Events;

/// <summary>Where completion events go.</summary>
public enum EventSinkKind
{
    /// <summary>The storage queue <see cref="EventOptions.QueueName"/> on the pipeline's account (locally).</summary>
    Queue,

    /// <summary>The Event Grid custom topic <see cref="EventOptions.TopicEndpoint"/> (in Azure).</summary>
    EventGrid,
}

/// <summary>
/// Completion events, bound from the configuration section <see cref="SectionName"/> (<c>Pilgi:Events:Enabled</c>;
/// app settings and environment <c>Pilgi__Events__Enabled</c>).
/// </summary>
public sealed class EventOptions
{
    public const string SectionName = "Pilgi:Events";

    /// <summary>Publish an event when a scan ends (on unless set to false).</summary>
    public bool Enabled { get; set; } = true;

    public EventSinkKind Sink { get; set; } = EventSinkKind.Queue;

    /// <summary>The queue of <see cref="EventSinkKind.Queue"/>.</summary>
    public string QueueName { get; set; } = StorageNames.ScanEvents;

    /// <summary>
    /// The account of <see cref="EventSinkKind.Queue"/> when it is not the pipeline's (a connection string); the
    /// pipeline's account (or folder) otherwise.
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>The custom topic of <see cref="EventSinkKind.EventGrid"/>: <c>https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events</c>.</summary>
    public string? TopicEndpoint { get; set; }

    /// <summary>
    /// The events' <c>source</c>: names this deployment, and must stay the same across its instances and restarts
    /// (consumers drop duplicates by source and id). Unset: the URI of the <c>results</c> container.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting that is missing or wrong.</summary>
    public void Validate()
    {
        if (!Enabled) return;
        if (Sink == EventSinkKind.Queue && string.IsNullOrWhiteSpace(QueueName))
            throw new ArgumentException($"{SectionName}:{nameof(QueueName)} is empty.");
        if (Sink == EventSinkKind.EventGrid
            && !(Uri.TryCreate(TopicEndpoint, UriKind.Absolute, out var topic) && topic.Scheme == Uri.UriSchemeHttps))
            throw new ArgumentException(
                $"{SectionName}:{nameof(Sink)} is {nameof(EventSinkKind.EventGrid)}, and {SectionName}:{nameof(TopicEndpoint)} " +
                $"('{TopicEndpoint}') is not an https URL (https://<topic>.<region>-1.eventgrid.azure.net/api/events).");
        if (Source is not null && !Uri.TryCreate(Source, UriKind.RelativeOrAbsolute, out _))
            throw new ArgumentException($"{SectionName}:{nameof(Source)} '{Source}' is not a URI reference.");
    }
}
