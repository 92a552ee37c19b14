using Pilgi.Core.Fusion;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Reading;

namespace Pilgi.Pipeline.Hosting;

/// <summary>
/// Settings of the pipeline, bound from the configuration section <see cref="SectionName"/> (setting names are the
/// property names, e.g. <c>Pilgi:Pipeline:ModelsDirectory</c>).
/// </summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pilgi:Pipeline";

    /// <summary>The folder with the models (the recogniser's descriptor and ONNX file).</summary>
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>The recogniser's descriptor, relative to <see cref="ModelsDirectory"/>.</summary>
    public string RecognizerDescriptor { get; set; } = "recognizer/pilgi-rec.json";

    /// <summary>
    /// Where the registered forms come from: null (the default) for the <c>templates</c> container of the blob
    /// store, looked at again every <see cref="TemplateRefreshInterval"/>; or a folder loaded once.
    /// </summary>
    public string? TemplatesDirectory { get; set; }

    public TimeSpan TemplateRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Blob storage when no <c>IBlobStore</c> is registered: an Azure Storage connection string
    /// (<c>UseDevelopmentStorage=true</c> for Azurite) …
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>… or else a local folder with one folder per container.</summary>
    public string? LocalStorageDirectory { get; set; }

    /// <summary>Crops per recognise activity (and per recogniser call).</summary>
    public int RecognitionBatchSize { get; set; } = RecognitionBatches.DefaultSize;

    /// <summary>Retries of failed activities (never of bad input).</summary>
    public ActivityRetrySettings Retry { get; set; } = new();

    /// <summary>What an upload may be before it is refused.</summary>
    public ImageLimits Limits { get; set; } = new();

    public RegistrationOptions Registration { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    public FusionOptions Fusion { get; set; } = new();
}
