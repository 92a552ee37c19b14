using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The pipeline's traces and metrics from <c>serve</c> (<see cref="PipelineTelemetry"/>, and the HttpClient calls made
/// within its spans, which carry the trace to a remote inference service): to the console or over OTLP as
/// <see cref="TelemetryOptions.SectionName"/>:<c>Exporter</c> says, nowhere by default. OTLP takes the exporter's
/// standard variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, …).
/// </summary>
internal static class ServeTelemetry
{
    /// <summary>The providers, flushed and stopped on dispose; null when nothing is exported.</summary>
    public static IDisposable? Start(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = From(configuration);
        if (options.Exporter == TelemetryOptions.None) return null;

        var resource = ResourceBuilder.CreateDefault().AddService(configuration["OTEL_SERVICE_NAME"] ?? options.ServiceName);
        var traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(PipelineTelemetry.Name)
            .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = _ => PipelineTelemetry.InPipelineSpan());
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(PipelineTelemetry.Name);
        if (options.Exporter == TelemetryOptions.Console)
        {
            traces.AddConsoleExporter();
            metrics.AddConsoleExporter();
        }
        else
        {
            traces.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }
        return new Providers(traces.Build(), metrics.Build());
    }

    /// <summary>The options of <paramref name="configuration"/>; an unknown exporter is an <see cref="ArgumentException"/>.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        options.Exporter = (options.Exporter ?? "").Trim().ToLowerInvariant();
        if (options.Exporter is not (TelemetryOptions.None or TelemetryOptions.Console or TelemetryOptions.Otlp))
            throw new ArgumentException(
                $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Exporter)} must be {TelemetryOptions.None}, {TelemetryOptions.Console} " +
                $"or {TelemetryOptions.Otlp}, not '{options.Exporter}'.");
        return options;
    }

    private sealed class Providers(TracerProvider traces, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            traces.Dispose();
            metrics.Dispose();
        }
    }
}
