namespace Pilgi.Reading.Flow;

/// <summary>
/// The order of a scan's stages, written once: prepare → detect every page at once → recognise every batch at once
/// → fuse. <see cref="FormReader"/> runs it in this process; the pipeline's orchestrator runs it with each call an
/// activity, and the bench runs those activities' steps through it directly, so all of them read alike.
/// </summary>
/// <remarks>
/// The orchestrator runs this code, so it must stay deterministic: no clock, no I/O, nothing but the stages' calls;
/// and no <c>ConfigureAwait(false)</c>, since orchestrator code must resume on the orchestration's own scheduler.
/// </remarks>
public static class ReadingFlow
{
    /// <returns>The fused result; null when <see cref="IReadingStages{TPage,TRegion,TRead,TResult}.PrepareAsync"/> found nothing to read.</returns>
    public static async Task<TResult?> RunAsync<TPage, TRegion, TRead, TResult>(IReadingStages<TPage, TRegion, TRead, TResult> stages)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.Starting(ReadingStage.Prepare);
        var scan = await stages.PrepareAsync();
        stages.Ended(ReadingStage.Prepare);
        if (scan is null) return null;

        stages.Starting(ReadingStage.Detect);
        var pages = await Task.WhenAll(scan.Pages.Select(page => stages.DetectAsync(scan, page)));
        var regions = pages.SelectMany(found => found).ToList();
        stages.Ended(ReadingStage.Detect);

        stages.Starting(ReadingStage.Recognize);
        var reads = await RecognitionBatches.ReadAsync(regions, stages.TemplateBoxOf, scan.RecognitionBatchSize,
            batch => stages.RecognizeAsync(scan, batch));
        stages.Ended(ReadingStage.Recognize);

        stages.Starting(ReadingStage.Fuse);
        var result = await stages.FuseAsync(scan, regions, reads);
        stages.Ended(ReadingStage.Fuse);
        return result;
    }
}
