using Pilgi.Core.Geometry;

namespace Pilgi.Reading;

/// <summary>
/// Splits the regions of a scan into recogniser batches. Regions of similar shape (width over height in template
/// pixels) go together so that little padding is needed; ties keep region order. Pure and deterministic: the
/// orchestration and <see cref="FormReader.ReadAsync"/> read through <see cref="ReadAsync"/>, so both read every crop
/// in the same company and get the same text.
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

    /// <summary>
    /// The scatter and gather of recognition: <paramref name="regions"/> read in the batches <see cref="Plan"/> makes,
    /// every batch at once, the reads given back in region order. A batch that returns another number of reads than
    /// it had regions fails the whole.
    /// </summary>
    public static async Task<TRead[]> ReadAsync<TRegion, TRead>(IReadOnlyList<TRegion> regions, Func<TRegion, Box> templateBox,
        int batchSize, Func<IReadOnlyList<TRegion>, Task<IReadOnlyList<TRead>>> readBatch)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(readBatch);
        var batches = Plan(regions.Select(templateBox).ToList(), batchSize);
        // no ConfigureAwait(false): the orchestrator reads through here, and its code must resume on its own scheduler
        var reads = await Task.WhenAll(batches.Select(batch => readBatch(batch.Select(i => regions[i]).ToList())));
        var gathered = new TRead[regions.Count];
        for (int b = 0; b < batches.Count; b++)
        {
            if (reads[b].Count != batches[b].Length)
                throw new InvalidOperationException($"Batch {b + 1} returned {reads[b].Count} reads for {batches[b].Length} crops.");
            for (int k = 0; k < batches[b].Length; k++) gathered[batches[b][k]] = reads[b][k];
        }
        return gathered;
    }
}
