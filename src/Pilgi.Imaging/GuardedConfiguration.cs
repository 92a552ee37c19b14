using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Memory;

namespace Pilgi.Imaging;

/// <summary>
/// The ImageSharp configuration every image in Pilgi goes through: JPEG, PNG and TIFF only
/// (each extra codec is extra attack surface; BMP, GIF, WebP, TGA and PBM are left out), and a
/// memory allocator with a bounded pool and a per-image allocation ceiling.
/// </summary>
public static class GuardedConfiguration
{
    private const int PoolMegabytes = 64;

    // Worst case an ImageSharp decoder holds 8 bytes per pixel (Rgba64 intermediates).
    private const int WorstCaseBytesPerPixel = 8;
    private const int MinimumAllocationLimitMegabytes = 64;

    private static readonly Lazy<Configuration> SharedInstance = new(() => Create(new ImageLimits()));

    /// <summary>One configuration for the default limits, shared by the codec helpers and default decoders.</summary>
    public static Configuration Shared => SharedInstance.Value;

    /// <summary>A configuration whose allocation ceiling fits <paramref name="limits"/>.</summary>
    public static Configuration Create(ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var configuration = new Configuration(
            new JpegConfigurationModule(),
            new PngConfigurationModule(),
            new TiffConfigurationModule());
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            MaximumPoolSizeMegabytes = PoolMegabytes,
            AllocationLimitMegabytes = AllocationLimitMegabytes(limits),
        });
        return configuration;
    }

    private static int AllocationLimitMegabytes(ImageLimits limits)
    {
        long megabytes = limits.MaxPixelsPerPage * WorstCaseBytesPerPixel / (1024 * 1024) + 1;
        return (int)Math.Clamp(megabytes, MinimumAllocationLimitMegabytes, int.MaxValue);
    }
}
