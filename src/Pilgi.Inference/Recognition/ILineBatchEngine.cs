using Pilgi.Core.Raster;

namespace Pilgi.Inference.Recognition;

/// <summary>
/// A recogniser split into its two halves, for a caller that assembles its own batches (the inference service merges
/// the lines of concurrent requests): preparing a crop, and one model run over lines of one padded width.
/// </summary>
public interface ILineBatchEngine
{
    /// <summary>"name@version" of the model.</summary>
    string ModelId { get; }

    /// <summary>Scales and pads one crop; <paramref name="alphabet"/> restricts what it may read as (null: anything).</summary>
    PreparedLine Prepare(GrayImage crop, string? alphabet);

    /// <summary>One model run; every line must have the same <see cref="PreparedLine.PaddedWidth"/>. Reads in line order.</summary>
    IReadOnlyList<TextRecognition> RunBatch(IReadOnlyList<PreparedLine> lines);
}
