using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The durable state of the local host: the Durable Task Framework's Azure Storage backend (the one Durable Functions
/// runs on) in the same account as the blobs. The task hub's control and work-item queues, its history and instance
/// tables and its partition table live there, so a restarted host picks up where the last one stopped.
/// </summary>
public static class DurableBackend
{
    /// <summary>A worker name of its own for each host: machine, process and a few random digits.</summary>
    public static string NewWorkerId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    public static AzureStorageOrchestrationService Create(ServeOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        var visibility = TimeSpan.FromSeconds(options.MessageVisibilitySeconds);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString!),
            TaskHubName = options.TaskHub,
            WorkerId = options.WorkerId ?? NewWorkerId(),
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(options.MaxQueuePollingSeconds),
            ControlQueueVisibilityTimeout = visibility,
            WorkItemQueueVisibilityTimeout = visibility,
            // one host per task hub locally: the app lease (a blob lease that keeps a second app version off the hub)
            // would only make a restart after a crash wait for it to expire
            UseAppLease = false,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(options.ExtendedSessionIdleSeconds),
            LoggerFactory = loggerFactory,
        };
        return new AzureStorageOrchestrationService(settings);
    }
}
