namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// What fusion knows about how surely a field was read, as the numbers <see cref="ConfidenceCalibration"/> weighs
/// (in <see cref="Names"/> order). Each is bounded, so one odd field cannot swing a fitted model.
/// </summary>
/// <param name="CharLogit">logit of the recogniser's least-certain character over the field's regions.</param>
/// <param name="ShareLogit">logit of the value's share of the probability of the readings listed (0 with none listed).</param>
/// <param name="Margin">natural-log lead of the value's reading over the next distinct reading (negative: a less likely
/// reading was chosen; <see cref="MaxMargin"/> with none other).</param>
/// <param name="MeanLogProbability">the value's reading's log-probability per character.</param>
/// <param name="NoAlternatives">1 when the recogniser listed no readings (free text, bank, address).</param>
/// <param name="Chosen">1 when fusion chose a reading other than the likeliest (its kind rejected that one).</param>
/// <param name="Corrected">1 when fusion changed the value beyond the recogniser's readings.</param>
/// <param name="Valid">1 when the kind's validator (and the checks across fields) accept the value.</param>
/// <param name="Usual">1 when the value is valid and usual (a date not far ahead, a name with a family name).</param>
/// <param name="Agreement">+1 amounts in digits and words agree, −1 they disagree, 0 not applicable.</param>
/// <param name="LogLength">ln(1 + characters in the value).</param>
/// <param name="WidthPerCharacter">ln of the box's width over its height per character: a missed or doubled
/// character shows as an odd width per character, whatever the scan's resolution.</param>
/// <param name="Regions">1 when the field was read from more than one region.</param>
/// <param name="ReadersAgree">+1 when the field's second reading (<see cref="SecondOpinion"/>) is the value, −1 when it
/// differs, 0 when there is no second reading (<see cref="ReaderAgreement"/>).</param>
/// <param name="ReadersDistance">ln(1 + edit distance) between the value and that reading (0 when they agree or there is none).</param>
/// <param name="OpinionShareLogit">logit of the share of the second reading's listed readings of the field that are the
/// value (<see cref="ReaderAgreement.Share"/>; 0 with no second reading).</param>
/// <param name="PeersCharLogit">the mean <paramref name="CharLogit"/> of the form's other read fields that the same
/// reader read (digit fields by the digit reader, the rest by the main network; <see cref="WriterContext"/>): one hand
/// fills a form, so how surely its other fields were read says how legible this writer is to that reader.</param>
public sealed record ConfidenceFeatures(
    double CharLogit,
    double ShareLogit,
    double Margin,
    double MeanLogProbability,
    double NoAlternatives,
    double Chosen,
    double Corrected,
    double Valid,
    double Usual,
    double Agreement,
    double LogLength,
    double WidthPerCharacter,
    double Regions,
    double ReadersAgree = 0,
    double ReadersDistance = 0,
    double OpinionShareLogit = 0,
    double PeersCharLogit = 0)
{
    /// <summary>The features' names, in the order of <see cref="ToArray"/> (and of a fitted model's weights).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "charLogit", "shareLogit", "margin", "meanLogProbability", "noAlternatives", "chosen", "corrected", "valid",
        "usual", "agreement", "logLength", "widthPerCharacter", "regions", "readersAgree", "readersDistance",
        "opinionShareLogit", "peersCharLogit",
    ];

    public const double MaxLogit = 9;
    public const double MaxMargin = 10;
    public const double MinMeanLogProbability = -5;

    public double[] ToArray() =>
    [
        CharLogit, ShareLogit, Margin, MeanLogProbability, NoAlternatives, Chosen, Corrected, Valid, Usual, Agreement,
        LogLength, WidthPerCharacter, Regions, ReadersAgree, ReadersDistance, OpinionShareLogit, PeersCharLogit,
    ];

    /// <summary>The inverse of <see cref="ToArray"/>.</summary>
    public static ConfidenceFeatures FromArray(IReadOnlyList<double> v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Count != Names.Count) throw new ArgumentException($"{Names.Count} features are needed, not {v.Count}.", nameof(v));
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16]);
    }

    /// <summary>ln(p / (1 − p)), bounded to ±<see cref="MaxLogit"/>.</summary>
    public static double Logit(double p)
    {
        double bound = 1 / (1 + Math.Exp(MaxLogit));
        p = Math.Clamp(double.IsNaN(p) ? 0 : p, bound, 1 - bound);
        return Math.Log(p / (1 - p));
    }
}
