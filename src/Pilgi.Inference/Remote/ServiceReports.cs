namespace Pilgi.Inference.Remote;

// What the service reports about itself: GET /healthz and GET /v1/stats.

/// <summary>
/// <c>GET /healthz</c>: the execution provider the models run on ("CUDA" or "CPU", with why when CUDA was not had),
/// the models (role → name and version), how long the service has run, and how recognition batches went.
/// </summary>
public sealed record ServiceHealth(string Status, string ExecutionProvider, string? ExecutionProviderNote,
    IReadOnlyDictionary<string, ModelInfo> Models, double UptimeSeconds, RecognitionStats Recognition);

public sealed record ModelInfo(string Name, string Version)
{
    /// <summary>"name@version".</summary>
    public string Id => $"{Name}@{Version}";

    public static ModelInfo Parse(string id)
    {
        int at = id.LastIndexOf('@');
        return at > 0 ? new ModelInfo(id[..at], id[(at + 1)..]) : new ModelInfo(id, "");
    }
}

/// <summary><c>GET /v1/stats</c>: counters since the service started.</summary>
public sealed record ServiceStats(RecognitionStats Recognition, DetectionStats Detection);

/// <summary>
/// Recognise requests taken and turned away (429), the crops read, how many requests each flush of the queue merged,
/// how many crops each model run held (<see cref="RunsBySize"/>: run size → runs), and where the time went: decoding and
/// preparing crops (on the requests' threads), and model runs.
/// </summary>
public sealed record RecognitionStats(long Requests, long Rejected, long Crops, long Flushes, long Runs,
    double MeanRunSize, int MaxRunSize, double MeanRequestsPerFlush, IReadOnlyDictionary<int, long> RunsBySize,
    double PrepareSeconds = 0, double RunSeconds = 0);

/// <summary>Detect requests taken and turned away (429).</summary>
public sealed record DetectionStats(long Requests, long Rejected);
