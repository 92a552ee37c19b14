using Pilgi.Core.Fusion;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Fusion;

public class ReadingOrderTests
{
    [Fact]
    public void Groups_lines_by_vertical_centre_and_sorts_by_x()
    {
        Box[] boxes =
        [
            new(300, 105, 50, 40),   // line 2, right
            new(200, 8, 50, 40),     // line 1, right (slightly lower)
            new(10, 100, 50, 40),    // line 2, left
            new(10, 0, 50, 40),      // line 1, left
        ];
        var lines = ReadingOrder.Lines(boxes);
        Assert.Equal(2, lines.Count);
        Assert.Equal([3, 1], lines[0]);
        Assert.Equal([2, 0], lines[1]);
    }

    [Fact]
    public void Joins_close_neighbours_without_space()
    {
        Box[] boxes = [new(0, 0, 40, 40), new(60, 0, 40, 40), new(200, 0, 40, 40)];
        Assert.Equal("가나 다", ReadingOrder.Join(boxes, ["가", "나", "다"]));
    }
}
