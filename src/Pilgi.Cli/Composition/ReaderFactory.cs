using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Reading;
using Pilgi.Pipeline.Templates;

namespace Pilgi.Cli.Composition;

/// <summary>Builds a <see cref="FormReader"/> for the CLI: models loaded once, templates from a folder.</summary>
public static class ReaderFactory
{
    public const string RecognizerDescriptor = "recognizer/pilgi-rec.json";

    public static FormReader Create(string templatesDir, string? modelsDir = null)
    {
        modelsDir ??= DefaultPaths.Models;
        var registrar = new PageRegistrar();
        var detection = new DetectionOptions();
        var templates = TemplateStore.FromDirectory(templatesDir, registrar, detection);
        var recognizer = new OnnxLineRecognizer(ModelDescriptor.Load(Path.Combine(modelsDir, RecognizerDescriptor)), new OnnxSessionFactory());
        return new FormReader(templates, new GuardedDecoder(), registrar, new TemplateSubtractionDetector(detection), recognizer);
    }
}
