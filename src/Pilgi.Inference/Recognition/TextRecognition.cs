using Pilgi.Core.Fusion;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// A read line: its text and the probability of its least certain character (0 when nothing was read), and, for lines
/// read within a small alphabet, the likeliest readings best first (<see cref="CtcDecoder.BeamSearch"/>). A line read
/// with a second look carries that look's reading (<see cref="SecondOpinion"/>; null otherwise).
/// Equal when text, confidence, alternatives and second opinion are.
/// </summary>
public readonly record struct TextRecognition(string Text, double Confidence, IReadOnlyList<ReadCandidate>? Alternatives = null,
    SecondOpinion? SecondOpinion = null)
{
    /// <summary>
    /// A look's frame probabilities, kept from the run until its line's looks are weighed together
    /// (<see cref="SecondOpinions.Attach"/>, which drops them); never part of a line's result or of equality.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public FrameLattice? Frames { get; init; }

    public bool Equals(TextRecognition other) =>
        Text == other.Text && Confidence.Equals(other.Confidence)
        && (Alternatives ?? []).SequenceEqual(other.Alternatives ?? []) && SecondOpinion == other.SecondOpinion;

    public override int GetHashCode() => HashCode.Combine(Text, Confidence, Alternatives?.Count ?? 0, SecondOpinion);
}
