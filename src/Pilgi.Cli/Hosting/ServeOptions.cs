using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Pilgi.Pipeline.Hosting;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// Settings of the local durable host (<c>serve</c>), bound from the configuration section <see cref="SectionName"/>
/// (<c>Pilgi:Serve:TaskHub</c>, or the environment variable <c>Pilgi__Serve__TaskHub</c>). The pipeline's own
/// settings stay under <see cref="PipelineOptions.SectionName"/>.
/// </summary>
public sealed partial class ServeOptions
{
    public const string SectionName = "Pilgi:Serve";

    /// <summary>
    /// The storage account that holds the blobs (<c>templates</c>, <c>scans</c>, <c>results</c>, …) and the durable
    /// state (the task hub's queues and tables): an Azure Storage connection string, <c>UseDevelopmentStorage=true</c>
    /// for Azurite. When unset, <c>Pilgi:Pipeline:StorageConnectionString</c>, then <c>AzureWebJobsStorage</c>.
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>The task hub (names the queues and tables of the durable state): 3–45 letters and digits, a letter first.</summary>
    public string TaskHub { get; set; } = "pilgi";

    /// <summary>How often the <c>scans</c> container is listed.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>
    /// Activities (pipeline steps) run at once. They are mostly CPU-bound but also wait on storage: one more than the
    /// cores keeps the cores busy.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount + 1;

    /// <summary>Orchestration episodes (cheap replays) run at once.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 32;

    /// <summary>Control-queue partitions of a new task hub (fixed once the hub exists; Durable Functions' default is 4).</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// The longest wait between two looks at an idle queue. The Durable Task default (30 s) saves transactions on
    /// Azure; locally half a second keeps a scan's steps from waiting on each other.
    /// </summary>
    public double MaxQueuePollingSeconds { get; set; } = 0.5;

    /// <summary>
    /// How long a dequeued message stays hidden from other workers. A message whose worker died comes back after
    /// this, so in-flight scans resume no sooner; it must outlast the slowest activity (the sidecar does not renew it).
    /// </summary>
    public double MessageVisibilitySeconds { get; set; } = 300;

    /// <summary>
    /// Keeps a running scan's orchestration in memory between its steps (Durable Task "extended sessions"), so
    /// each step's result does not reload the scan's history from the table; an idle session is let go after
    /// <see cref="ExtendedSessionIdleSeconds"/>.
    /// </summary>
    public bool ExtendedSessions { get; set; } = true;

    public double ExtendedSessionIdleSeconds { get; set; } = 30;

    /// <summary>This worker's name in the partition table (unique per process unless set).</summary>
    public string? WorkerId { get; set; }

    /// <summary>On Ctrl-C, how long in-flight scans may take to finish before the host stops anyway (they resume on the next start).</summary>
    public double DrainSeconds { get; set; } = 30;

    /// <summary>
    /// Scans in flight at once; newer uploads wait in storage until one ends. Enough to keep every activity slot
    /// busy while other scans wait on the queues between their steps, few enough that a scan is not held up behind
    /// a whole burst (see <see cref="ScanWatcher"/>).
    /// </summary>
    public int MaxScansInFlight { get; set; } = 4 * (Environment.ProcessorCount + 1);

    /// <summary>How often the scans in flight are looked at (to log their end and start waiting ones).</summary>
    public double FollowSeconds { get; set; } = 0.5;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);
    public TimeSpan FollowInterval => TimeSpan.FromSeconds(FollowSeconds);
    public TimeSpan DrainTimeout => TimeSpan.FromSeconds(DrainSeconds);

    /// <summary>The options from configuration: <see cref="SectionName"/>, with the storage fallbacks applied; validated.</summary>
    public static ServeOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ServeOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.StorageConnectionString = StorageFrom(configuration);
        options.Validate();
        return options;
    }

    /// <summary>
    /// The storage account's connection string: <c>Pilgi:Serve:StorageConnectionString</c> (<c>--storage</c>), then
    /// <c>Pilgi:Pipeline:StorageConnectionString</c>, then <c>AzureWebJobsStorage</c>; null when none is set.
    /// </summary>
    public static string? StorageFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new[]
        {
            configuration[$"{SectionName}:{nameof(StorageConnectionString)}"],
            configuration[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.StorageConnectionString)}"],
            configuration["AzureWebJobsStorage"],
        }.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StorageConnectionString))
            throw new ArgumentException(
                $"No storage: pass --storage <connection string> (\"UseDevelopmentStorage=true\" for Azurite) or set {SectionName}:{nameof(StorageConnectionString)}.");
        if (!TaskHubPattern().IsMatch(TaskHub ?? ""))
            throw new ArgumentException($"Task hub '{TaskHub}' must be 3-45 letters and digits, starting with a letter.");
        Positive(PollSeconds, nameof(PollSeconds));
        Positive(MaxQueuePollingSeconds, nameof(MaxQueuePollingSeconds));
        Positive(MessageVisibilitySeconds, nameof(MessageVisibilitySeconds));
        if (DrainSeconds < 0) throw new ArgumentException($"{SectionName}:{nameof(DrainSeconds)} must not be negative.");
        Positive(MaxConcurrentActivities, nameof(MaxConcurrentActivities));
        Positive(MaxConcurrentOrchestrations, nameof(MaxConcurrentOrchestrations));
        Positive(MaxScansInFlight, nameof(MaxScansInFlight));
        Positive(FollowSeconds, nameof(FollowSeconds));
        Positive(ExtendedSessionIdleSeconds, nameof(ExtendedSessionIdleSeconds));
        if (PartitionCount is < 1 or > 16) throw new ArgumentException($"{SectionName}:{nameof(PartitionCount)} must be 1-16.");
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0)) throw new ArgumentException($"{SectionName}:{name} must be positive, not {value}.");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubPattern();
}
