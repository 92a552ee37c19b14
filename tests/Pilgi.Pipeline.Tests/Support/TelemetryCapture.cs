using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Pipeline.Tests.Support;

/// <summary>
/// What a host would export, captured in memory: every span of <see cref="PipelineTelemetry.Source"/> (all
/// sampled), every measurement of its meter, and every log entry of a host given <see cref="Logs"/>. Listeners are
/// process-wide, so tests running beside this one add their spans too: select a scan's by its trace.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _spans;
    private readonly MeterListener _metrics = new();

    public TelemetryCapture()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Add,
        };
        ActivitySource.AddActivityListener(_spans);
        _metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PipelineTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        _metrics.SetMeasurementEventCallback<long>((i, v, tags, _) => Measurements.Add(new Measurement(i.Name, v, tags.ToArray())));
        _metrics.SetMeasurementEventCallback<double>((i, v, tags, _) => Measurements.Add(new Measurement(i.Name, v, tags.ToArray())));
        _metrics.Start();
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public ConcurrentBag<Measurement> Measurements { get; } = [];

    public ConcurrentQueue<string> LogLines { get; } = new();

    /// <summary>A logger factory whose entries (message, state and exception) land in <see cref="LogLines"/>.</summary>
    public ILoggerFactory Logs => new CapturingLoggerFactory(LogLines);

    /// <summary>The spans of the trace the scan's scheduling span started.</summary>
    public IReadOnlyList<Activity> TraceOf(string instanceId)
    {
        var schedule = Assert.Single(Spans, s => s.DisplayName == ScanScheduling.ScheduleSpan
            && (string?)s.GetTagItem(TelemetryTags.InstanceId) == instanceId
            && (string?)s.GetTagItem(TelemetryTags.Outcome) == "started");
        return Spans.Where(s => s.TraceId == schedule.TraceId).ToList();
    }

    public void Dispose()
    {
        _spans.Dispose();
        _metrics.Dispose();
    }

    public sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value;
    }

    private sealed class CapturingLoggerFactory(ConcurrentQueue<string> lines) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(lines, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} [{category}] {formatter(state, exception)} {values} {exception}");
        }
    }
}
