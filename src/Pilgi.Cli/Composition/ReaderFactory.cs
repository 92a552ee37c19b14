using Microsoft.Extensions.Configuration;
using Pilgi.Core.Fusion;
using Pilgi.Core.Registration;
using Pilgi.Pipeline.Hosting;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Reading;
using Pilgi.Pipeline.Templates;

namespace Pilgi.Cli.Composition;

/// <summary>
/// Builds a <see cref="FormReader"/> for the CLI: templates from a folder; models loaded once in this process, or
/// detection and recognition through the inference service.
/// </summary>
public static class ReaderFactory
{
    public const string RecognizerDescriptor = "recognizer/pilgi-rec.json";

    /// <param name="inference">The inference service to detect and recognise through (null: in this process).</param>
    public static FormReader Create(string templatesDir, string? modelsDir = null, RemoteInferenceClient? inference = null)
    {
        var registrar = new PageRegistrar();
        var detection = new DetectionOptions();
        var templates = TemplateStore.FromDirectory(templatesDir, registrar, detection);
        var fusion = Fusion();
        if (inference is not null)
            return new FormReader(templates, new GuardedDecoder(), registrar, new RemoteHandwritingDetector(inference), new RemoteLineRecognizer(inference), fusion);
        modelsDir ??= DefaultPaths.Models;
        var recognizer = new OnnxLineRecognizer(ModelDescriptor.Load(Path.Combine(modelsDir, RecognizerDescriptor)), new OnnxSessionFactory());
        return new FormReader(templates, new GuardedDecoder(), registrar, new TemplateSubtractionDetector(detection), recognizer, fusion);
    }

    /// <summary>Fusion settings as the hosts read them: <c>Pilgi__Pipeline__Fusion__*</c> environment variables over the defaults.</summary>
    private static FusionOptions Fusion() =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build()
            .GetSection($"{PipelineOptions.SectionName}:{nameof(PipelineOptions.Fusion)}").Get<FusionOptions>() ?? FusionOptions.Default;

    /// <summary>A client of the inference service at <paramref name="url"/> (the pipeline's default timeouts and retries).</summary>
    public static RemoteInferenceClient Inference(string url)
    {
        var options = new InferenceOptions { Mode = InferenceMode.Remote, Url = url };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new Console.UsageException($"--inference: {e.Message}");
        }
        return new RemoteInferenceClient(RemoteInferenceClient.CreateHttpClient(), options, ownsHttp: true);
    }
}
