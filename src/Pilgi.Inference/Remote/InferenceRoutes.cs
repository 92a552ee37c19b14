namespace Pilgi.Inference.Remote;

/// <summary>The inference service's routes: the service maps them, the client calls them.</summary>
public static class InferenceRoutes
{
    public const string Recognize = "/v1/recognize";
    public const string Detect = "/v1/detect";
    public const string Stats = "/v1/stats";
    public const string Health = "/healthz";
    public const string Ready = "/readyz";

    /// <summary>A route relative to a base address (so that a service behind a path prefix works).</summary>
    public static string Relative(string route) => route.TrimStart('/');
}
