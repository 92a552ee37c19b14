using Microsoft.Extensions.Logging;
using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Remote;

/// <summary>
/// Recognises through the inference service and, when it is unavailable (<see cref="InferenceFallback.IsUnavailable"/>),
/// in this process with the same model (<c>Pilgi:Inference:FallbackToInProcess</c>). The local model is loaded on the
/// first fallback only.
/// </summary>
public sealed class FallbackLineRecognizer(ILineRecognizer remote, Func<ILineRecognizer> local, ILogger? log = null)
    : ILineRecognizer, IDisposable
{
    private readonly ILineRecognizer _remote = remote ?? throw new ArgumentNullException(nameof(remote));
    private readonly Lazy<ILineRecognizer> _local = new(local ?? throw new ArgumentNullException(nameof(local)));

    /// <summary>The service's model while it answers; the local one's once it does not.</summary>
    public string ModelId
    {
        get
        {
            try
            {
                return _remote.ModelId;
            }
            catch (Exception e) when (InferenceFallback.IsUnavailable(e) || e is AggregateException { InnerException: { } inner } && InferenceFallback.IsUnavailable(inner))
            {
                return _local.Value.ModelId;
            }
        }
    }

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default) =>
        RecognizeAsync(crops, new string?[crops.Count], cancellationToken);

    public async Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await _remote.RecognizeAsync(crops, alphabets, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (InferenceFallback.IsUnavailable(e))
        {
            log?.LogWarning("Inference service unavailable ({Message}); recognising {Count} crop(s) in this process", e.Message, crops.Count);
            return await _local.Value.RecognizeAsync(crops, alphabets, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_local.IsValueCreated && _local.Value is IDisposable d) d.Dispose();
    }
}
