using Pilgi.Core.Geometry;

namespace Pilgi.Reading.Flow;

/// <summary>
/// What each stage does in one way of running a scan: on images in this process (<see cref="InProcessStages"/>), or as
/// the pipeline's activities on blobs. The order of the stages and the scatter and gather between them are
/// <see cref="ReadingFlow"/>'s, never an implementation's.
/// </summary>
/// <typeparam name="TPage">A registered page.</typeparam>
/// <typeparam name="TRegion">A region of handwriting and the crop to read for it.</typeparam>
/// <typeparam name="TRead">What the recogniser read in one crop.</typeparam>
/// <typeparam name="TResult">The fused result (or where it was written).</typeparam>
public interface IReadingStages<TPage, TRegion, TRead, TResult>
    where TResult : class
{
    /// <summary>Before a stage's first call (a status to show, a clock to start).</summary>
    void Starting(ReadingStage stage);

    /// <summary>After a stage's last call returned; a stage that throws does not end.</summary>
    void Ended(ReadingStage stage);

    /// <summary>The scan decoded, its form chosen and its pages registered; null when there is nothing to read (an upload replaced meanwhile).</summary>
    Task<PreparedScan<TPage>?> PrepareAsync();

    /// <summary>The handwriting on one page, in reading order.</summary>
    Task<IReadOnlyList<TRegion>> DetectAsync(PreparedScan<TPage> scan, TPage page);

    /// <summary>The region's box on the form, by whose shape the regions are batched.</summary>
    Box TemplateBoxOf(TRegion region);

    /// <summary>One recogniser call: a read per region of the batch, in its order.</summary>
    Task<IReadOnlyList<TRead>> RecognizeAsync(PreparedScan<TPage> scan, IReadOnlyList<TRegion> batch);

    /// <summary>The form's fields from the reads: <paramref name="reads"/>[i] is the read of <paramref name="regions"/>[i].</summary>
    Task<TResult> FuseAsync(PreparedScan<TPage> scan, IReadOnlyList<TRegion> regions, IReadOnlyList<TRead> reads);
}
