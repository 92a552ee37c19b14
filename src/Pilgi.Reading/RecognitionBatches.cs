using Pilgi.Core.Geometry;

namespace Pilgi.Reading;

/// <summary>
/// Splits the regions of a scan into recogniser batches. Regions of similar shape (width over height in template
/// pixels) go together so that little padding is needed; ties keep region order. Pure and deterministic: the
/// orchestrator and <see cref="FormReader.ReadAsync"/> plan the same batches, so both read every crop in the same
/// company and get the same text.
/// </summary>
public static class RecognitionBatches
{
    public const int DefaultSize = 16;

    /// <returns>Batches of region indices; every index appears once.</returns>
    public static IReadOnlyList<int[]> Plan(IReadOnlyList<Box> templateBoxes, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(templateBoxes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = Enumerable.Range(0, templateBoxes.Count)
            .OrderBy(i => templateBoxes[i].H > 0 ? templateBoxes[i].W / templateBoxes[i].H : 0)
            .ThenBy(i => i)
            .ToArray();
        return order.Chunk(batchSize).ToList();
    }
}
