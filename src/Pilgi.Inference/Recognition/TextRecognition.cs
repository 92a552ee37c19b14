namespace Pilgi.Inference.Recognition;

/// <summary>A read line: its text and the probability of its least certain character (0 when nothing was read).</summary>
public readonly record struct TextRecognition(string Text, double Confidence);
