namespace Pilgi.Core.Fusion;

/// <summary>Thresholds of <see cref="FieldFusion"/>. Defaults are the contract values.</summary>
public sealed record FusionOptions
{
    public static FusionOptions Default { get; } = new();

    /// <summary>Share of a region's (template-space) area that must lie inside the inflated field box to assign it.</summary>
    public double MinRegionCoverage { get; init; } = 0.5;

    /// <summary>Field boxes grow on every side by this fraction of the field height before coverage is measured.</summary>
    public double FieldInflateFraction { get; init; } = 0.10;

    /// <summary>Regions on one line closer than this fraction of their height are joined without a space.</summary>
    public double SameLineGapFraction { get; init; } = 0.6;

    /// <summary>A region joins a line when its vertical centre is within this fraction of the line's height of the line's centre.</summary>
    public double SameLineCenterFraction { get; init; } = 0.5;

    /// <summary>Without a <see cref="Calibration"/>: fields read with a (raw) confidence below this need review.</summary>
    public double ReviewConfidence { get; init; } = 0.80;

    /// <summary>The recogniser's confidence calibration (from its descriptor); null: raw confidences, <see cref="ReviewConfidence"/>.</summary>
    public Confidence.ConfidenceCalibration? Calibration { get; init; }

    /// <summary>The target shares of wrong accepted values (<c>Pilgi:Review</c>) the kinds' review thresholds are derived from
    /// (<see cref="Confidence.KindThresholds"/>).</summary>
    public ReviewOptions Review { get; init; } = new();

    /// <summary>How many other readings a flagged field offers its reviewer.</summary>
    public int ReviewAlternatives { get; init; } = 3;

    /// <summary>How many joint readings of a field's regions are weighed against its kind's checks.</summary>
    public int CandidateLimit { get; init; } = 32;

    /// <summary>
    /// How much less likely (natural log) than the likeliest reading a reading may be and still be chosen because its
    /// kind accepts it (6: about 400 times less likely).
    /// </summary>
    public double CandidateMargin { get; init; } = 6.0;
}
