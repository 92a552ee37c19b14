namespace Pilgi.Pipeline.Tests.Reading;

/// <summary>
/// What the committed models must achieve on the committed samples (held-out writers). Raise these with every
/// retrained model; never lower them to make a weaker model pass.
/// </summary>
internal static class GoldenThresholds
{
    public const double DetectionF1 = 0.95;
    public const double Cer = 0.12;
    public const double FieldsExact = 0.45;
}
