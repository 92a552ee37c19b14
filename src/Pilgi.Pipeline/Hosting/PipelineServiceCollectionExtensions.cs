using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Reading;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Storage;
using Pilgi.Pipeline.Templates;

namespace Pilgi.Pipeline.Hosting;

/// <summary>Registers the pipeline's services: engines and models once (singletons), the blob store, templates, activities.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the orchestration's activities need. Services registered before this call win (e.g. an
    /// <see cref="IBlobStore"/>, an <see cref="ILineRecognizer"/> or an <see cref="ITemplateProvider"/> of a test
    /// or a host). Register the tasks themselves with <see cref="PipelineTaskRegistry.AddPilgiPipelineTasks"/>.
    /// Hosts bind <see cref="OutputOptions"/> (by default results are written as read).
    /// </summary>
    public static IServiceCollection AddPilgiPipeline(this IServiceCollection services, Action<PipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PipelineOptions>();
        if (configure is not null) options.Configure(configure);
        services.AddOptions<OutputOptions>();

        services.TryAddSingleton(sp => new GuardedDecoder(Options(sp).Limits));
        services.TryAddSingleton(sp => new PageRegistrar(Options(sp).Registration));
        services.TryAddSingleton(sp => new TemplateSubtractionDetector(Options(sp).Detection));
        services.TryAddSingleton<ILineRecognizer>(sp =>
        {
            var o = Options(sp);
            var descriptor = ModelDescriptor.Load(Path.Combine(o.ModelsDirectory, o.RecognizerDescriptor));
            return new OnnxLineRecognizer(descriptor, new OnnxSessionFactory());
        });
        services.TryAddSingleton(sp => new ReadingSteps(
            sp.GetRequiredService<GuardedDecoder>(), sp.GetRequiredService<PageRegistrar>(),
            sp.GetRequiredService<TemplateSubtractionDetector>(), sp.GetRequiredService<ILineRecognizer>(),
            Options(sp).Fusion, Options(sp).RecognitionBatchSize));
        services.TryAddSingleton<IBlobStore>(sp =>
        {
            var o = Options(sp);
            if (!string.IsNullOrWhiteSpace(o.StorageConnectionString)) return new AzureBlobStore(o.StorageConnectionString);
            if (!string.IsNullOrWhiteSpace(o.LocalStorageDirectory)) return new FileBlobStore(o.LocalStorageDirectory);
            throw new InvalidOperationException(
                $"No blob storage: register an {nameof(IBlobStore)}, or set {PipelineOptions.SectionName}:{nameof(PipelineOptions.StorageConnectionString)} " +
                $"or {PipelineOptions.SectionName}:{nameof(PipelineOptions.LocalStorageDirectory)}.");
        });
        services.TryAddSingleton<ITemplateProvider>(sp =>
        {
            var o = Options(sp);
            var registrar = sp.GetRequiredService<PageRegistrar>();
            return o.TemplatesDirectory is { Length: > 0 } dir
                ? new FixedTemplateProvider(TemplateStore.FromDirectory(dir, registrar, o.Detection))
                : new BlobTemplateProvider(sp.GetRequiredService<IBlobStore>(), registrar, o.Detection, o.TemplateRefreshInterval);
        });
        services.TryAddSingleton(_ => new OverlayPainter());
        services.TryAddSingleton(sp => new ScanSteps(sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<ITemplateProvider>(),
            sp.GetRequiredService<ReadingSteps>(), sp.GetRequiredService<OverlayPainter>(),
            sp.GetRequiredService<IOptions<OutputOptions>>().Value));

        services.TryAddTransient<PreprocessScanActivity>();
        services.TryAddTransient<DetectPageActivity>();
        services.TryAddTransient<RecognizeBatchActivity>();
        services.TryAddTransient<FuseAndWriteResultActivity>();
        services.TryAddTransient<WriteFailureActivity>();
        return services;
    }

    private static PipelineOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
}
