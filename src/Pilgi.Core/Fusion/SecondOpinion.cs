namespace Pilgi.Core.Fusion;

/// <summary>
/// The release's main network's reading of a crop that a specialist read (the same pixels, within the same alphabet,
/// its likeliest path): where the two networks agree the reading is more likely right, where they differ less
/// (<see cref="Confidence.ConfidenceFeatures.ReadersAgree"/>).
/// </summary>
/// <param name="Text">What the main network read.</param>
/// <param name="Confidence">The probability of its least certain character (0 when it read nothing).</param>
public sealed record SecondOpinion(string Text, double Confidence);
