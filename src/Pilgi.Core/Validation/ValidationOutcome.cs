namespace Pilgi.Core.Validation;

/// <summary>Whether a field value is acceptable and, when not, a stable reason code from <see cref="ValidationReasons"/>.</summary>
public readonly record struct ValidationOutcome(bool Valid, string? Reason)
{
    public static ValidationOutcome Ok { get; } = new(true, null);

    public static ValidationOutcome Invalid(string reason) => new(false, reason);
}
