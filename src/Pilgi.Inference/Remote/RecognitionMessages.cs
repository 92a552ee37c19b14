using Pilgi.Core.Fusion;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Remote;

// The recognise call's JSON (camelCase): POST /v1/recognize.

/// <summary>One batch of crops to read; <see cref="CropToRead.Image"/> is an encoded image (PNG), base64 in JSON.</summary>
public sealed record RecognizeCropsRequest(IReadOnlyList<CropToRead> Crops);

/// <summary>A crop and the characters it may be read as (<see cref="AlphabetRanges"/>; null: any the model knows).</summary>
public sealed record CropToRead(byte[] Image, IReadOnlyList<int[]>? Alphabet = null);

/// <summary>One read per crop, in the request's order, and the model that read them ("name@version").</summary>
public sealed record RecognizeCropsResponse(string Model, IReadOnlyList<LineRead> Results);

/// <summary>
/// A read line, the probability of its least certain character, its likeliest readings (or null), and its second
/// reading (<see cref="SecondOpinion"/>: its reader's other look at the line; null from services that predate it: a field
/// is then weighed without it).
/// </summary>
public sealed record LineRead(string Text, double Confidence, IReadOnlyList<ReadCandidate>? Alternatives = null,
    SecondOpinion? SecondOpinion = null)
{
    public static LineRead From(TextRecognition r) => new(r.Text, r.Confidence, r.Alternatives, r.SecondOpinion);

    public TextRecognition ToRecognition() => new(Text, Confidence, Alternatives, SecondOpinion);
}
