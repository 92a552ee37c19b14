namespace Pilgi.Core.Registration;

/// <summary>Tuning of scan-to-template registration; defaults suit A4 forms scanned at 150–300 dpi, skew within ±5°.</summary>
public sealed record RegistrationOptions
{
    /// <summary>Reference downsampling for the coarse search (8: an A4 page at 300 dpi becomes 310×438).</summary>
    public int CoarseFactor { get; init; } = 8;
    public int CoarsePatch { get; init; } = 24;
    public int CoarsePatches { get; init; } = 60;
    public int CoarseRadius { get; init; } = 20;
    /// <summary>Reference downsampling for the fine affine fit.</summary>
    public int FineFactor { get; init; } = 2;
    public int FinePatch { get; init; } = 40;
    public int FinePatches { get; init; } = 90;
    public int FineRadius { get; init; } = 6;
    public double MinCorrelation { get; init; } = 0.5;
    /// <summary>Below this score the scan is not taken to be this template.</summary>
    public double MinScore { get; init; } = 0.25;
    public int Seed { get; init; } = 12345;
    /// <summary>Fine-level RMS residual (pixels) of the affine map above which a photographed page is tried with a homography.</summary>
    public double PerspectiveMinResidual { get; init; } = 0.35;
}
