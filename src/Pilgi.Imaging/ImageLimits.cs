namespace Pilgi.Imaging;

/// <summary>
/// What an uploaded scan may be before <see cref="GuardedDecoder"/> refuses it.
/// Bind from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed record ImageLimits
{
    public const string SectionName = "Pilgi:Limits";

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxBytes { get; set; } = 40L * 1024 * 1024;

    public int MaxWidth { get; set; } = 12_000;
    public int MaxHeight { get; set; } = 12_000;
    public long MaxPixelsPerPage { get; set; } = 50_000_000;
    public int MaxPages { get; set; } = 20;

    /// <summary>Pixels summed over all pages of one upload.</summary>
    public long MaxTotalPixels { get; set; } = 200_000_000;

    /// <summary>Whether scanned PDFs are read; when false a PDF is refused like any other foreign format.</summary>
    public bool AllowPdf { get; set; } = true;

    /// <summary>What a crop of a page may be (the inference service's recognise requests, <c>eval --lines</c>): small, any
    /// size down to a pixel, one page only.</summary>
    public static ImageLimits ForCrops() => new()
    {
        MaxBytes = 4L * 1024 * 1024,
        MaxWidth = 8192,
        MaxHeight = 2048,
        MaxPixelsPerPage = 8_000_000,
        MaxTotalPixels = 8_000_000,
        MaxPages = 1,
        AllowPdf = false, // crops are the pipeline's own PNGs: no PDF parser behind the recognise endpoint
        MinWidth = 1,
        MinHeight = 1,
        DecodeTimeout = TimeSpan.FromSeconds(5),
    };

    public int MinWidth { get; set; } = 100;
    public int MinHeight { get; set; } = 100;

    /// <summary>How long decoding the pixels may take; header checks are not counted, but a PDF's parsing is.</summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytes, 1, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWidth, 1, nameof(MaxWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeight, 1, nameof(MaxHeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPixelsPerPage, 1, nameof(MaxPixelsPerPage));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPages, 1, nameof(MaxPages));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTotalPixels, 1, nameof(MaxTotalPixels));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinWidth, 1, nameof(MinWidth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinHeight, 1, nameof(MinHeight));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinWidth, MaxWidth, nameof(MinWidth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinHeight, MaxHeight, nameof(MinHeight));
        if (DecodeTimeout <= TimeSpan.Zero && DecodeTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(DecodeTimeout), DecodeTimeout, "DecodeTimeout must be positive.");
    }
}
