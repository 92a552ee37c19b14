using Pilgi.Cli.Hosting;

namespace Pilgi.Cli.Tests.Support;

/// <summary>The queue <c>scan-events</c> of an account, peeked as <c>pilgi events</c> reads it (base64 messages of CloudEvents JSON).</summary>
internal static class EventQueue
{
    /// <summary>Every message, oldest first, left in the queue. A peek sees at most 32: tests stay below.</summary>
    public static async Task<List<ScanEventQueue.Message>> PeekAllAsync(string connectionString)
    {
        var messages = (await ScanEventQueue.PeekAsync(connectionString)).ToList();
        Assert.True(messages.Count < ScanEventQueue.MaxPeek, "more messages than one peek shows");
        return messages;
    }
}
