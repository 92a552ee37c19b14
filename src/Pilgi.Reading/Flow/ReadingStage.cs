namespace Pilgi.Reading.Flow;

/// <summary>The stages of reading a scan, in the order <see cref="ReadingFlow"/> runs them.</summary>
public enum ReadingStage
{
    /// <summary>Decode the upload (pages found and straightened), choose the form, register every page to it.</summary>
    Prepare,

    /// <summary>Find the handwriting on each page: one call per page, all at once.</summary>
    Detect,

    /// <summary>Read the crops in the batches <see cref="RecognitionBatches.Plan"/> makes: one call per batch, all at once.</summary>
    Recognize,

    /// <summary>Fuse the reads into the form's fields, validate them and decide what needs review.</summary>
    Fuse,
}
