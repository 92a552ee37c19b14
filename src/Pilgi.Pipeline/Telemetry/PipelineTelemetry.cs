using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// The pipeline's traces and metrics, under the one name <see cref="Name"/> that every host subscribes to (an
/// OpenTelemetry <c>AddSource</c>/<c>AddMeter</c>, or an <see cref="ActivityListener"/> in the tests). Nothing is
/// recorded unless a host listens. Attributes describe the scan (path, template, counts, models, durations), never
/// a value read from it.
/// </summary>
public static class PipelineTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Pilgi.Pipeline";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Scans whose orchestration ended, by <see cref="TelemetryTags.Outcome"/> and template.</summary>
    public static Counter<long> ScansProcessed { get; } =
        Meter.CreateCounter<long>("pilgi.scans.processed", "{scan}", "Scans whose orchestration ended");

    /// <summary>Scans that got an error record, by <see cref="TelemetryTags.Reason"/> and template.</summary>
    public static Counter<long> ScanFailures { get; } =
        Meter.CreateCounter<long>("pilgi.scans.failed", "{scan}", "Scans that could not be read, by reason code");

    /// <summary>How long one step took to run (its activity), by <see cref="TelemetryTags.Stage"/>.</summary>
    public static Histogram<double> StageDuration { get; } =
        Meter.CreateHistogram<double>("pilgi.stage.duration", "ms", "Time one pipeline step ran");

    /// <summary>
    /// Whether the current span runs inside one of the pipeline's: hosts trace the HttpClient calls made there (the
    /// inference service, the scan's blobs) and not the durable backend's queue polling or the host's own traffic.
    /// </summary>
    public static bool InPipelineSpan()
    {
        for (var span = Activity.Current; span is not null; span = span.Parent)
            if (span.Source == Source) return true;
        return false;
    }

    /// <summary>From the orchestration's start to its end, queueing included.</summary>
    public static Histogram<double> ScanDuration { get; } =
        Meter.CreateHistogram<double>("pilgi.scan.duration", "s", "Time from a scan's orchestration start to its end");
}
