using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;

namespace Pilgi.Functions.Tests.Support;

/// <summary>A recogniser that reads the same text everywhere, so that resolving the pipeline loads no model.</summary>
internal sealed class FixedRecognizer(string text) : ILineRecognizer
{
    public string ModelId => "fixed@1";

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TextRecognition>>(crops.Select(_ => new TextRecognition(text, 1.0)).ToList());
}
