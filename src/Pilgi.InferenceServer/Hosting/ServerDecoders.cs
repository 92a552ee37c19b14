using Pilgi.Imaging;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>
/// The guarded decoders for what clients send: crops (<see cref="InferenceServerOptions.CropLimits"/>) and pages (the
/// pipeline's limits, one page). Seal ink is not filtered again: pages and crops come from the pipeline's grey images,
/// already filtered, and must decode to exactly those pixels.
/// </summary>
internal sealed class ServerDecoders(ImageLimits cropLimits, ImageLimits pageLimits)
{
    public GuardedDecoder Crops { get; } = new(cropLimits, SealInkFilter.Disabled);

    public GuardedDecoder Pages { get; } = new(pageLimits with { MaxPages = 1, MaxTotalPixels = pageLimits.MaxPixelsPerPage }, SealInkFilter.Disabled);
}
