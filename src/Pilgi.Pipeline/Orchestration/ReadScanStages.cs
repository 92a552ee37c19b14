using Pilgi.Reading.Flow;

namespace Pilgi.Pipeline.Orchestration;

/// <summary>The stages of <see cref="ReadScanOrchestrator"/>, as its custom status and in failure messages.</summary>
public static class ReadScanStages
{
    public const string Preprocess = "preprocess";
    public const string Detect = "detect";
    public const string Recognize = "recognize";
    public const string Write = "write";
    public const string WriteFailure = "write-failure";
    public const string PublishEvent = "publish-event";
    public const string Done = "done";

    /// <summary>The status of a stage of the reading flow.</summary>
    public static string Of(ReadingStage stage) => stage switch
    {
        ReadingStage.Prepare => Preprocess,
        ReadingStage.Detect => Detect,
        ReadingStage.Recognize => Recognize,
        ReadingStage.Fuse => Write,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
