namespace Pilgi.Inference.Remote;

/// <summary>When a failed call to the inference service may be done in this process instead.</summary>
public static class InferenceFallback
{
    /// <summary>
    /// The service could not be reached or kept failing (no answer, a broken connection, 5xx or 429 until the retries
    /// ran out). A refusal of the request itself (4xx) or bad input is not: this process would refuse it too.
    /// </summary>
    public static bool IsUnavailable(Exception e) =>
        e is InferenceServiceException { Status: null or >= 500 or 429 };
}
