using Pilgi.Core.Fusion.Confidence;

namespace Pilgi.Core.Tests.Fusion.Confidence;

public class LogisticModelTests
{
    [Fact]
    public void The_probability_is_the_sigmoid_of_the_weighted_sum()
    {
        var model = new LogisticModel { Bias = -1, Weights = [2, 0.5] };

        Assert.Equal(1 / (1 + Math.Exp(-(-1 + 2 * 1 + 0.5 * 4))), model.Probability([1, 4]), 12);
        Assert.Throws<ArgumentException>(() => model.Probability([1]));
    }

    [Fact]
    public void A_fit_recovers_the_model_that_drew_the_outcomes()
    {
        var random = new Random(7);
        var x = new List<double[]>();
        var right = new List<bool>();
        for (int i = 0; i < 4000; i++)
        {
            double a = random.NextDouble() * 6 - 3, b = random.NextDouble() * 6 - 3;
            x.Add([a, b]);
            right.Add(random.NextDouble() < LogisticModel.Sigmoid(0.5 + 1.5 * a - 1.0 * b));
        }

        var fitted = LogisticModel.Fit(x, right, penalty: 0.01);

        Assert.Equal(0.5, fitted.Bias, 0.2);
        Assert.Equal(1.5, fitted.Weights[0], 0.2);
        Assert.Equal(-1.0, fitted.Weights[1], 0.2);
    }

    [Fact]
    public void A_strong_penalty_keeps_a_few_samples_near_the_prior()
    {
        var prior = new LogisticModel { Bias = 2, Weights = [1] };
        double[][] x = [[0], [1], [2]];
        bool[] right = [false, false, false];

        var near = LogisticModel.Fit(x, right, penalty: 1000, prior);
        var free = LogisticModel.Fit(x, right, penalty: 0.001, prior);

        Assert.Equal(1, near.Weights[0], 0.05);
        Assert.True(free.Probability([1]) < near.Probability([1]));
    }
}
