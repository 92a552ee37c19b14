namespace Pilgi.Pipeline.Telemetry;

/// <summary>
/// Where a host that chooses its exporter sends the pipeline's traces and metrics (<c>pilgi serve</c>), bound from
/// <see cref="SectionName"/>. The Functions app exports to Azure Monitor whenever Application Insights is configured.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Pilgi:Telemetry";

    public const string None = "none";
    public const string Console = "console";

    /// <summary>OTLP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporter's standard variables; default http://localhost:4317).</summary>
    public const string Otlp = "otlp";

    /// <summary><see cref="None"/>, <see cref="Console"/> or <see cref="Otlp"/>.</summary>
    public string Exporter { get; set; } = None;

    /// <summary>The service name the exported telemetry carries (<c>OTEL_SERVICE_NAME</c> wins when set).</summary>
    public string ServiceName { get; set; } = "pilgi";
}
