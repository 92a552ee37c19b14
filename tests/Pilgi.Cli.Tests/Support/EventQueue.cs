using System.Text;
using Azure.Messaging;
using Azure.Storage.Queues;
using Pilgi.Pipeline.Events;
using Pilgi.Storage;

namespace Pilgi.Cli.Tests.Support;

/// <summary>The queue <c>scan-events</c> of an account, read the way a consumer reads it: base64 messages of CloudEvents JSON.</summary>
internal static class EventQueue
{
    /// <summary>One message: its raw text as stored, the event it decodes to and the event's data.</summary>
    public sealed record Message(string Raw, CloudEvent Event, ScanEventData Data);

    /// <summary>Every message, oldest first, peeked (left in the queue, visible). A peek sees at most 32: tests stay below.</summary>
    public static async Task<List<Message>> PeekAllAsync(string connectionString)
    {
        var queue = new QueueClient(connectionString, StorageNames.ScanEvents); // no decoding: the test checks the encoding itself
        var messages = new List<Message>();
        if (!(await queue.ExistsAsync()).Value) return messages;
        var peeked = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
        Assert.True(peeked.Length < 32, "more messages than one peek shows");
        foreach (var m in peeked)
        {
            string raw = m.Body.ToString();
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(raw)); // base64, as a Functions queue trigger expects
            var cloudEvent = CloudEvent.Parse(BinaryData.FromString(json))!;
            messages.Add(new Message(raw, cloudEvent, cloudEvent.Data!.ToObjectFromJson<ScanEventData>(ScanEventData.JsonOptions)!));
        }
        return messages;
    }
}
