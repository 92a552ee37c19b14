using Pilgi.Core.Raster;

namespace Pilgi.Inference.Recognition;

/// <summary>Reads one line of handwriting per crop.</summary>
public interface ILineRecognizer
{
    /// <summary>"name@version" of the model, for results.</summary>
    string ModelId { get; }

    Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads each crop using only the characters of its alphabet (null: any character the model knows). A recogniser
    /// that cannot restrict its output reads as usual.
    /// </summary>
    Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
        CancellationToken cancellationToken = default) => RecognizeAsync(crops, cancellationToken);
}
