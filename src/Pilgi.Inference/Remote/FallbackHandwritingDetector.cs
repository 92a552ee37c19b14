using Microsoft.Extensions.Logging;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;

namespace Pilgi.Inference.Remote;

/// <summary>
/// Detects through the inference service and, when it is unavailable (<see cref="InferenceFallback.IsUnavailable"/>),
/// in this process with the same detector the service runs (<c>Pilgi:Inference:FallbackToInProcess</c>).
/// </summary>
public sealed class FallbackHandwritingDetector(IHandwritingDetector remote, Func<IHandwritingDetector> local, ILogger? log = null)
    : IHandwritingDetector
{
    private readonly IHandwritingDetector _remote = remote ?? throw new ArgumentNullException(nameof(remote));
    private readonly Lazy<IHandwritingDetector> _local = new(local ?? throw new ArgumentNullException(nameof(local)));

    public async Task<DetectedHandwriting> DetectAsync(GrayImage page, int pageNumber, FormReference form, Registration registration,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await _remote.DetectAsync(page, pageNumber, form, registration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (InferenceFallback.IsUnavailable(e))
        {
            log?.LogWarning("Inference service unavailable ({Message}); detecting page {Page} in this process", e.Message, pageNumber);
            return await _local.Value.DetectAsync(page, pageNumber, form, registration, cancellationToken).ConfigureAwait(false);
        }
    }
}
