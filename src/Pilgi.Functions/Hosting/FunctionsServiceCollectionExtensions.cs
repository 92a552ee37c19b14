using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pilgi.Functions.Http;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Logging;
using Pilgi.Storage;

namespace Pilgi.Functions.Hosting;

/// <summary>
/// What the Functions app adds to the pipeline's services: options from configuration, the blob store on the trigger's
/// account, and logging that masks personal numbers.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline (<see cref="PipelineServiceCollectionExtensions.AddPilgiPipeline"/>) with
    /// <see cref="PipelineOptions"/> bound from <c>Pilgi:Pipeline:*</c> (app settings <c>Pilgi__Pipeline__*</c>), relative
    /// folders taken from the app's folder, and the blob store on <see cref="FunctionSettings.StorageConnection"/> unless
    /// the options name another; <see cref="InferenceOptions"/> from <c>Pilgi:Inference:*</c> (in-process or the inference service);
    /// <see cref="OutputOptions"/> from <c>Pilgi:Output:*</c>; <see cref="EventOptions"/> from <c>Pilgi:Events:*</c> (the queue
    /// <c>scan-events</c> on the same account, or Event Grid with the identity <c>Pilgi:Events:credential</c>/<c>clientId</c>
    /// name); and every log entry of the worker
    /// masked (<see cref="PiiMaskingLoggingExtensions.AddPiiMasking(IServiceCollection)"/>).
    /// </summary>
    public static IServiceCollection AddPilgiFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddPiiMasking();
        services.AddAzureClientsCore(); // AzureComponentFactory: credentials for identity-based connections
        services.TryAddSingleton<IBlobStore>(sp => CreateBlobStore(sp, configuration));
        services.TryAddSingleton<IMessageQueue>(sp => CreateMessageQueue(sp, configuration));
        // Event Grid: the identity Pilgi:Events:credential / :clientId name (managedidentity + the app's client id in Azure)
        services.TryAddSingleton<TokenCredential>(sp => sp.GetRequiredService<AzureComponentFactory>()
            .CreateTokenCredential(configuration.GetSection(EventOptions.SectionName)));
        services.AddPilgiPipeline();
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.SectionName))
            .PostConfigure(o =>
            {
                o.ModelsDirectory = FromAppFolder(o.ModelsDirectory)!;
                o.TemplatesDirectory = FromAppFolder(o.TemplatesDirectory);
                o.LocalStorageDirectory = FromAppFolder(o.LocalStorageDirectory);
            });
        services.AddOptions<OutputOptions>().Bind(configuration.GetSection(OutputOptions.SectionName));
        services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.SectionName));
        services.AddOptions<InferenceOptions>().Bind(configuration.GetSection(InferenceOptions.SectionName));
        services.TryAddSingleton<HealthCheck>();
        services.TryAddSingleton<ScanStatusQuery>();
        return services;
    }

    private static IBlobStore CreateBlobStore(IServiceProvider services, IConfiguration configuration)
    {
        var o = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(o.StorageConnectionString)) return new AzureBlobStore(o.StorageConnectionString);
        if (!string.IsNullOrWhiteSpace(o.LocalStorageDirectory)) return new FileBlobStore(o.LocalStorageDirectory);
        return new AzureBlobStore(StorageConnection.CreateBlobServiceClient(configuration, FunctionSettings.StorageConnection,
            services.GetService<AzureComponentFactory>()));
    }

    /// <summary>The queues beside the blob store's blobs: the same account or folder.</summary>
    private static IMessageQueue CreateMessageQueue(IServiceProvider services, IConfiguration configuration)
    {
        var o = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        return ReadingSources.MessageQueue(o) ?? new AzureMessageQueue(StorageConnection.CreateQueueServiceClient(configuration,
            FunctionSettings.StorageConnection, services.GetService<AzureComponentFactory>()));
    }

    /// <summary>A relative folder taken from the app's folder (the worker's working folder is the host's choice).</summary>
    private static string? FromAppFolder(string? path) =>
        string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
}
