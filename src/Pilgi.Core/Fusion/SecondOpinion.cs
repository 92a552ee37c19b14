namespace Pilgi.Core.Fusion;

/// <summary>
/// A second reading of a crop (within the same alphabet): its reader's other look at it, the crop scaled to another
/// width. Where the two readings agree the value is more likely right, where they differ less
/// (<see cref="Confidence.ReaderAgreement"/>). Equal when text, confidence and alternatives are.
/// </summary>
/// <param name="Text">What the second reading read (its likeliest path).</param>
/// <param name="Confidence">The probability of its least certain character (0 when it read nothing).</param>
/// <param name="Alternatives">Its likeliest readings, best first (null when it read nothing): how much of its
/// probability the field's value holds.</param>
public sealed record SecondOpinion(string Text, double Confidence, IReadOnlyList<ReadCandidate>? Alternatives = null)
{
    public bool Equals(SecondOpinion? other) =>
        other is not null && Text == other.Text && Confidence.Equals(other.Confidence)
        && (Alternatives ?? []).SequenceEqual(other.Alternatives ?? []) && (Alternatives is null) == (other.Alternatives is null);

    public override int GetHashCode() => HashCode.Combine(Text, Confidence, Alternatives?.Count ?? -1);
}
