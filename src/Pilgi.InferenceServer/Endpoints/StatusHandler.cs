using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Batching;
using Pilgi.InferenceServer.Detection;
using Pilgi.InferenceServer.Hosting;
using Pilgi.Reading;

namespace Pilgi.InferenceServer.Endpoints;

/// <summary><c>GET /healthz</c>, <c>GET /readyz</c> and <c>GET /v1/stats</c>.</summary>
internal sealed class StatusHandler(LoadedRecognizer recognizer, RecognitionBatcher batcher, DetectionGate detection, ServiceUptime uptime)
{
    public IResult Health()
    {
        var models = new Dictionary<string, ModelInfo>(StringComparer.Ordinal)
        {
            [ModelRoles.Recognizer] = ModelInfo.Parse(recognizer.Engine.ModelId),
            [ModelRoles.Detector] = ModelInfo.Parse(ReadingSteps.DetectorId),
        };
        var report = new ServiceHealth("ok", recognizer.ExecutionProvider, recognizer.ExecutionProviderNote, models,
            Math.Round(uptime.Elapsed.TotalSeconds, 1), batcher.Counters.Snapshot());
        return Results.Json(report, InferenceJson.Default.ServiceHealth);
    }

    /// <summary>Ready when the model is loaded and the batcher takes work (not while starting or stopping).</summary>
    public IResult Ready() => batcher.Running
        ? Results.Json(new { status = "ready", waiting = batcher.Waiting })
        : Results.Problem("The recogniser is not taking requests (starting or stopping).", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");

    public IResult Stats() => Results.Json(new ServiceStats(batcher.Counters.Snapshot(), new DetectionStats(detection.Requests, detection.Rejected)),
        InferenceJson.Default.ServiceStats);
}
