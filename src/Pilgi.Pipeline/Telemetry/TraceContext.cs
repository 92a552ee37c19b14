using System.Diagnostics;

namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// A scan's trace context as it crosses durable boundaries: a W3C <c>traceparent</c> string in the orchestration's
/// input (<c>ScanJob.TraceParent</c>) and the activities' requests, since each activity runs in its own invocation,
/// possibly on another instance, with no ambient context of the scan.
/// </summary>
public static class TraceContext
{
    /// <summary>The current span's <c>traceparent</c>, or null when there is none (no host listens).</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The context a <c>traceparent</c> names; default (no parent) when it is null or malformed.</summary>
    public static ActivityContext Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
}
