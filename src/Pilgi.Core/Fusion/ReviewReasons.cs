namespace Pilgi.Core.Fusion;

/// <summary>
/// Stable reason codes of a field flagged for review that its validator accepts (written into results; never rename).
/// An invalid field carries its validator's code instead (<see cref="Validation.ValidationReasons"/>).
/// </summary>
public static class ReviewReasons
{
    /// <summary>Handwriting was found in the field but read as nothing.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Fusion changed the value beyond the recogniser's readings (a bank name one letter off a known one).</summary>
    public const string Corrected = "corrected";

    /// <summary>The value's confidence is below its kind's review threshold.</summary>
    public const string LowConfidence = "low_confidence";
}
