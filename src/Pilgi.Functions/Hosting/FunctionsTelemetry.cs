using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pilgi.Pipeline.Telemetry;

namespace Pilgi.Functions.Hosting;

/// <summary>
/// The worker's OpenTelemetry: the Functions invocations (whose context the host passes in, host.json
/// <c>telemetryMode</c>), the pipeline's spans and metrics (<see cref="PipelineTelemetry"/>) and the HttpClient calls made
/// within its spans (which carry the trace on to the inference service). Exported to Azure Monitor when Application Insights is configured,
/// with the managed identity that <see cref="FunctionSettings.AppInsightsAuthentication"/> names; over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (a local collector under <c>func start</c>).
/// </summary>
public static class FunctionsTelemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddPilgiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(t => t.AddSource(PipelineTelemetry.Name)
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = _ => PipelineTelemetry.InPipelineSpan()))
            .WithMetrics(m => m.AddMeter(PipelineTelemetry.Name));
        if (configuration[FunctionSettings.AppInsightsConnectionString] is { Length: > 0 } connectionString)
        {
            var credential = CredentialFrom(configuration[FunctionSettings.AppInsightsAuthentication]);
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                if (credential is not null) o.Credential = credential;
            });
        }
        if (configuration[OtlpEndpointSetting] is { Length: > 0 })
            telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// The managed identity of an authentication string <c>ClientId=&lt;id&gt;;Authorization=AAD</c> (the format
    /// Application Insights' agents read), or null when it names none: then the connection string's key is used.
    /// </summary>
    public static TokenCredential? CredentialFrom(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)) return null;
        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
