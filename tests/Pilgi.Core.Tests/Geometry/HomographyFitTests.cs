using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Geometry;

public class HomographyFitTests
{
    [Fact]
    public void Ransac_ignores_pairs_that_disagree()
    {
        var truth = Homography.FromCorners([new(0, 0), new(100, 0), new(100, 140), new(0, 140)],
            [new(3, 2), new(104, -1), new(107, 146), new(-2, 141)]);
        var random = new Random(3);
        var from = Enumerable.Range(0, 80).Select(_ => new PointD(random.NextDouble() * 100, random.NextDouble() * 140)).ToList();
        var to = from.Select(p => truth.Apply(p)).ToList();
        for (int i = 0; i < 20; i++) to[i] = new PointD(to[i].X + 15 + i, to[i].Y - 9); // patches over handwriting
        var fit = HomographyFit.Ransac(from, to, 1.0, 300, 1);
        Assert.NotNull(fit);
        Assert.Equal(60, fit!.Value.InlierCount);
        Assert.All(Enumerable.Range(0, 20), i => Assert.False(fit.Value.InlierMask[i]));
        Assert.True(fit.Value.RmsResidual < 1e-6);
    }

    [Fact]
    public void Too_few_pairs_give_no_fit()
    {
        var points = Enumerable.Range(0, 7).Select(i => new PointD(i, i * i)).ToList();
        Assert.Null(HomographyFit.Ransac(points, points, 1.0, 50, 1));
    }
}
