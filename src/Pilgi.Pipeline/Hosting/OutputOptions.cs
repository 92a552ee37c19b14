namespace Pilgi.Pipeline.Hosting;

/// <summary>
/// How results are written, bound from the configuration section <see cref="SectionName"/> (e.g.
/// <c>Pilgi:Output:MaskPii</c>; environment and app settings <c>Pilgi__Output__MaskPii</c>).
/// </summary>
public sealed class OutputOptions
{
    public const string SectionName = "Pilgi:Output";

    /// <summary>
    /// Write results with the values of rrn, phone and account fields (and of their regions) masked, personal numbers
    /// in other text fields masked, and those fields' boxes filled on the overlay so the handwriting does not show.
    /// Error records are masked whatever this says.
    /// </summary>
    public bool MaskPii { get; set; }
}
