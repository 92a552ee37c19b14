using Pilgi.Core.Fusion;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.TestSupport;

public static class Readers
{
    private static string Descriptor => Path.Combine(RepoPaths.Models, "recognizer", "pilgi-rec.json");

    private static readonly Lazy<OnnxLineRecognizer> Recognizer = new(() =>
        new OnnxLineRecognizer(ModelDescriptor.Load(Descriptor), new OnnxSessionFactory()));

    /// <summary>Fusion as the hosts run it: the committed recogniser's confidence calibration, the default review targets.</summary>
    public static FusionOptions Fusion { get; } = FusionOptions.Default with { Calibration = ModelDescriptor.LoadCalibration(Descriptor) };

    private static readonly Lazy<FormReader> FixedText = new(() => Create(RepoPaths.SampleTemplates, new FixedRecognizer("x")));

    public static FormReader WithRealModels(string templatesDir) => Create(templatesDir, Recognizer.Value);

    /// <summary>
    /// One reader of the sample templates whose recogniser reads every crop as "x", shared by the tests so that
    /// the template references are prepared once.
    /// </summary>
    public static FormReader SampleFixedText => FixedText.Value;

    public static FormReader Create(string templatesDir, ILineRecognizer recognizer)
    {
        var registrar = new PageRegistrar();
        var detection = new DetectionOptions();
        return new FormReader(TemplateStore.FromDirectory(templatesDir, registrar, detection), new GuardedDecoder(),
            registrar, new TemplateSubtractionDetector(detection), recognizer, Fusion);
    }
}
