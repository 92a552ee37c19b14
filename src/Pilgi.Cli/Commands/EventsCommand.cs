using System.Globalization;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Terminal;
using Pilgi.Storage;

namespace Pilgi.Cli.Commands;

/// <summary><c>events</c>: the completion events waiting in the queue, as a document system would read them.</summary>
public static class EventsCommand
{
    public const string Usage =
        "events --storage <connection string> [--queue <name>] [--json]\n" +
        "    The oldest completion events (at most 32) in the queue 'scan-events' that serve writes to, left in the\n" +
        "    queue: one line per event (time, type, id, scan, the result or error record, correlation id), or with\n" +
        "    --json each CloudEvent's JSON as the message holds it (base64-decoded).";

    public static CommandSpec Spec { get; } = new("events", "show the completion events serve wrote to the queue, without taking them", Usage,
    [
        "0    shown (none waiting is fine)",
        "1    refused (storage unreachable)",
        "64   usage error (no --storage, an unknown option)",
    ], new HashSet<string>(StringComparer.Ordinal) { "--json" }, RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var storage = args.Get("--storage") ?? throw new UsageException("--storage <connection string> is needed (\"UseDevelopmentStorage=true\" is Azurite).");
        var queue = args.Get("--queue") ?? StorageNames.ScanEvents;
        bool json = args.Flag("--json");
        args.RejectUnknown();
        var messages = await ScanEventQueue.PeekAsync(storage, queue, ct);
        foreach (var m in messages)
        {
            if (json)
            {
                MaskedConsole.Out(m.Json);
                continue;
            }
            var d = m.Data;
            string summary = d.Reason is { } reason ? $"{reason}" : $"fields={d.Fields} read={d.FieldsRead} review={d.NeedsReview}";
            MaskedConsole.Out($"{m.Event.Time?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  {m.Event.Type}  {m.Event.Id}  " +
                              $"{m.Event.Subject} -> {d.Blob}  {summary}" + (d.CorrelationId is { } c ? $"  correlationid={c}" : ""));
        }
        if (!json)
            Console.WriteLine(messages.Count == ScanEventQueue.MaxPeek
                ? $"{messages.Count} event(s) shown; more may wait in '{queue}'"
                : $"{messages.Count} event(s) in '{queue}'");
        return 0;
    }
}
