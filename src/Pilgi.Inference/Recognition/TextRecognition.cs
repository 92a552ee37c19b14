using Pilgi.Core.Fusion;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// A read line: its text and the probability of its least certain character (0 when nothing was read), and, for lines
/// read within a small alphabet, the likeliest readings best first (<see cref="CtcDecoder.BeamSearch"/>).
/// Equal when text, confidence and alternatives are.
/// </summary>
public readonly record struct TextRecognition(string Text, double Confidence, IReadOnlyList<ReadCandidate>? Alternatives = null)
{
    public bool Equals(TextRecognition other) =>
        Text == other.Text && Confidence.Equals(other.Confidence)
        && (Alternatives ?? []).SequenceEqual(other.Alternatives ?? []);

    public override int GetHashCode() => HashCode.Combine(Text, Confidence, Alternatives?.Count ?? 0);
}
