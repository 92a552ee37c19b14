using Pilgi.Core.Raster;
using Pilgi.Core.Registration;

namespace Pilgi.Inference.Detection;

/// <summary>
/// Finds the handwriting on a page registered to its form: in this process (<see cref="TemplateSubtractionDetector"/>)
/// or through the inference service (<see cref="Remote.RemoteHandwritingDetector"/>), with the same result.
/// </summary>
public interface IHandwritingDetector
{
    Task<DetectedHandwriting> DetectAsync(GrayImage page, int pageNumber, FormReference form, Registration registration,
        CancellationToken cancellationToken = default);
}

/// <summary>One region per filled field and, at the same index, the crop the recogniser reads for it.</summary>
public sealed record DetectedHandwriting(IReadOnlyList<HandwritingRegion> Regions, IReadOnlyList<GrayImage> Crops);
