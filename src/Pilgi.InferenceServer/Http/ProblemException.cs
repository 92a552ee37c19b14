namespace Pilgi.InferenceServer.Http;

/// <summary>A request answered with a problem details reply (<see cref="ProblemReplies"/> writes it).</summary>
internal sealed class ProblemException(int status, string title, string detail, string? reason = null, int? retryAfterSeconds = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    /// <summary>A Pilgi reason code (<c>ReasonCodes</c>) when the problem is one the pipeline knows.</summary>
    public string? Reason { get; } = reason;

    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public static ProblemException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The request body may be at most {maxBytes:N0} bytes.");

    public static ProblemException Busy(string detail, int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests", detail, retryAfterSeconds: retryAfterSeconds);
}
