using Pilgi.Core.Geometry;
using Pilgi.Core.Metrics;

namespace Pilgi.Core.Tests.Metrics;

public class DetectionMatcherTests
{
    [Fact]
    public void Duplicate_prediction_is_a_false_positive()
    {
        Box[] truth = [new(0, 0, 100, 50), new(0, 100, 100, 50)];
        Box[] predicted = [new(2, 1, 100, 50), new(0, 0, 100, 50), new(0, 102, 100, 50)];

        var match = DetectionMatcher.Match(predicted, truth, 0.5);

        Assert.Equal(2, match.TruePositives);
        Assert.Equal(1, match.FalsePositives);
        Assert.Equal(0, match.FalseNegatives);
        Assert.Contains(match.Pairs, p => p is { PredictedIndex: 1, TruthIndex: 0 });  // the exact one wins
        Assert.Contains(match.Pairs, p => p is { PredictedIndex: 2, TruthIndex: 1 });
    }

    [Fact]
    public void Greedy_takes_highest_iou_first_and_respects_the_threshold()
    {
        Box[] truth = [new(0, 0, 10, 10)];
        Box[] predicted = [new(5, 0, 10, 10), new(1, 0, 10, 10)];  // IoU 1/3 and 9/11
        var match = DetectionMatcher.Match(predicted, truth, 0.3);
        Assert.Equal(1, Assert.Single(match.Pairs).PredictedIndex);

        var strict = DetectionMatcher.Match(predicted, truth, 0.9);
        Assert.Equal((0, 2, 1), (strict.TruePositives, strict.FalsePositives, strict.FalseNegatives));
    }

    [Fact]
    public void Empty_inputs()
    {
        var match = DetectionMatcher.Match([], [new Box(0, 0, 1, 1)], 0.5);
        Assert.Equal((0, 0, 1), (match.TruePositives, match.FalsePositives, match.FalseNegatives));
    }
}
