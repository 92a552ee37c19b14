using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Events;

/// <summary>
/// Publishes a scan's completion event once its result or error record is written (<see cref="PublishScanEventActivity"/>).
/// The event's id is the same on every try (<see cref="ScanEvents.IdOf"/>); a copy of what was sent is kept in the
/// work container (<see cref="WorkBlobs.SentEvent"/>), and a retry that finds it sends nothing. A retry after a send
/// whose copy was not written yet (the host died between the two) sends the event again, with the same id.
/// </summary>
public sealed class ScanEventPublisher
{
    private readonly IBlobStore _blobs;
    private readonly IScanEventSink? _sink;
    private readonly EventOptions _options;
    private readonly ILogger _log;

    /// <param name="sink">Where events go; null only when <paramref name="options"/> turn them off.</param>
    public ScanEventPublisher(IBlobStore blobs, IScanEventSink? sink, EventOptions options, ILogger<ScanEventPublisher>? log = null)
    {
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (_options.Enabled && sink is null) throw new ArgumentNullException(nameof(sink), "Events are on and have nowhere to go.");
        _sink = sink;
        _log = log ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The id of the event published (or found published by an earlier try); null when events are off or the outcome publishes none.</summary>
    public async Task<string?> PublishAsync(ScanEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.Enabled || _sink is null) return null;
        string? type = ScanEvents.TypeOf(request.Outcome);
        if (type is null) return null;
        string id = ScanEvents.IdOf(request.InstanceId, type);
        string sent = WorkBlobs.SentEvent(request.InstanceId, type);
        if (await _blobs.ExistsAsync(StorageNames.Work, sent, cancellationToken).ConfigureAwait(false))
        {
            _log.LogInformation("{Scan}: event {EventId} ({Type}) was sent by an earlier try", request.Job.Path, id, type);
            return id;
        }

        var (container, name) = SplitContainer(request.Outcome.Blob!);
        string source = _options.Source ?? _blobs.UriOf(StorageNames.Results, "").AbsoluteUri;
        var cloudEvent = ScanEvents.Create(request, source, _blobs.UriOf(container, name));
        await _sink.SendAsync(cloudEvent, cancellationToken).ConfigureAwait(false);
        await _blobs.WriteAsync(StorageNames.Work, sent, Encoding.UTF8.GetBytes(ScanEvents.ToJson(cloudEvent)), ContentTypes.Json,
            cancellationToken).ConfigureAwait(false);
        _log.LogInformation("{Scan}: event {EventId} ({Type}) sent to {Destination}", request.Job.Path, id, type, _sink.Destination);
        return id;
    }

    /// <summary><c>results/remittance/001.json</c> → (<c>results</c>, <c>remittance/001.json</c>).</summary>
    private static (string Container, string Name) SplitContainer(string path)
    {
        int slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1) throw new ArgumentException($"'{path}' is not a container path like 'results/<name>'.");
        return (path[..slash], path[(slash + 1)..]);
    }
}
