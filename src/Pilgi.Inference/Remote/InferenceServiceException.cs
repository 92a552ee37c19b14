namespace Pilgi.Inference.Remote;

/// <summary>
/// The inference service could not be used: it kept failing or turning the call away until the retries ran out, or it
/// answered in a way the client does not understand. Not bad input (that is a <c>PilgiException</c>), so callers may
/// try again later.
/// </summary>
public sealed class InferenceServiceException(string message, int? status = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status of the last answer, when there was one.</summary>
    public int? Status { get; } = status;
}
