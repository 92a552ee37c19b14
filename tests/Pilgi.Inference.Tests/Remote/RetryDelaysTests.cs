using Pilgi.Inference.Remote;

namespace Pilgi.Inference.Tests.Remote;

public class RetryDelaysTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(0.2), Max = TimeSpan.FromSeconds(10);

    [Fact]
    public void Backoff_is_jittered_below_a_ceiling_that_doubles_up_to_the_cap()
    {
        var random = new Random(7);
        for (int retry = 1; retry <= 12; retry++)
        {
            double ceiling = Math.Min(10, 0.2 * Math.Pow(2, retry - 1));
            var delays = Enumerable.Range(0, 200).Select(_ => RetryDelays.Next(retry, null, Base, Max, random).TotalSeconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, 0, ceiling));
            Assert.True(delays.Distinct().Count() > 100, "delays are spread, not all alike");
        }
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_cap()
    {
        var random = new Random(7);
        Assert.InRange(RetryDelays.Next(1, TimeSpan.FromSeconds(3), Base, Max, random).TotalSeconds, 3, 3.2);
        Assert.Equal(10, RetryDelays.Next(1, TimeSpan.FromSeconds(60), Base, Max, random).TotalSeconds);
    }
}
