using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Geometry;

public class BoxTests
{
    [Fact]
    public void Edges_and_area()
    {
        var box = new Box(10, 20, 30, 40);
        Assert.Equal(40, box.Right);
        Assert.Equal(60, box.Bottom);
        Assert.Equal(1200, box.Area);
        Assert.Equal(new PointD(25, 40), box.Center);
        Assert.Equal(0, new Box(0, 0, -5, 10).Area);
    }

    [Fact]
    public void Iou_of_identical_disjoint_and_overlapping_boxes()
    {
        var a = new Box(0, 0, 10, 10);
        Assert.Equal(1, a.Iou(a), 12);
        Assert.Equal(0, a.Iou(new Box(20, 20, 5, 5)));
        // Overlap 5x10 = 50, union 150.
        Assert.Equal(50.0 / 150.0, a.Iou(new Box(5, 0, 10, 10)), 12);
        Assert.Equal(0, Box.Empty.Iou(Box.Empty));
    }

    [Fact]
    public void Intersect_union_inflate_clamp()
    {
        var a = new Box(0, 0, 10, 10);
        var b = new Box(5, 5, 10, 10);
        Assert.Equal(new Box(5, 5, 5, 5), a.Intersect(b));
        Assert.True(a.Intersect(new Box(50, 50, 1, 1)).IsEmpty);
        Assert.Equal(new Box(0, 0, 15, 15), a.Union(b));
        Assert.Equal(a, a.Union(Box.Empty));
        Assert.Equal(new Box(-2, -3, 14, 16), a.Inflate(2, 3));
        Assert.Equal(new Box(0, 0, 8, 6), new Box(-4, -2, 12, 8).Clamp(8, 100));
    }

    [Fact]
    public void ToIntArray_rounds_each_value()
    {
        Assert.Equal([761, 558, 221, 93], new Box(760.6, 557.5, 220.7, 92.6).ToIntArray());
    }

    [Fact]
    public void FromPoints_and_FromArray()
    {
        var box = Box.FromPoints([new PointD(760, 560), new PointD(980, 560), new PointD(980, 650), new PointD(760, 650)]);
        Assert.Equal(new Box(760, 560, 220, 90), box);
        Assert.Equal(new Box(1, 2, 3, 4), Box.FromArray([1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => Box.FromArray([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => Box.FromPoints([]));
    }
}
