using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Geometry;

public class QuadTests
{
    [Fact]
    public void From_ai_hub_arrays_gives_bounds()
    {
        var quad = Quad.FromArrays([760, 980, 985, 758], [560, 562, 650, 648]);
        Assert.Equal(new Box(758, 560, 227, 90), quad.Bounds);
        Assert.Equal([760, 980, 985, 758], quad.Xs);
    }

    [Fact]
    public void Other_point_counts_become_their_bounds_and_mismatches_throw()
    {
        Assert.Equal(new Box(1, 2, 9, 8), Quad.FromArrays([1, 10], [2, 10]).Bounds);
        Assert.Throws<ArgumentException>(() => Quad.FromArrays([1, 2, 3, 4], [1, 2, 3]));
    }
}
