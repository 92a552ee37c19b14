using Pilgi.Core.Results;
using Pilgi.Inference.Recognition;

namespace Pilgi.Reading;

/// <summary>
/// A line crop read on its own (<see cref="ReadingSteps.ReadLinesAsync"/>): the text it is taken to hold ("" when nothing
/// was read) and its confidence, what the recogniser read, and, when read as a field of a kind, the field fusion made of it.
/// </summary>
public sealed record LineReading(string Text, double Confidence, TextRecognition Recognized, FieldResult? Field);
