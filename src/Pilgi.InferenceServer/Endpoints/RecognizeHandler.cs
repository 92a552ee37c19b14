using Microsoft.Extensions.Options;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Batching;
using Pilgi.InferenceServer.Hosting;
using Pilgi.InferenceServer.Http;

namespace Pilgi.InferenceServer.Endpoints;

/// <summary>
/// <c>POST /v1/recognize</c>: decodes each crop under the crop limits, prepares it for the model on the request's thread,
/// and queues the request for the batcher; 429 at once when the queue is full (checked again before decoding anything).
/// </summary>
internal sealed class RecognizeHandler(LoadedRecognizer recognizer, RecognitionBatcher batcher, ServerDecoders decoders,
    IOptions<InferenceServerOptions> options)
{
    private readonly InferenceServerOptions _o = options.Value;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (batcher.IsFull)
        {
            batcher.Counters.Rejected();
            throw ProblemException.Busy($"{_o.QueueCapacity} recognise requests are waiting already.", _o.RetryAfterSeconds);
        }
        var request = await JsonBody.ReadAsync(http.Request, _o.MaxRecognizeRequestBytes, InferenceJson.Default.RecognizeCropsRequest, ct);
        if (request.Crops is null) throw ProblemException.BadRequest("'crops' is missing.");
        if (request.Crops.Count > _o.MaxCropsPerRequest)
            throw ProblemException.BadRequest($"{request.Crops.Count} crops in one request; at most {_o.MaxCropsPerRequest}.");
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        var lines = new PreparedLine[request.Crops.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            var crop = request.Crops[i] ?? throw ProblemException.BadRequest($"Crop {i + 1} is null.");
            if (crop.Image is not { Length: > 0 }) throw ProblemException.BadRequest($"Crop {i + 1} has no image.");
            var alphabet = crop.Alphabet is null ? null : AlphabetRanges.Decode(crop.Alphabet, _o.MaxAlphabetLength);
            var decoded = await decoders.Crops.DecodeAsync(crop.Image, $"crop {i + 1}", ct);
            lines[i] = recognizer.Engine.Prepare(decoded.Pages[0], alphabet);
        }
        batcher.Counters.Prepared(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        var reads = await batcher.RecognizeAsync(lines, ct);
        return Results.Json(new RecognizeCropsResponse(recognizer.Engine.ModelId, reads.Select(LineRead.From).ToList()),
            InferenceJson.Default.RecognizeCropsResponse);
    }
}
