using Pilgi.Imaging;

namespace Pilgi.InferenceServer;

/// <summary>
/// Settings of the inference service, bound from <see cref="SectionName"/> (<c>Pilgi:InferenceServer:MaxBatchSize</c>,
/// environment <c>Pilgi__InferenceServer__MaxBatchSize</c>, command line <c>--Pilgi:InferenceServer:MaxBatchSize=1</c>).
/// Models, forms, detection options and page limits are the pipeline's settings (<c>Pilgi:Pipeline:*</c>).
/// </summary>
public sealed class InferenceServerOptions
{
    public const string SectionName = "Pilgi:InferenceServer";

    /// <summary>Where the service listens when nothing else says (ASPNETCORE_URLS, --urls, Kestrel:Endpoints): loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Auto: CUDA when it can be had, else CPU. Cpu: never try CUDA. Cuda: fail to start without it.</summary>
    public ExecutionProviderChoice ExecutionProvider { get; set; } = ExecutionProviderChoice.Auto;

    public int CudaDeviceId { get; set; }

    /// <summary>Crops in one model run at most (1: every crop alone, i.e. no batching).</summary>
    public int MaxBatchSize { get; set; } = 128;

    /// <summary>How long a flush of the queue waits for more requests to join the first before running.</summary>
    public double BatchWindowMilliseconds { get; set; } = 5;

    /// <summary>Recognise requests waiting for the model at most; one more is turned away with 429.</summary>
    public int QueueCapacity { get; set; } = 64;

    public int MaxCropsPerRequest { get; set; } = 256;

    /// <summary>Characters of one crop's alphabet at most.</summary>
    public int MaxAlphabetLength { get; set; } = 16_384;

    public long MaxRecognizeRequestBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>A detect request carries a whole page (base64 in JSON: about 4/3 of the image file).</summary>
    public long MaxDetectRequestBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Pages detected at once; further detect requests wait, up to <see cref="DetectionQueueCapacity"/>, then get 429.</summary>
    public int MaxConcurrentDetections { get; set; } = Environment.ProcessorCount;

    public int DetectionQueueCapacity { get; set; } = 16;

    /// <summary>What a 429 tells the client to wait.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>What a crop may be (crops are small, and never pages).</summary>
    public ImageLimits CropLimits { get; set; } = ImageLimits.ForCrops();

    public TimeSpan BatchWindow => TimeSpan.FromMilliseconds(BatchWindowMilliseconds);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Positive(MaxBatchSize, nameof(MaxBatchSize));
        Positive(QueueCapacity, nameof(QueueCapacity));
        Positive(MaxCropsPerRequest, nameof(MaxCropsPerRequest));
        Positive(MaxAlphabetLength, nameof(MaxAlphabetLength));
        Positive(MaxRecognizeRequestBytes, nameof(MaxRecognizeRequestBytes));
        Positive(MaxDetectRequestBytes, nameof(MaxDetectRequestBytes));
        Positive(MaxConcurrentDetections, nameof(MaxConcurrentDetections));
        Positive(RetryAfterSeconds, nameof(RetryAfterSeconds));
        if (DetectionQueueCapacity < 0) throw new ArgumentException($"{SectionName}:{nameof(DetectionQueueCapacity)} must not be negative.");
        if (!(BatchWindowMilliseconds >= 0 && BatchWindowMilliseconds <= 1000))
            throw new ArgumentException($"{SectionName}:{nameof(BatchWindowMilliseconds)} must be 0-1000.");
        if (CudaDeviceId < 0) throw new ArgumentException($"{SectionName}:{nameof(CudaDeviceId)} must not be negative.");
        CropLimits.Validate();
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0)) throw new ArgumentException($"{SectionName}:{name} must be positive, not {value}.");
    }
}

public enum ExecutionProviderChoice
{
    Auto,
    Cpu,
    Cuda,
}
