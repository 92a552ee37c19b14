namespace Pilgi.Imaging.Pages;

/// <summary>Tuning of <see cref="PageFinder"/>; the defaults suit phone photos of A4/A5 forms of 3–12 MP.</summary>
public sealed record PageFinderOptions
{
    /// <summary>Photos are searched for their sheet at about this many pixels on the long side.</summary>
    public int SearchLongSide { get; init; } = 800;

    /// <summary>Width of the image's border band, as a share of the short side, looked at to tell a scan from a photo.</summary>
    public double BorderBand { get; init; } = 0.015;

    /// <summary>A page is taken to fill the image when at least this share of its border band is as bright as paper.</summary>
    public double FlatBorderShare { get; init; } = 0.8;

    /// <summary>A sheet found must cover at least this share of the photo.</summary>
    public double MinSheetShare { get; init; } = 0.15;

    /// <summary>Paper is brought to this grey after its light is evened out (scans' paper lies near it).</summary>
    public byte PaperLevel { get; init; } = 247;
}
