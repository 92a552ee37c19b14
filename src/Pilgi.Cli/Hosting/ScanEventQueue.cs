using System.Text;
using Azure.Messaging;
using Azure.Storage.Queues;
using Pilgi.Pipeline.Events;
using Pilgi.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The queue of completion events read as a consumer reads it: each message base64 of one CloudEvent's JSON (what the
/// pipeline writes locally and an Event Grid storage-queue subscription delivers). Peeks only: nothing is removed.
/// </summary>
public static class ScanEventQueue
{
    /// <summary>At most this many messages are shown by one peek (the queue service's limit).</summary>
    public const int MaxPeek = 32;

    /// <summary>One message: the text as stored, the CloudEvents JSON it holds, the event and its data.</summary>
    public sealed record Message(string Raw, string Json, CloudEvent Event, ScanEventData Data);

    /// <summary>The oldest messages, up to <see cref="MaxPeek"/>, left where they are; empty when the queue does not exist.</summary>
    public static async Task<IReadOnlyList<Message>> PeekAsync(string connectionString, string queue = StorageNames.ScanEvents,
        CancellationToken ct = default)
    {
        var client = new QueueClient(connectionString, queue); // undecoded: each message's text is its base64
        if (!(await client.ExistsAsync(ct).ConfigureAwait(false)).Value) return [];
        var peeked = (await client.PeekMessagesAsync(MaxPeek, ct).ConfigureAwait(false)).Value;
        return peeked.Select(m => Decode(m.Body.ToString())).ToList();
    }

    /// <summary>A message's text (base64 of UTF-8 JSON) as its event.</summary>
    /// <exception cref="FormatException">The message is not base64 of a CloudEvent.</exception>
    public static Message Decode(string raw)
    {
        string json = Encoding.UTF8.GetString(Convert.FromBase64String(raw));
        var cloudEvent = CloudEvent.Parse(BinaryData.FromString(json)) ?? throw new FormatException("The message holds no CloudEvent.");
        var data = cloudEvent.Data?.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)
                   ?? throw new FormatException($"Event {cloudEvent.Id} has no data.");
        return new Message(raw, json, cloudEvent, data);
    }
}
