using Pilgi.Core.Metrics;

namespace Pilgi.Cli.Composition;

/// <summary>
/// <c>eval --plots &lt;dir&gt;</c>: the reliability diagram (accuracy against mean confidence per bin; on the diagonal
/// when confidences are calibrated) and the risk–coverage curve (the share of accepted fields wrong against the share
/// accepted, accepting the most confident first), as PNG.
/// </summary>
internal static class EvalPlots
{
    public const string ReliabilityFile = "reliability.png";
    public const string RiskCoverageFile = "risk-coverage.png";

    private const int Width = 640, Height = 480;

    public static void Write(string dir, ReviewScores review)
    {
        ArgumentNullException.ThrowIfNull(review);
        Directory.CreateDirectory(dir);
        Reliability(review).SavePng(Path.Combine(dir, ReliabilityFile), Width, Height);
        RiskCoverage(review).SavePng(Path.Combine(dir, RiskCoverageFile), Width, Height);
        Console.WriteLine($"plots: {Path.GetFullPath(Path.Combine(dir, ReliabilityFile))}, {RiskCoverageFile}");
    }

    private static ScottPlot.Plot Reliability(ReviewScores review)
    {
        var plot = new ScottPlot.Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = ScottPlot.LinePattern.Dashed;
        diagonal.LegendText = "calibrated";
        var bins = review.Reliability.Where(b => b.Count > 0).ToList();
        var read = plot.Add.Scatter(bins.Select(b => b.MeanConfidence).ToArray(), bins.Select(b => b.Accuracy).ToArray());
        read.MarkerSize = 8;
        read.LegendText = "fields (per confidence bin)";
        plot.Title($"Reliability (ECE {review.Ece:0.0000})");
        plot.XLabel("mean confidence");
        plot.YLabel("share right");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
    }

    private static ScottPlot.Plot RiskCoverage(ReviewScores review)
    {
        var plot = new ScottPlot.Plot();
        var points = review.RiskCoverage;
        if (points.Count > 0)
        {
            var curve = plot.Add.Scatter(points.Select(p => p.Coverage).ToArray(), points.Select(p => p.Risk).ToArray());
            curve.MarkerSize = 0;
            curve.LegendText = "most confident first";
        }
        if (review.AcceptedCount > 0)
        {
            var accepted = plot.Add.Scatter(new[] { review.Accepted }, new[] { review.WrongAccepted });
            accepted.MarkerSize = 10;
            accepted.LineWidth = 0;
            accepted.LegendText = $"accepted: {review.Accepted:0.000}, wrong {review.WrongAccepted:0.0000}";
        }
        plot.Title("Risk–coverage");
        plot.XLabel("share of fields accepted");
        plot.YLabel("share of accepted fields wrong");
        double top = points.Count > 0 ? Math.Max(0.01, points.Max(p => p.Risk) * 1.05) : 1;
        plot.Axes.SetLimits(0, 1, 0, top);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
    }
}
