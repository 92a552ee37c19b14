using Pilgi.Core.Geometry;

namespace Pilgi.Reading.Tests;

public class RecognitionBatchesTests
{
    [Fact]
    public void Every_region_is_in_one_batch_and_batches_hold_at_most_the_size()
    {
        var boxes = Enumerable.Range(0, 37).Select(i => new Box(0, 0, 10 + (i * 7919 % 101), 10)).ToList();

        var batches = RecognitionBatches.Plan(boxes, 16);

        Assert.Equal([16, 16, 5], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 37), batches.SelectMany(b => b).Order());
    }

    [Fact]
    public void Regions_of_similar_shape_go_together()
    {
        var boxes = new List<Box> { new(0, 0, 100, 10), new(0, 0, 10, 10), new(0, 0, 90, 10), new(0, 0, 12, 10) };

        var batches = RecognitionBatches.Plan(boxes, 2);

        Assert.Equal([[1, 3], [2, 0]], batches);
    }

    [Fact]
    public void No_regions_no_batches()
    {
        Assert.Empty(RecognitionBatches.Plan([], 16));
    }
}
