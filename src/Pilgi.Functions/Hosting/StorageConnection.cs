using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Pilgi.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Pilgi.Functions.Hosting;

/// <summary>
/// A <see cref="BlobServiceClient"/> (and <see cref="QueueServiceClient"/>) for a Functions connection setting, read the way the host's bindings read it, so
/// that the pipeline writes to the account the trigger listens on: <c>ConnectionStrings:&lt;name&gt;</c>,
/// <c>AzureWebJobs&lt;name&gt;</c> or <c>&lt;name&gt;</c>, holding either a connection string or an identity-based
/// section (<c>blobServiceUri</c>, <c>serviceUri</c> or <c>accountName</c>, with <c>credential</c>/<c>clientId</c>).
/// </summary>
public static class StorageConnection
{
    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, string name, AzureComponentFactory? components)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var section = Find(configuration, name) ?? throw new InvalidOperationException(
            $"The storage connection '{name}' is not configured: set the app setting '{name}' to a connection string " +
            $"(UseDevelopmentStorage=true for Azurite), or '{name}__blobServiceUri' for a managed identity.");
        if (!string.IsNullOrWhiteSpace(section.Value)) return new BlobServiceClient(section.Value);

        var uri = ServiceUri(section) ?? throw new InvalidOperationException(
            $"The storage connection '{name}' has neither a connection string nor 'blobServiceUri', 'serviceUri' or 'accountName'.");
        if (components is null)
            throw new InvalidOperationException($"The storage connection '{name}' is identity-based, and no {nameof(AzureComponentFactory)} is registered.");
        return new BlobServiceClient(uri, components.CreateTokenCredential(section));
    }

    /// <summary>
    /// A <see cref="QueueServiceClient"/> on the same account as <see cref="CreateBlobServiceClient"/> (<c>queueServiceUri</c>
    /// or <c>accountName</c> for an identity), with base64 messages (<see cref="AzureMessageQueue.Options"/>).
    /// </summary>
    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, string name, AzureComponentFactory? components)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var section = Find(configuration, name) ?? throw new InvalidOperationException(
            $"The storage connection '{name}' is not configured: set the app setting '{name}' to a connection string " +
            $"(UseDevelopmentStorage=true for Azurite), or '{name}__queueServiceUri' for a managed identity.");
        if (!string.IsNullOrWhiteSpace(section.Value)) return new QueueServiceClient(section.Value, AzureMessageQueue.Options());

        Uri? uri = section["queueServiceUri"] is { Length: > 0 } queue ? new Uri(queue)
            : section["accountName"] is { Length: > 0 } account ? new Uri($"https://{account}.queue.core.windows.net")
            : null;
        if (uri is null)
            throw new InvalidOperationException($"The storage connection '{name}' has neither a connection string nor 'queueServiceUri' or 'accountName'.");
        if (components is null)
            throw new InvalidOperationException($"The storage connection '{name}' is identity-based, and no {nameof(AzureComponentFactory)} is registered.");
        return new QueueServiceClient(uri, components.CreateTokenCredential(section), AzureMessageQueue.Options());
    }

    /// <summary>The section that configures connection <paramref name="name"/>, or null.</summary>
    public static IConfigurationSection? Find(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection[] candidates =
        [
            configuration.GetSection("ConnectionStrings").GetSection(name),
            configuration.GetSection("AzureWebJobs" + name),
            configuration.GetSection(name),
        ];
        return candidates.FirstOrDefault(s => s.Exists());
    }

    private static Uri? ServiceUri(IConfigurationSection section)
    {
        if (section["blobServiceUri"] is { Length: > 0 } blob) return new Uri(blob);
        if (section["serviceUri"] is { Length: > 0 } service) return new Uri(service);
        if (section["accountName"] is { Length: > 0 } account) return new Uri($"https://{account}.blob.core.windows.net");
        return null;
    }
}
