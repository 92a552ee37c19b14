using Pilgi.Core.Raster;

namespace Pilgi.Inference.Recognition;

/// <summary>Reads one line of handwriting per crop.</summary>
public interface ILineRecognizer
{
    /// <summary>"name@version" of the model, for results.</summary>
    string ModelId { get; }

    Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default);
}
