namespace Pilgi.Inference.Remote;

/// <summary>
/// Where detection and recognition run, bound from the configuration section <see cref="SectionName"/>
/// (<c>Pilgi:Inference:Mode</c>, environment <c>Pilgi__Inference__Mode</c>), and how the remote client behaves.
/// </summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Pilgi:Inference";

    public InferenceMode Mode { get; set; } = InferenceMode.InProcess;

    /// <summary>The inference service's base address, e.g. <c>http://127.0.0.1:8080</c> (needed when <see cref="Mode"/> is Remote).</summary>
    public string? Url { get; set; }

    /// <summary>
    /// With <see cref="Mode"/> Remote: when the service stays unavailable after the retries, detect and recognise in
    /// this process instead (the local models are loaded on the first such call). Off by default: a host sized for
    /// a GPU service may not have the memory or cores to do the work itself.
    /// </summary>
    public bool FallbackToInProcess { get; set; }

    /// <summary>How long one attempt of a call may take before it is abandoned (and retried).</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries of a call after a 429, a 5xx, a timeout or a broken connection (bad input is never retried).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry waits up to this long (full jitter), each later one up to twice as long as the one before.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 0.2;

    /// <summary>No wait between attempts is longer, a server's Retry-After included.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 10;

    /// <summary>Crops per recognise call; a longer list is sent as several calls.</summary>
    public int MaxCropsPerRequest { get; set; } = 64;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
    public TimeSpan RetryBaseDelay => TimeSpan.FromSeconds(RetryBaseDelaySeconds);
    public TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(MaxRetryDelaySeconds);

    /// <summary>The service's address as a base for relative routes (with a trailing slash).</summary>
    public Uri BaseAddress()
    {
        if (string.IsNullOrWhiteSpace(Url) || !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{SectionName}:{nameof(Url)} must be the inference service's http(s) address, not '{Url}'.");
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Mode == InferenceMode.Remote) BaseAddress();
        if (!(TimeoutSeconds > 0)) throw new ArgumentException($"{SectionName}:{nameof(TimeoutSeconds)} must be positive.");
        if (MaxRetries < 0) throw new ArgumentException($"{SectionName}:{nameof(MaxRetries)} must not be negative.");
        if (!(RetryBaseDelaySeconds >= 0)) throw new ArgumentException($"{SectionName}:{nameof(RetryBaseDelaySeconds)} must not be negative.");
        if (!(MaxRetryDelaySeconds >= RetryBaseDelaySeconds))
            throw new ArgumentException($"{SectionName}:{nameof(MaxRetryDelaySeconds)} must be at least {nameof(RetryBaseDelaySeconds)}.");
        if (MaxCropsPerRequest < 1) throw new ArgumentException($"{SectionName}:{nameof(MaxCropsPerRequest)} must be positive.");
    }
}
