using Microsoft.DurableTask;
using Pilgi.Core.Errors;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Tests.Orchestration;

public class ActivityFailuresTests
{
    [Fact]
    public async Task Bad_input_leaves_an_activity_with_its_reason_in_the_message()
    {
        var e = await Assert.ThrowsAsync<PilgiException>(() => ActivityFailures.GuardAsync<int>(() =>
            throw new PilgiException(ReasonCodes.ImageCorrupt, "scans/a/1.jpg: the header is damaged.", "scans/a/1.jpg")));

        Assert.Equal("[image_corrupt] scans/a/1.jpg: the header is damaged.", e.Message);
        Assert.Equal(ReasonCodes.ImageCorrupt, e.Reason);
        var failure = TaskFailureDetails.FromException(e);
        Assert.True(ActivityFailures.IsBadInput(failure));
        Assert.Equal((ReasonCodes.ImageCorrupt, "scans/a/1.jpg: the header is damaged."), ActivityFailures.Describe(failure, ReadScanStages.Preprocess, 3));
    }

    [Fact]
    public void Other_failures_are_retried_and_recorded_by_stage()
    {
        var failure = TaskFailureDetails.FromException(new TimeoutException("storage timed out"));

        Assert.False(ActivityFailures.IsBadInput(failure));
        var (reason, message) = ActivityFailures.Describe(failure, ReadScanStages.Detect, 3);
        Assert.Equal(ReasonCodes.InternalError, reason);
        Assert.Contains("detect", message);
        Assert.Contains("3 attempts", message);
        Assert.Contains("storage timed out", message);
        Assert.Equal(ReasonCodes.InferenceFailed, ActivityFailures.Describe(failure, ReadScanStages.Recognize, 3).Reason);
    }

    [Fact]
    public void A_tag_is_only_a_reason_code_in_brackets_at_the_start()
    {
        Assert.Equal(("image_empty", "x\ny"), ActivityFailures.TryParseTag("[image_empty] x\ny"));
        Assert.Null(ActivityFailures.TryParseTag("[Not A Code] x"));
        Assert.Null(ActivityFailures.TryParseTag("text [image_empty] x"));
        Assert.Null(ActivityFailures.TryParseTag(null));
    }
}
