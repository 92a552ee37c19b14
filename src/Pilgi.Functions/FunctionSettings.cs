using Microsoft.Azure.Functions.Worker;
using Pilgi.Storage;

namespace Pilgi.Functions;

/// <summary>
/// The names this host adds to the pipeline's: app settings, task hub, trigger path, routes. Attributes, host.json,
/// local.settings.sample.json and <c>infra/</c> use these (the tests hold host.json and the sample to them). The
/// orchestration's and activities' names are the pipeline's own constants.
/// </summary>
public static class FunctionSettings
{
    /// <summary>
    /// The app setting with the storage account that holds the contract's containers (scans, results, …): a
    /// connection string (<c>UseDevelopmentStorage=true</c> for Azurite), or <c>PilgiStorage__blobServiceUri</c> (+
    /// <c>__queueServiceUri</c> for the polling trigger's queues, <c>__credential</c>, <c>__clientId</c>) for a managed identity.
    /// The blob trigger listens on it and the pipeline reads and writes it, unless <c>Pilgi:Pipeline:StorageConnectionString</c>
    /// or <c>Pilgi:Pipeline:LocalStorageDirectory</c> says otherwise.
    /// </summary>
    public const string StorageConnection = "PilgiStorage";

    /// <summary>The app setting with the Functions host's own storage, which also keeps the task hub.</summary>
    public const string HostStorageConnection = "AzureWebJobsStorage";

    /// <summary>The Durable task hub (host.json <c>extensions.durableTask.hubName</c>).</summary>
    public const string TaskHub = "PilgiScans";

    /// <summary>
    /// The blob trigger's path. Binding parameters match greedily (<c>.*</c>), so for <c>scans/a/b/c.jpg</c> the
    /// host's <c>{templateId}</c> would be <c>a/b</c>: the trigger only filters on the pattern (a folder under
    /// <c>scans/</c>) and the job is parsed from the blob's full name (<see cref="Triggers.ScanUpload"/>).
    /// </summary>
    public const string ScanTriggerPath = StorageNames.Scans + "/{templateId}/{name}";

    /// <summary>
    /// How the blob trigger learns of uploads: polling (logs and container scans; local runs on Azurite) or, with
    /// <c>-p:PilgiBlobTriggerSource=EventGrid</c> at build time, Event Grid (Flex Consumption, which has no polling).
    /// The attribute takes an enum, not a <c>%setting%</c>, hence a build-time choice.
    /// </summary>
#if PILGI_BLOB_TRIGGER_EVENTGRID
    public const BlobTriggerSource ScanTriggerSource = BlobTriggerSource.EventGrid;
#else
    public const BlobTriggerSource ScanTriggerSource = BlobTriggerSource.LogsAndContainerScan;
#endif

    /// <summary><c>GET /api/scans/{templateId}/{*path}</c>: the status of the upload <c>scans/{templateId}/{path}</c>.</summary>
    public const string ScanStatusRoute = StorageNames.Scans + "/{templateId}/{*path}";

    /// <summary><c>GET /api/health</c>.</summary>
    public const string HealthRoute = "health";

    /// <summary>Application Insights (the platform's setting): when set, the app's traces and metrics go to Azure Monitor.</summary>
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// <c>ClientId=&lt;managed identity's client id&gt;;Authorization=AAD</c>: send telemetry with that identity (the
    /// resource takes no instrumentation-key ingestion); the Functions host reads the same setting.
    /// </summary>
    public const string AppInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
}

/// <summary>The names of the functions this host adds (the orchestrator and activities keep the pipeline's names).</summary>
public static class FunctionNames
{
    public const string ScanUploaded = "ScanUploaded";
    public const string ScanStatus = "ScanStatus";
    public const string Health = "Health";
}
