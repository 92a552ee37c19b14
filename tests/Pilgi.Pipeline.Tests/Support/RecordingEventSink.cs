using Azure.Messaging;
using Pilgi.Pipeline.Events;

namespace Pilgi.Pipeline.Tests.Support;

/// <summary>Keeps the events sent to it; the first <paramref name="failures"/> sends throw an I/O error (an outage, retried).</summary>
internal sealed class RecordingEventSink(int failures = 0, IScanEventSink? forwardTo = null) : IScanEventSink
{
    private readonly Lock _gate = new();
    private readonly List<CloudEvent> _sent = [];
    private int _failuresLeft = failures;

    public string Destination => forwardTo?.Destination ?? "the test's list";

    public int Attempts { get; private set; }

    public IReadOnlyList<CloudEvent> Sent
    {
        get
        {
            lock (_gate) return _sent.ToList();
        }
    }

    public async Task SendAsync(CloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Attempts++;
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                throw new IOException("injected fault: the event sink is unavailable");
            }
        }
        if (forwardTo is not null) await forwardTo.SendAsync(cloudEvent, cancellationToken);
        lock (_gate) _sent.Add(cloudEvent);
    }
}
