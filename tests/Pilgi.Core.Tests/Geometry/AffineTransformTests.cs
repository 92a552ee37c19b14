using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Geometry;

public class AffineTransformTests
{
    private static void Near(PointD expected, PointD actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.X, actual.X, tolerance);
        Assert.Equal(expected.Y, actual.Y, tolerance);
    }

    [Fact]
    public void Similarity_rotates_scales_and_shifts()
    {
        var t = AffineTransform.Similarity(2, Math.PI / 2, 10, 20);
        Near(new PointD(10, 22), t.Apply(new PointD(1, 0)));
        Assert.Equal(90, t.RotationDegrees, 9);
        Assert.Equal(2, t.ScaleX, 9);
        Assert.Equal(2, t.ScaleY, 9);
        Assert.Equal(new PointD(10, 20), t.Translation);
    }

    [Fact]
    public void Inverse_undoes_and_Then_composes_in_order()
    {
        var t = new AffineTransform(1.2, 0.1, 5, -0.2, 0.9, -7);
        var p = new PointD(123, -45);
        Near(p, t.Inverse().Apply(t.Apply(p)));
        Near(p, t.Then(t.Inverse()).Apply(p));

        var shift = AffineTransform.Translate(10, 0);
        var scale = AffineTransform.Scale(2, 2);
        Near(new PointD(22, 0), shift.Then(scale).Apply(new PointD(1, 0)));  // shift first, then scale
        Near(new PointD(12, 0), scale.Then(shift).Apply(new PointD(1, 0)));
    }

    [Fact]
    public void Singular_transform_has_no_inverse()
    {
        Assert.Throws<InvalidOperationException>(() => new AffineTransform(1, 2, 0, 2, 4, 0).Inverse());
    }

    [Fact]
    public void Apply_box_bounds_the_mapped_corners()
    {
        var rotate90 = AffineTransform.Similarity(1, Math.PI / 2, 0, 0);
        var mapped = rotate90.Apply(new Box(0, 0, 10, 4));
        Assert.Equal(-4, mapped.X, 9);
        Assert.Equal(0, mapped.Y, 9);
        Assert.Equal(4, mapped.W, 9);
        Assert.Equal(10, mapped.H, 9);
    }

    [Fact]
    public void Decomposes_anisotropic_scale()
    {
        var t = AffineTransform.Scale(2, 3).Then(AffineTransform.Similarity(1, 0.3, 0, 0));
        Assert.Equal(0.3 * 180 / Math.PI, t.RotationDegrees, 9);
        Assert.Equal(2, t.ScaleX, 9);
        Assert.Equal(3, t.ScaleY, 9);
    }
}
