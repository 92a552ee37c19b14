using Microsoft.Extensions.Configuration;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Fusion;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Hosting;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.Cli.Composition;

/// <summary>
/// Builds a <see cref="FormReader"/> for the CLI: templates from a folder; models loaded once in this process, or
/// detection and recognition through the inference service.
/// </summary>
public static class ReaderFactory
{
    public const string RecognizerDescriptor = "recognizer/pilgi-rec.json";

    /// <param name="inference">The inference service to detect and recognise through (null: in this process).</param>
    /// <param name="descriptorPath">The recogniser's descriptor, over <paramref name="modelsDir"/>'s.</param>
    public static FormReader Create(string templatesDir, string? modelsDir = null, RemoteInferenceClient? inference = null,
        string? descriptorPath = null)
    {
        var registrar = new PageRegistrar();
        var detection = new DetectionOptions();
        var templates = TemplateStore.FromDirectory(templatesDir, registrar, detection);
        descriptorPath ??= DescriptorPath(modelsDir);
        var fusion = Fusion(descriptorPath);
        if (inference is not null)
            return new FormReader(templates, new GuardedDecoder(), registrar, new RemoteHandwritingDetector(inference), new RemoteLineRecognizer(inference), fusion);
        return new FormReader(templates, new GuardedDecoder(), registrar, new TemplateSubtractionDetector(detection), Recognizer(descriptorPath), fusion);
    }

    /// <summary><c>&lt;models&gt;/recognizer/pilgi-rec.json</c> (default: the bundled models).</summary>
    public static string DescriptorPath(string? modelsDir) => Path.Combine(modelsDir ?? DefaultPaths.Models, RecognizerDescriptor);

    /// <summary>
    /// What a line crop read alone may be (<c>eval --lines</c>): the inference service's default crop limits
    /// (<c>Pilgi:InferenceServer:CropLimits</c>), which take crops of any small size and one page only.
    /// </summary>
    public static ImageLimits CropLimits => ImageLimits.ForCrops();

    /// <summary>
    /// The reading steps for line crops read alone (<see cref="ReadingSteps.ReadLinesAsync"/>): the recogniser and fusion
    /// settings of <see cref="Create"/>, and the guarded decoder with <see cref="CropLimits"/> (seal ink whitened, as
    /// when the page a crop comes from is decoded).
    /// </summary>
    public static ReadingSteps LineSteps(string? modelsDir = null, RemoteInferenceClient? inference = null)
    {
        var decoder = new GuardedDecoder(CropLimits);
        var fusion = Fusion(DescriptorPath(modelsDir));
        if (inference is not null)
            return new ReadingSteps(decoder, new PageRegistrar(), new RemoteHandwritingDetector(inference), new RemoteLineRecognizer(inference), fusion);
        return new ReadingSteps(decoder, new PageRegistrar(), new TemplateSubtractionDetector(), Recognizer(DescriptorPath(modelsDir)), fusion);
    }

    /// <summary>The recogniser in this process, of the descriptor at <paramref name="descriptorPath"/>.</summary>
    private static OnnxLineRecognizer Recognizer(string descriptorPath)
    {
        var descriptor = ModelDescriptor.Load(descriptorPath);
        if (descriptor.CalibrationProblem is { } problem) MaskedConsole.Error($"{descriptorPath}: {problem}");
        return new(descriptor, new OnnxSessionFactory());
    }

    /// <summary>
    /// Fusion settings as the hosts read them: <c>Pilgi__Pipeline__Fusion__*</c> and <c>Pilgi__Review__*</c> environment
    /// variables over the defaults, with the confidence calibration of the recogniser's descriptor (also when an
    /// inference service recognises).
    /// </summary>
    public static FusionOptions Fusion(string descriptorPath)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var fusion = configuration.GetSection($"{PipelineOptions.SectionName}:{nameof(PipelineOptions.Fusion)}").Get<FusionOptions>() ?? FusionOptions.Default;
        return fusion with
        {
            Calibration = ModelDescriptor.LoadCalibration(descriptorPath),
            Review = configuration.GetSection(ReviewOptions.SectionName).Get<ReviewOptions>() ?? new ReviewOptions(),
        };
    }

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
            throw new UsageException($"--inference: {e.Message}");
        }
        return new RemoteInferenceClient(RemoteInferenceClient.CreateHttpClient(), options, ownsHttp: true);
    }
}
