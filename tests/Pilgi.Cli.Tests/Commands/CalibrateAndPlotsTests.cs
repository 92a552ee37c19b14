using System.Text.Json.Nodes;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Metrics;
using Pilgi.Inference.Models;
using Pilgi.TestSupport;

namespace Pilgi.Cli.Tests.Commands;

/// <summary><c>pilgi calibrate</c> and <c>eval --plots</c>, run in this process with the bundled recogniser on the sample forms.</summary>
public sealed class CalibrateAndPlotsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pilgi-calibrate-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A copy of the bundled descriptor (its calibration removed) beside links to the files it names (models, prior).</summary>
    private string CopyDescriptor()
    {
        var models = Path.Combine(RepoPaths.Root, "models", "recognizer");
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(models, "pilgi-rec.json")))!.AsObject();
        node.Remove("calibration");
        var path = Path.Combine(_dir.FullName, "pilgi-rec.json");
        File.WriteAllText(path, node.ToJsonString());
        var files = new List<string> { node["file"]!.GetValue<string>() };
        if (node["specialists"] is JsonArray specialists) files.AddRange(specialists.Select(s => s!["file"]!.GetValue<string>()));
        if (node["characterPrior"] is JsonObject prior) files.Add(prior["file"]!.GetValue<string>());
        foreach (var file in files) File.CreateSymbolicLink(Path.Combine(_dir.FullName, file), Path.Combine(models, file));
        return path;
    }

    /// <summary>A copy of the descriptor calibrated on the first sample scan, and the samples that calibration kept.</summary>
    private async Task<(string Descriptor, string Samples)> CalibratedOnOneScanAsync()
    {
        var descriptor = CopyDescriptor();
        var samples = Path.Combine(_dir.FullName, "samples.tsv");
        var run = await CliRun.RunAsync("calibrate", "--descriptor", descriptor, "--data", RepoPaths.SampleForms, "--limit", "1",
            "--save-samples", samples);
        Assert.True(run.ExitCode == 0, run.Error);
        return (descriptor, samples);
    }

    [Fact]
    public async Task Calibrate_reads_labelled_forms_and_writes_the_calibration_into_the_descriptor()
    {
        var descriptor = CopyDescriptor();
        var samples = Path.Combine(_dir.FullName, "samples.tsv");

        var read = await CliRun.RunAsync("calibrate", "--descriptor", descriptor, "--data", RepoPaths.SampleForms, "--limit", "2",
            "--save-samples", samples);
        var again = await CliRun.RunAsync("calibrate", "--descriptor", descriptor, "--from-samples", samples);

        Assert.True(read.ExitCode == 0, read.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        var loaded = ModelDescriptor.Load(descriptor);
        Assert.NotNull(loaded.Calibration);
        Assert.Equal(loaded.Id, loaded.Calibration!.Model);
        Assert.Equal(["samples.tsv"], loaded.Calibration.FittedOn);
        int fields = File.ReadAllLines(samples).Length - 1;
        Assert.True(fields > 5, $"{fields} fields");
        Assert.Equal(fields, loaded.Calibration.All.Samples);
        Assert.NotEmpty(loaded.Charset); // the rest of the descriptor is kept
        var scans = Directory.GetFiles(Path.Combine(RepoPaths.SampleForms, "scans")).Select(Path.GetFileName).ToHashSet();
        Assert.Equal("scan", File.ReadAllLines(samples)[0].Split('\t')[^1]);
        Assert.All(File.ReadAllLines(samples).Skip(1), line => Assert.Contains(line.Split('\t')[^1], scans));
    }

    [Fact]
    public async Task Samples_saved_before_they_named_their_scan_are_still_read()
    {
        var (descriptor, samples) = await CalibratedOnOneScanAsync();
        var old = Path.Combine(_dir.FullName, "old.tsv");
        File.WriteAllLines(old, File.ReadAllLines(samples).Select(line => line[..line.LastIndexOf('\t')]));

        var again = await CliRun.RunAsync("calibrate", "--descriptor", descriptor, "--from-samples", old);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(File.ReadAllLines(old).Length - 1, ModelDescriptor.Load(descriptor).Calibration!.All.Samples);
    }

    [Fact]
    public async Task A_calibration_fitted_for_other_weights_is_dropped_and_says_so()
    {
        var (descriptor, samples) = await CalibratedOnOneScanAsync();
        var node = JsonNode.Parse(File.ReadAllText(descriptor))!.AsObject();
        node["version"] = "retrained";
        File.WriteAllText(descriptor, node.ToJsonString());

        var loaded = ModelDescriptor.Load(descriptor);

        Assert.Null(loaded.Calibration);
        Assert.Contains("refit it", loaded.CalibrationProblem);
        Assert.Null(ModelDescriptor.LoadCalibration(descriptor));
    }

    [Fact]
    public async Task Eval_reports_review_figures_and_writes_the_plots()
    {
        var report = Path.Combine(_dir.FullName, "report.json");
        var plots = Path.Combine(_dir.FullName, "plots");

        var run = await CliRun.RunAsync("eval", "--data", RepoPaths.SampleForms, "--limit", "2", "--report", report, "--plots", plots);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("wrong among accepted", run.Out);
        var review = EvalReportJson.Deserialize(File.ReadAllText(report)).Review;
        Assert.Equal(10, review.Reliability.Count);
        Assert.NotEmpty(review.RiskCoverage);
        foreach (var file in new[] { EvalPlots.ReliabilityFile, EvalPlots.RiskCoverageFile })
        {
            var bytes = File.ReadAllBytes(Path.Combine(plots, file));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        }
    }
}
