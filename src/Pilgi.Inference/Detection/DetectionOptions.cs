namespace Pilgi.Inference.Detection;

public sealed record DetectionOptions
{
    /// <summary>Work at 1/Factor of the template's resolution (2: 150 dpi for a 300 dpi template).</summary>
    public int Factor { get; init; } = 2;
    /// <summary>Scan pixels this much darker than the paper are ink (faint pencil-like strokes included).</summary>
    public int InkContrast { get; init; } = 55;
    /// <summary>Printed-form pixels grow by this many working pixels before subtraction (absorbs misregistration).</summary>
    public int PrintMaskRadius { get; init; } = 2;
    /// <summary>Components smaller than this (working pixels) are noise.</summary>
    public int MinComponentPixels { get; init; } = 10;
    /// <summary>How far around a field box its handwriting may reach, in field heights.</summary>
    public double FieldMarginX { get; init; } = 0.2;
    public double FieldMarginY { get; init; } = 0.35;
    /// <summary>A field with less ink than this (working pixels) is blank.</summary>
    public int MinFieldInk { get; init; } = 40;
}
