using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;

namespace Pilgi.TestSupport;

/// <summary>
/// Reads every crop as the same text, surely: for tests about everything but recognition (resolving the pipeline with
/// it loads no model).
/// </summary>
public sealed class FixedRecognizer(string text = FixedRecognizer.Text) : ILineRecognizer
{
    public const string Text = "x";

    public string ModelId => "fixed@test";

    public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<TextRecognition>>(crops.Select(_ => new TextRecognition(text, 0.99)).ToList());
}
