using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pilgi.Core.Registration;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.InferenceServer.Batching;
using Pilgi.InferenceServer.Detection;
using Pilgi.InferenceServer.Endpoints;
using Pilgi.Reading;
using Pilgi.Reading.Templates;
using Pilgi.Storage;

namespace Pilgi.InferenceServer.Hosting;

/// <summary>
/// The service's configuration and services: <see cref="InferenceServerOptions"/> (<c>Pilgi:InferenceServer:*</c>) and the
/// reading flow's settings (<see cref="ReadingOptions"/>, <c>Pilgi:Pipeline:*</c>: models, forms, detection and registration options, page limits),
/// so that the service reads the same forms with the same options as the pipeline that calls it.
/// </summary>
public static class InferenceServerSetup
{
    public static WebApplicationBuilder AddPilgiInferenceServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!ListenAddress.IsConfigured(builder.Configuration)) builder.WebHost.UseUrls(InferenceServerOptions.DefaultUrl);
        builder.Services.AddPilgiInferenceServer(builder.Configuration);
        return builder;
    }

    /// <summary>Services registered before this call win (a test's engine, say).</summary>
    public static IServiceCollection AddPilgiInferenceServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceServerOptions>().Bind(configuration.GetSection(InferenceServerOptions.SectionName))
            .Validate(o =>
            {
                o.Validate();
                return true;
            });
        services.AddOptions<ReadingOptions>().Bind(configuration.GetSection(ReadingOptions.SectionName)).PostConfigure(o =>
        {
            o.ModelsDirectory = Resolve(o.ModelsDirectory)!;
            o.TemplatesDirectory = Resolve(o.TemplatesDirectory);
            o.LocalStorageDirectory = Resolve(o.LocalStorageDirectory);
        });
        services.AddProblemDetails();

        services.TryAddSingleton<ServiceUptime>();
        services.TryAddSingleton(sp =>
        {
            var o = Reading(sp);
            var model = ModelDescriptor.Load(Path.Combine(o.ModelsDirectory, o.RecognizerDescriptor));
            return RecognizerLoader.Load(model, Server(sp), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Pilgi.InferenceServer"));
        });
        services.TryAddSingleton(sp => new ServerDecoders(Server(sp).CropLimits, Reading(sp).Limits));
        services.TryAddSingleton(sp => new PageRegistrar(Reading(sp).Registration));
        services.TryAddSingleton(sp => new TemplateSubtractionDetector(Reading(sp).Detection));
        services.TryAddSingleton<ITemplateProvider>(sp =>
        {
            var o = Reading(sp);
            var blobs = ReadingSources.BlobStore(o);
            return o.TemplatesDirectory is { Length: > 0 } || blobs is not null
                ? ReadingSources.Templates(o, sp.GetRequiredService<PageRegistrar>(), () => blobs!)
                : new UnconfiguredTemplates();
        });
        services.TryAddSingleton<RecognitionCounters>();
        services.TryAddSingleton<RecognitionBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RecognitionBatcher>());
        services.TryAddSingleton<DetectionGate>();
        services.TryAddSingleton<RecognizeHandler>();
        services.TryAddSingleton<DetectHandler>();
        services.TryAddSingleton<StatusHandler>();
        return services;
    }

    private static InferenceServerOptions Server(IServiceProvider sp) => sp.GetRequiredService<IOptions<InferenceServerOptions>>().Value;

    private static ReadingOptions Reading(IServiceProvider sp) => sp.GetRequiredService<IOptions<ReadingOptions>>().Value;

    /// <summary>A relative folder from the current folder when it is there, else from the program's (where the models are copied).</summary>
    private static string? Resolve(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path)) return path;
        var here = Path.GetFullPath(path);
        return Directory.Exists(here) ? here : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
    }
}
