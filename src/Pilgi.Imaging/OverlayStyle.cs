using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging;

/// <summary>Colours and sizes of review overlays.</summary>
public sealed record OverlayStyle
{
    public static OverlayStyle Default { get; } = new();

    public int BoxThickness { get; init; } = 3;

    /// <summary>Whole-number enlargement of the 20 px atlas text, for very large scans.</summary>
    public int TextScale { get; init; } = 1;

    /// <summary>White margin around a label's text.</summary>
    public int LabelPadding { get; init; } = 2;

    public Rgb24 ValidColor { get; init; } = new(0, 170, 60);
    public Rgb24 NeedsReviewColor { get; init; } = new(255, 140, 0);
    public Rgb24 InvalidColor { get; init; } = new(220, 20, 20);
    public Rgb24 TextColor { get; init; } = new(0, 0, 0);
    public Rgb24 LabelBackground { get; init; } = new(255, 255, 255);

    /// <summary>What fills the box of a redacted field.</summary>
    public Rgb24 RedactionColor { get; init; } = new(128, 128, 128);

    public Rgb24 ColorFor(OverlayState state) => state switch
    {
        OverlayState.Valid => ValidColor,
        OverlayState.NeedsReview => NeedsReviewColor,
        OverlayState.Invalid => InvalidColor,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
