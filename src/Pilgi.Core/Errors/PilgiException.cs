namespace Pilgi.Core.Errors;

/// <summary>
/// A failure the pipeline reports to users. <see cref="Reason"/> is a stable snake_case code
/// (see <see cref="ReasonCodes"/>) that goes into error records; the message is for humans.
/// </summary>
public sealed class PilgiException : Exception
{
    public PilgiException(string reason, string message, string? subject = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
        Subject = subject;
    }

    /// <summary>Stable snake_case reason code, e.g. <c>template_invalid</c>.</summary>
    public string Reason { get; }

    /// <summary>The file or blob the failure is about, when there is one.</summary>
    public string? Subject { get; }
}
