using Pilgi.Core.Registration;
using Pilgi.Reading;
using Pilgi.Reading.Templates;
using Pilgi.Storage.Templates;

namespace Pilgi.Storage;

/// <summary>
/// Where the blobs and the registered forms come from, by <see cref="ReadingOptions"/>: one rule for every process
/// that reads them (the pipeline's hosts and the inference service, which must see the same forms).
/// </summary>
public static class ReadingSources
{
    /// <summary>The store <see cref="ReadingOptions.StorageConnectionString"/> or <see cref="ReadingOptions.LocalStorageDirectory"/> names; null when neither is set.</summary>
    public static IBlobStore? BlobStore(ReadingOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.StorageConnectionString)) return new AzureBlobStore(o.StorageConnectionString);
        if (!string.IsNullOrWhiteSpace(o.LocalStorageDirectory)) return new FileBlobStore(o.LocalStorageDirectory);
        return null;
    }

    /// <summary>The queues beside the blobs <see cref="BlobStore"/> opens (same account, or same folder); null when neither is set.</summary>
    public static IMessageQueue? MessageQueue(ReadingOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.StorageConnectionString)) return new AzureMessageQueue(o.StorageConnectionString);
        if (!string.IsNullOrWhiteSpace(o.LocalStorageDirectory)) return new FolderMessageQueue(o.LocalStorageDirectory);
        return null;
    }

    /// <summary>The folder <see cref="ReadingOptions.TemplatesDirectory"/> (loaded once), else the templates container of <paramref name="blobs"/>.</summary>
    public static ITemplateProvider Templates(ReadingOptions o, PageRegistrar registrar, Func<IBlobStore> blobs) =>
        o.TemplatesDirectory is { Length: > 0 } dir
            ? new FixedTemplateProvider(TemplateStore.FromDirectory(dir, registrar, o.Detection))
            : new BlobTemplateProvider(blobs(), registrar, o.Detection, o.TemplateRefreshInterval);
}
