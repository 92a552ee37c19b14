using System.Text.Json.Serialization;

namespace Pilgi.Core.Fusion.Confidence;

/// <summary>
/// P(right) = σ(<see cref="Bias"/> + Σ <see cref="Weights"/>ᵢ·xᵢ), over <see cref="ConfidenceFeatures.ToArray"/>.
/// <see cref="Fit"/> maximises the likelihood with a Gaussian penalty pulling the weights towards a prior model (a kind
/// with few samples stays near the model of all kinds).
/// </summary>
public sealed record LogisticModel
{
    [JsonPropertyName("bias")] public double Bias { get; init; }
    [JsonPropertyName("weights")] public IReadOnlyList<double> Weights { get; init; } = [];

    public double Probability(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count != Weights.Count)
            throw new ArgumentException($"The model weighs {Weights.Count} features, not {features.Count}.", nameof(features));
        double z = Bias;
        for (int i = 0; i < features.Count; i++) z += Weights[i] * features[i];
        return Sigmoid(z);
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>
    /// Newton's method on the penalised log-likelihood: −Σ log-loss − <paramref name="penalty"/>/2·‖w − prior‖²
    /// (the bias is penalised a hundred times less). <paramref name="prior"/> null: towards zero.
    /// </summary>
    public static LogisticModel Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> right, double penalty, LogisticModel? prior = null,
        int iterations = 50)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(right);
        if (x.Count != right.Count) throw new ArgumentException("One outcome per sample is needed.", nameof(right));
        if (x.Count == 0) throw new ArgumentException("No samples to fit.", nameof(x));
        int d = x[0].Length + 1; // index 0 is the bias
        var priorW = new double[d];
        if (prior is not null)
        {
            if (prior.Weights.Count != d - 1) throw new ArgumentException("The prior weighs other features.", nameof(prior));
            priorW[0] = prior.Bias;
            for (int j = 1; j < d; j++) priorW[j] = prior.Weights[j - 1];
        }
        var lambda = Enumerable.Range(0, d).Select(j => j == 0 ? penalty / 100 : penalty).ToArray();
        var w = (double[])priorW.Clone();
        for (int it = 0; it < iterations; it++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (int j = 0; j < d; j++)
            {
                gradient[j] = lambda[j] * (w[j] - priorW[j]);
                hessian[j, j] = lambda[j];
            }
            for (int n = 0; n < x.Count; n++)
            {
                double z = w[0];
                for (int j = 1; j < d; j++) z += w[j] * x[n][j - 1];
                double p = Sigmoid(z), residual = p - (right[n] ? 1 : 0), curvature = Math.Max(p * (1 - p), 1e-9);
                for (int j = 0; j < d; j++)
                {
                    double xj = j == 0 ? 1 : x[n][j - 1];
                    gradient[j] += residual * xj;
                    for (int k = 0; k <= j; k++) hessian[j, k] += curvature * xj * (k == 0 ? 1 : x[n][k - 1]);
                }
            }
            for (int j = 0; j < d; j++) for (int k = 0; k < j; k++) hessian[k, j] = hessian[j, k];
            var step = Solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < d; j++)
            {
                w[j] -= step[j];
                largest = Math.Max(largest, Math.Abs(step[j]));
            }
            if (largest < 1e-8) break;
        }
        return new LogisticModel { Bias = w[0], Weights = w.Skip(1).ToArray() };
    }

    /// <summary>Cholesky solve of a symmetric positive-definite system (the penalty keeps it so).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) sum -= l[k, i] * x[k];
            x[i] = sum / l[i, i];
        }
        return x;
    }
}
