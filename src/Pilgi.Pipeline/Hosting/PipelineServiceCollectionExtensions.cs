using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Azure.Core;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Reading;
using Pilgi.Reading.Templates;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Hosting;

/// <summary>Registers the pipeline's services: engines and models once (singletons), the blob store, templates, activities.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything the orchestration's activities need. Services registered before this call win (e.g. an
    /// <see cref="IBlobStore"/>, an <see cref="ILineRecognizer"/> or an <see cref="ITemplateProvider"/> of a test
    /// or a host). Register the tasks themselves with <see cref="PipelineTaskRegistry.AddPilgiPipelineTasks"/>.
    /// Hosts bind <see cref="OutputOptions"/> (by default results are written as read) and <see cref="EventOptions"/>
    /// (by default completion events go to the queue <c>scan-events</c> beside the blobs: an <see cref="IMessageQueue"/>
    /// registered before, else the account or folder the options name; to Event Grid with a <see cref="TokenCredential"/>
    /// the host registers).
    /// Detection and recognition run in this process unless <see cref="InferenceOptions"/> (the host binds
    /// <see cref="InferenceOptions.SectionName"/>) says <see cref="InferenceMode.Remote"/>: then through the inference service,
    /// and, with <see cref="InferenceOptions.FallbackToInProcess"/>, in this process whenever the service is unavailable.
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
        // detection and recognition: in this process, or through the inference service (Pilgi:Inference:Mode=Remote)
        services.AddOptions<InferenceOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton(sp => new RemoteInferenceClient(RemoteInferenceClient.CreateHttpClient(), Inference(sp),
            sp.GetService<ILogger<RemoteInferenceClient>>(), ownsHttp: true));
        services.TryAddSingleton<IHandwritingDetector>(sp =>
        {
            var inference = Inference(sp);
            if (inference.Mode != InferenceMode.Remote) return sp.GetRequiredService<TemplateSubtractionDetector>();
            var remote = new RemoteHandwritingDetector(sp.GetRequiredService<RemoteInferenceClient>());
            return inference.FallbackToInProcess
                ? new FallbackHandwritingDetector(remote, sp.GetRequiredService<TemplateSubtractionDetector>, sp.GetService<ILogger<FallbackHandwritingDetector>>())
                : remote;
        });
        services.TryAddSingleton<ILineRecognizer>(sp =>
        {
            var inference = Inference(sp);
            if (inference.Mode != InferenceMode.Remote) return LocalRecognizer(sp);
            var remote = new RemoteLineRecognizer(sp.GetRequiredService<RemoteInferenceClient>());
            return inference.FallbackToInProcess
                ? new FallbackLineRecognizer(remote, () => LocalRecognizer(sp), sp.GetService<ILogger<FallbackLineRecognizer>>())
                : remote;
        });
        services.TryAddSingleton(sp => new ReadingSteps(
            sp.GetRequiredService<GuardedDecoder>(), sp.GetRequiredService<PageRegistrar>(),
            sp.GetRequiredService<IHandwritingDetector>(), sp.GetRequiredService<ILineRecognizer>(),
            Options(sp).Fusion, Options(sp).RecognitionBatchSize));
        services.TryAddSingleton<IBlobStore>(sp => ReadingSources.BlobStore(Options(sp))
            ?? throw new InvalidOperationException(
                $"No blob storage: register an {nameof(IBlobStore)}, or set {PipelineOptions.SectionName}:{nameof(PipelineOptions.StorageConnectionString)} " +
                $"or {PipelineOptions.SectionName}:{nameof(PipelineOptions.LocalStorageDirectory)}."));
        services.TryAddSingleton<ITemplateProvider>(sp => ReadingSources.Templates(Options(sp), sp.GetRequiredService<PageRegistrar>(),
            () => sp.GetRequiredService<IBlobStore>()));
        services.TryAddSingleton(_ => new OverlayPainter());
        services.TryAddSingleton(sp => new ScanSteps(sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<ITemplateProvider>(),
            sp.GetRequiredService<ReadingSteps>(), sp.GetRequiredService<OverlayPainter>(),
            sp.GetRequiredService<IOptions<OutputOptions>>().Value));

        services.TryAddTransient<PreprocessScanActivity>();
        services.TryAddTransient<DetectPageActivity>();
        services.TryAddTransient<RecognizeBatchActivity>();
        services.TryAddTransient<FuseAndWriteResultActivity>();
        services.TryAddTransient<WriteFailureActivity>();

        services.AddOptions<EventOptions>().Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton<IMessageQueue>(sp => ReadingSources.MessageQueue(Options(sp))
            ?? throw new InvalidOperationException(
                $"Completion events go to a storage queue, and there is none: register an {nameof(IMessageQueue)}, set " +
                $"{PipelineOptions.SectionName}:{nameof(PipelineOptions.StorageConnectionString)}, {PipelineOptions.SectionName}:{nameof(PipelineOptions.LocalStorageDirectory)} " +
                $"or {EventOptions.SectionName}:{nameof(EventOptions.StorageConnectionString)}, or turn events off ({EventOptions.SectionName}:{nameof(EventOptions.Enabled)}=false)."));
        services.TryAddSingleton<IScanEventSink>(sp => CreateEventSink(sp, Events(sp)));
        services.TryAddSingleton(sp =>
        {
            var events = Events(sp);
            return new ScanEventPublisher(sp.GetRequiredService<IBlobStore>(), events.Enabled ? sp.GetRequiredService<IScanEventSink>() : null,
                events, sp.GetService<ILogger<ScanEventPublisher>>());
        });
        services.TryAddTransient<PublishScanEventActivity>();
        return services;
    }

    private static IScanEventSink CreateEventSink(IServiceProvider sp, EventOptions events) => events.Sink switch
    {
        EventSinkKind.Queue => new QueueScanEventSink(
            events.StorageConnectionString is { Length: > 0 } account ? new AzureMessageQueue(account) : sp.GetRequiredService<IMessageQueue>(),
            events.QueueName),
        EventSinkKind.EventGrid => new EventGridScanEventSink(new Uri(events.TopicEndpoint!),
            sp.GetService<TokenCredential>() ?? throw new InvalidOperationException(
                $"{EventOptions.SectionName}:{nameof(EventOptions.Sink)} is {nameof(EventSinkKind.EventGrid)}: the host must register the " +
                $"{nameof(TokenCredential)} it publishes with (the Functions app registers its managed identity's).")),
        _ => throw new InvalidOperationException($"Unknown {EventOptions.SectionName}:{nameof(EventOptions.Sink)} '{events.Sink}'."),
    };

    private static EventOptions Events(IServiceProvider sp) => sp.GetRequiredService<IOptions<EventOptions>>().Value;

    private static OnnxLineRecognizer LocalRecognizer(IServiceProvider sp)
    {
        var o = Options(sp);
        var descriptor = ModelDescriptor.Load(Path.Combine(o.ModelsDirectory, o.RecognizerDescriptor));
        return new OnnxLineRecognizer(descriptor, new OnnxSessionFactory());
    }

    private static PipelineOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<PipelineOptions>>().Value;

    private static InferenceOptions Inference(IServiceProvider sp) => sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
}
