using System.Text.Json;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// What a task hub's instance table says of scans in flight (<c>pilgi results</c>): their orchestration's runtime
/// status and the stage it is in (its custom status, <see cref="Pipeline.Orchestration.ReadScanStages"/>), read from
/// storage with no host running. An instance the hub does not hold has not been started: no host has seen the upload.
/// A hub no host has created is not created here (the backend's queries would create it): its instances are all
/// not started.
/// </summary>
internal sealed class TaskHubStages(string connectionString, string taskHub) : IDisposable
{
    /// <summary>Instances looked up at once.</summary>
    private const int ParallelQueries = 8;

    public const string NotStarted = "not started (no host has picked it up)";

    private readonly AzureStorageOrchestrationService _service = new(new AzureStorageOrchestrationServiceSettings
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = taskHub,
        LoggerFactory = NullLoggerFactory.Instance,
    });

    /// <summary>Instance id → "running (detect)", "pending", "failed", <see cref="NotStarted"/>.</summary>
    public async Task<Dictionary<string, string>> DescribeAsync(IEnumerable<string> instanceIds, CancellationToken ct)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (!await HubExistsAsync(ct)) return instanceIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => NotStarted, StringComparer.Ordinal);
        await Parallel.ForEachAsync(instanceIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelQueries, CancellationToken = ct },
            async (id, _) => found[id] = Describe((await _service.GetOrchestrationStateAsync(id, allExecutions: false)).FirstOrDefault()));
        return new Dictionary<string, string>(found, StringComparer.Ordinal);
    }

    /// <summary>Whether a host has created the hub: its instance table (<c>&lt;hub&gt;Instances</c>) exists.</summary>
    private async Task<bool> HubExistsAsync(CancellationToken ct)
    {
        string table = taskHub + "Instances";
        await foreach (var _ in new TableServiceClient(connectionString).QueryAsync(t => t.Name == table, cancellationToken: ct)) return true;
        return false;
    }

    private static string Describe(OrchestrationState? state)
    {
        if (state is null) return NotStarted;
        string status = state.OrchestrationStatus.ToString().ToLowerInvariant();
        return Stage(state.Status) is { } stage ? $"{status} ({stage})" : status;
    }

    /// <summary>The custom status as the SDK stores it: a JSON string (<c>"detect"</c>).</summary>
    private static string? Stage(string? customStatus)
    {
        if (string.IsNullOrWhiteSpace(customStatus)) return null;
        try
        {
            return JsonSerializer.Deserialize<string>(customStatus);
        }
        catch (JsonException)
        {
            return customStatus;
        }
    }

    public void Dispose() => _service.Dispose();
}
