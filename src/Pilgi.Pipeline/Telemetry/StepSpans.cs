using System.Diagnostics;
using Pilgi.Core.Errors;
using Pilgi.Core.Privacy;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// One span per activity run, in the scan's trace (the request's <c>traceparent</c>), linked to whatever span the
/// host runs the invocation in; and the step's duration in <see cref="PipelineTelemetry.StageDuration"/>. A failure
/// is marked with its reason code only: exception messages stay out of telemetry.
/// </summary>
internal static class StepSpans
{
    public const string Ok = "ok";
    public const string Error = "error";

    public static async Task<T> RunAsync<T>(string stage, string? traceParent, string? scan, string? template, Func<Task<T>> body,
        Action<Activity, T>? describe = null)
    {
        var links = Activity.Current is { } invocation ? new[] { new ActivityLink(invocation.Context) } : null;
        using var span = PipelineTelemetry.Source.StartActivity(stage, ActivityKind.Internal, TraceContext.Parse(traceParent), links: links);
        if (span is not null)
        {
            span.SetTag(TelemetryTags.Stage, stage);
            if (scan is not null) span.SetTag(TelemetryTags.Scan, PiiMasker.Mask(scan));
            if (template is not null) span.SetTag(TelemetryTags.Template, template);
        }
        var clock = Stopwatch.StartNew();
        string outcome = Ok;
        try
        {
            var result = await body().ConfigureAwait(false);
            if (span is not null) describe?.Invoke(span, result);
            return result;
        }
        catch (Exception e)
        {
            outcome = Error;
            if (span is not null)
            {
                string reason = ReasonOf(e);
                span.SetTag(TelemetryTags.Reason, reason);
                span.SetStatus(ActivityStatusCode.Error, reason);
            }
            throw;
        }
        finally
        {
            PipelineTelemetry.StageDuration.Record(clock.Elapsed.TotalMilliseconds,
                new KeyValuePair<string, object?>(TelemetryTags.Stage, stage), new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome));
        }
    }

    /// <summary>A reason code, or the exception's type for a failure that has none (never its message).</summary>
    private static string ReasonOf(Exception e) =>
        e is PilgiException p ? p.Reason : ActivityFailures.TryParseTag(e.Message)?.Reason ?? e.GetType().Name;
}
