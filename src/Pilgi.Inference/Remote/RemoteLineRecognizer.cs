using Pilgi.Core.Raster;
using Pilgi.Imaging;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Remote;

/// <summary>
/// Reads crops through the inference service: the crops go as PNG (lossless, so the service reads the same pixels),
/// at most <see cref="InferenceOptions.MaxCropsPerRequest"/> per call. The service reads each crop as
/// <see cref="OnnxLineRecognizer"/> does here, so the texts and confidences are the same.
/// </summary>
public sealed class RemoteLineRecognizer(RemoteInferenceClient client) : ILineRecognizer
{
    private readonly RemoteInferenceClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private string? _modelId;

    /// <summary>The service's recogniser ("name@version"), asked once (from its health report) and kept up to date by its answers.</summary>
    public string ModelId => _modelId ??= Task.Run(() => _client.HealthAsync()).GetAwaiter().GetResult().Models[ModelRoles.Recognizer].Id;

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default) =>
        RecognizeAsync(crops, new string?[crops.Count], cancellationToken);

    public async Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crops);
        ArgumentNullException.ThrowIfNull(alphabets);
        if (alphabets.Count != crops.Count) throw new ArgumentException("One alphabet (or null) per crop is needed.", nameof(alphabets));
        var results = new List<TextRecognition>(crops.Count);
        for (int start = 0; start < crops.Count; start += _client.Options.MaxCropsPerRequest)
        {
            int n = Math.Min(_client.Options.MaxCropsPerRequest, crops.Count - start);
            var request = new RecognizeCropsRequest(Enumerable.Range(start, n)
                .Select(i => new CropToRead(ImageCodec.EncodePng(crops[i]), alphabets[i] is { } a ? AlphabetRanges.Encode(a) : null)).ToList());
            var response = await _client.RecognizeAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Results.Count != n)
                throw new InferenceServiceException($"The inference service returned {response.Results.Count} reads for {n} crops.");
            _modelId = response.Model;
            results.AddRange(response.Results.Select(r => r.ToRecognition()));
        }
        return results;
    }
}
