using Pilgi.Core.Registration;
using Pilgi.Pipeline.Storage;
using Pilgi.Pipeline.Templates;

namespace Pilgi.Pipeline.Hosting;

/// <summary>
/// Where the blobs and the registered forms come from, by <see cref="PipelineOptions"/>: one rule for every process
/// that reads them (the pipeline's hosts and the inference service, which must see the same forms).
/// </summary>
public static class PipelineSources
{
    /// <summary>The store <see cref="PipelineOptions.StorageConnectionString"/> or <see cref="PipelineOptions.LocalStorageDirectory"/> names; null when neither is set.</summary>
    public static IBlobStore? BlobStore(PipelineOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.StorageConnectionString)) return new AzureBlobStore(o.StorageConnectionString);
        if (!string.IsNullOrWhiteSpace(o.LocalStorageDirectory)) return new FileBlobStore(o.LocalStorageDirectory);
        return null;
    }

    /// <summary>The folder <see cref="PipelineOptions.TemplatesDirectory"/> (loaded once), else the templates container of <paramref name="blobs"/>.</summary>
    public static ITemplateProvider Templates(PipelineOptions o, PageRegistrar registrar, Func<IBlobStore> blobs) =>
        o.TemplatesDirectory is { Length: > 0 } dir
            ? new FixedTemplateProvider(TemplateStore.FromDirectory(dir, registrar, o.Detection))
            : new BlobTemplateProvider(blobs(), registrar, o.Detection, o.TemplateRefreshInterval);
}
