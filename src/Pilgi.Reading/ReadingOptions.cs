using Pilgi.Core.Fusion;
using Pilgi.Core.Registration;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;

namespace Pilgi.Reading;

/// <summary>
/// How scans are read, bound from the configuration section <see cref="SectionName"/> (setting names are the property
/// names, e.g. <c>Pilgi:Pipeline:ModelsDirectory</c>): every process that reads (the pipeline's hosts and the
/// inference service) binds the same section, so that they read the same forms with the same models and options.
/// </summary>
public class ReadingOptions
{
    /// <summary>The section keeps the pipeline's name: the settings were the pipeline's before they were the reading flow's.</summary>
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
    /// Blob storage when no blob store is registered (opened by <c>Pilgi.Storage</c>; this floor only carries the
    /// setting): an Azure Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite) …
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>… or else a local folder with one folder per container.</summary>
    public string? LocalStorageDirectory { get; set; }

    /// <summary>Crops per recognise stage (and per recogniser call).</summary>
    public int RecognitionBatchSize { get; set; } = RecognitionBatches.DefaultSize;

    /// <summary>What an upload may be before it is refused.</summary>
    public ImageLimits Limits { get; set; } = new();

    public RegistrationOptions Registration { get; set; } = new();

    public DetectionOptions Detection { get; set; } = new();

    public FusionOptions Fusion { get; set; } = new();
}
