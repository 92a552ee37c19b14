using Pilgi.Core.Geometry;

namespace Pilgi.Core.Tests.Geometry;

public class AffineFitTests
{
    private static readonly AffineTransform Truth = AffineTransform.Similarity(0.83, 1.5 * Math.PI / 180, 37.5, -12.25);

    private static PointD[] Grid(int n, Random random) =>
        Enumerable.Range(0, n).Select(_ => new PointD(random.NextDouble() * 2480, random.NextDouble() * 3508)).ToArray();

    [Fact]
    public void Similarity_fit_recovers_exact_transform()
    {
        var src = Grid(10, new Random(1));
        var fit = AffineFit.FitSimilarity(src, src.Select(Truth.Apply).ToArray());
        Assert.Equal(1.5, fit.RotationDegrees, 9);
        Assert.Equal(0.83, fit.ScaleX, 9);
        Assert.Equal(37.5, fit.C, 6);
        Assert.Equal(-12.25, fit.F, 6);
    }

    [Fact]
    public void Affine_fit_recovers_exact_transform()
    {
        var truth = new AffineTransform(1.1, 0.05, 3, -0.02, 0.95, 8);
        var src = Grid(6, new Random(2));
        var fit = AffineFit.FitAffine(src, src.Select(truth.Apply).ToArray());
        Assert.Equal(truth.A, fit.A, 9); Assert.Equal(truth.B, fit.B, 9); Assert.Equal(truth.C, fit.C, 6);
        Assert.Equal(truth.D, fit.D, 9); Assert.Equal(truth.E, fit.E, 9); Assert.Equal(truth.F, fit.F, 6);
    }

    [Fact]
    public void Degenerate_input_throws()
    {
        PointD[] one = [new(1, 1)];
        Assert.Throws<ArgumentException>(() => AffineFit.FitSimilarity(one, one));
        PointD[] same = [new(1, 1), new(1, 1)];
        Assert.Throws<ArgumentException>(() => AffineFit.FitSimilarity(same, same));
        PointD[] line = [new(0, 0), new(1, 1), new(2, 2), new(5, 5)];
        Assert.Throws<ArgumentException>(() => AffineFit.FitAffine(line, line));
        Assert.Throws<ArgumentException>(() => AffineFit.FitAffine(line, line.Take(3).ToArray()));
    }

    [Fact]
    public void Ransac_recovers_similarity_from_noisy_points_with_30_percent_outliers()
    {
        var random = new Random(42);
        var src = Grid(200, random);
        var dst = new PointD[src.Length];
        var isOutlier = new bool[src.Length];
        for (int i = 0; i < src.Length; i++)
        {
            isOutlier[i] = i % 10 < 3;
            dst[i] = isOutlier[i]
                ? new PointD(random.NextDouble() * 2480, random.NextDouble() * 3508)
                : Truth.Apply(src[i]) + new PointD(Gaussian(random) * 0.7, Gaussian(random) * 0.7);
        }

        var result = AffineFit.Ransac(src, dst, TransformModel.Similarity, inlierThresholdPx: 3, iterations: 200, seed: 7);

        Assert.NotNull(result);
        Assert.Equal(1.5, result.Transform.RotationDegrees, 0.02);
        Assert.Equal(0.83, result.Transform.ScaleX, 0.001);
        Assert.Equal(37.5, result.Transform.C, 1.5);
        Assert.Equal(-12.25, result.Transform.F, 1.5);
        Assert.InRange(result.InlierCount, 130, 145);
        Assert.Equal(result.InlierCount, result.InlierMask.Count(m => m));
        for (int i = 0; i < src.Length; i++)
            if (isOutlier[i] && result.InlierMask[i]) Assert.True(Truth.Apply(src[i]).DistanceTo(dst[i]) < 5);
        Assert.InRange(result.RmsResidual, 0.3, 1.5);

        var again = AffineFit.Ransac(src, dst, TransformModel.Similarity, 3, 200, 7)!;
        Assert.Equal(result.Transform, again.Transform);
    }

    [Fact]
    public void Ransac_affine_model_and_null_for_too_few_points()
    {
        var src = Grid(30, new Random(3));
        var dst = src.Select(Truth.Apply).ToArray();
        var result = AffineFit.Ransac(src, dst, TransformModel.Affine, 1, 50, 1);
        Assert.NotNull(result);
        Assert.Equal(30, result.InlierCount);
        Assert.True(result.RmsResidual < 1e-6);

        Assert.Null(AffineFit.Ransac(src.Take(2).ToArray(), dst.Take(2).ToArray(), TransformModel.Affine, 1, 50, 1));
        Assert.Throws<ArgumentException>(() => AffineFit.Ransac(src, dst.Take(5).ToArray(), TransformModel.Affine, 1, 50, 1));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
