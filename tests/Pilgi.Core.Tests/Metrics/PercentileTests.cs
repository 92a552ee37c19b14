using Pilgi.Core.Metrics;

namespace Pilgi.Core.Tests.Metrics;

public class PercentileTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(50, 2.5)]
    [InlineData(95, 3.85)]
    [InlineData(100, 4)]
    public void Linear_interpolation_like_numpy(double percent, double expected)
    {
        Assert.Equal(expected, Percentile.Of([4, 1, 3, 2], percent), 12);
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.Equal(0, Percentile.Of([], 50));
        Assert.Equal(7, Percentile.Of([7], 95));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1], 101));
    }
}
