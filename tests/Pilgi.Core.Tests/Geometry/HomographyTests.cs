using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Geometry;

public class HomographyTests
{
    private static readonly PointD[] Rectangle = [new(0, 0), new(999, 0), new(999, 1399), new(0, 1399)];
    private static readonly PointD[] SheetInPhoto = [new(310, 420), new(1390, 380), new(1460, 1890), new(260, 1930)];

    private static void Near(PointD expected, PointD actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.X, actual.X, tolerance);
        Assert.Equal(expected.Y, actual.Y, tolerance);
    }

    [Fact]
    public void FromCorners_takes_each_corner_to_its_partner()
    {
        var h = Homography.FromCorners(Rectangle, SheetInPhoto);
        for (int i = 0; i < 4; i++) Near(SheetInPhoto[i], h.Apply(Rectangle[i]));
        Assert.False(h.IsAffine);
    }

    [Fact]
    public void Inverse_undoes_and_Then_composes_in_order()
    {
        var h = Homography.FromCorners(Rectangle, SheetInPhoto);
        var p = new PointD(480, 700);
        Near(p, h.Inverse().Apply(h.Apply(p)));
        var shift = AffineTransform.Translate(10, 0);
        Near(new PointD(h.Apply(p).X + 10, h.Apply(p).Y), h.Then(shift).Apply(p));
        Near(h.Apply(new PointD(p.X + 10, p.Y)), Homography.From(shift).Then(h).Apply(p));
    }

    [Fact]
    public void An_affine_map_stays_affine_and_converts_back()
    {
        var a = new AffineTransform(1.2, 0.1, 5, -0.2, 0.9, -7);
        var h = Homography.From(a);
        Assert.True(h.IsAffine);
        Assert.Equal(a, h.ToAffine());
        Assert.Throws<InvalidOperationException>(() => Homography.FromCorners(Rectangle, SheetInPhoto).ToAffine());
    }

    [Fact]
    public void Fit_recovers_a_map_from_many_noisy_pairs()
    {
        var truth = Homography.FromCorners(Rectangle, SheetInPhoto);
        var random = new Random(7);
        var from = Enumerable.Range(0, 60).Select(_ => new PointD(random.NextDouble() * 1000, random.NextDouble() * 1400)).ToList();
        var to = from.Select(p => truth.Apply(p)).Select(p => new PointD(p.X + (random.NextDouble() - 0.5) * 0.2, p.Y + (random.NextDouble() - 0.5) * 0.2)).ToList();
        var fit = Homography.Fit(from, to);
        Assert.NotNull(fit);
        foreach (var corner in Rectangle) Near(truth.Apply(corner), fit!.Value.Apply(corner), 0.5);
    }

    [Fact]
    public void Three_points_on_a_line_fix_no_map()
    {
        PointD[] collinear = [new(0, 0), new(1, 1), new(2, 2), new(0, 5)];
        Assert.Throws<ArgumentException>(() => Homography.FromCorners(collinear, SheetInPhoto));
        Assert.Null(Homography.Fit(collinear.Take(3).ToList(), SheetInPhoto.Take(3).ToList()));
    }

    [Fact]
    public void A_box_maps_to_the_box_around_its_corners()
    {
        var h = Homography.FromCorners(Rectangle, SheetInPhoto);
        var box = h.Apply(new Box(0, 0, 999, 1399));
        Assert.Equal(260, box.X, 6);
        Assert.Equal(380, box.Y, 6);
        Assert.Equal(1460, box.Right, 6);
        Assert.Equal(1930, box.Bottom, 6);
    }
}
