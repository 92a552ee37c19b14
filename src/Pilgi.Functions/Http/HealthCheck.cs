using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilgi.Inference.Models;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Hosting;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.Functions.Http;

/// <summary>What <c>GET /api/health</c> answers: the models the app reads with and how many forms are registered.</summary>
/// <param name="Status"><c>ok</c>, or <c>degraded</c> with <see cref="Problems"/>.</param>
/// <param name="Models">Model role → <c>name@version</c>.</param>
/// <param name="Templates">Registered forms; null when they could not be listed.</param>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Models, int? Templates, IReadOnlyList<string> Problems)
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";

    [JsonIgnore]
    public bool Healthy => Status == Ok;
}

/// <summary>
/// Reads the recogniser's descriptor (not the model itself: the ONNX session is created on first use) and lists the
/// registered forms, within <see cref="Timeout"/>.
/// </summary>
/// <remarks>With <c>Pilgi:Inference:Mode=Remote</c> the recogniser is the inference service's: its health report is asked instead.</remarks>
public sealed class HealthCheck(IOptions<PipelineOptions> options, ITemplateProvider templates,
    IOptions<InferenceOptions>? inference = null, IServiceProvider? services = null)
{
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var problems = new List<string>();
        var models = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["detector"] = ReadingSteps.DetectorId };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            if (inference?.Value.Mode == InferenceMode.Remote && services is not null)
            {
                var health = await services.GetRequiredService<RemoteInferenceClient>().HealthAsync(timeout.Token).ConfigureAwait(false);
                models["recognizer"] = health.Models[ModelRoles.Recognizer].Id;
            }
            else
            {
                models["recognizer"] = ModelDescriptor.Load(Path.Combine(o.ModelsDirectory, o.RecognizerDescriptor)).Id;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problems.Add($"recognizer: the inference service did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"recognizer: {e.Message}");
        }

        int? count = null;
        try
        {
            count = (await templates.GetAsync(null, timeout.Token).ConfigureAwait(false)).All.Count;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problems.Add($"templates: not listed within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"templates: {e.Message}");
        }
        return new HealthReport(problems.Count == 0 ? HealthReport.Ok : HealthReport.Degraded, models, count, problems);
    }
}
