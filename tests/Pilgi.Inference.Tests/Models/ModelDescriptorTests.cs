using System.Text.Json.Nodes;
using Pilgi.Core.Errors;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Models;

public sealed class ModelDescriptorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pilgi-descriptor-").FullName;

    [Fact]
    public void The_committed_release_s_calibration_was_fitted_on_the_features_this_build_computes()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pipeline.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Pipeline.sln not found.");

        var d = ModelDescriptor.Load(Path.Combine(root, "models", "recognizer", "pilgi-rec.json"));

        Assert.Null(d.CalibrationProblem);
        Assert.Equal(Pilgi.Core.Fusion.Confidence.ConfidenceFeatures.Names, d.Calibration!.Features);
        Assert.Equal(d.Id, d.Calibration.Model);
    }

    [Fact]
    public void A_release_without_specialists_loads_with_none()
    {
        var d = ModelDescriptor.Load(Write(specialists: null));
        Assert.Empty(d.Specialists);
        Assert.Equal(Path.Combine(_dir, "main.onnx"), d.ModelPath);
    }

    [Fact]
    public void A_specialist_is_resolved_beside_the_descriptor_and_shares_the_release_as_a_model()
    {
        File.WriteAllBytes(Path.Combine(_dir, "digits.onnx"), [1]);
        var d = ModelDescriptor.Load(Write(new JsonArray(new JsonObject { ["file"] = "digits.onnx", ["reads"] = "0123456789-" })));

        var specialist = Assert.Single(d.Specialists);
        Assert.Equal(Path.Combine(_dir, "digits.onnx"), specialist.ModelPath);
        var asModel = d.AsModel(specialist);
        Assert.Equal(specialist.ModelPath, asModel.ModelPath);
        Assert.Equal(d.Id, asModel.Id);
        Assert.Equal(d.Charset, asModel.Charset);
        Assert.Empty(asModel.Specialists);
    }

    [Fact]
    public void A_specialist_whose_file_is_missing_fails_the_load_with_its_path()
    {
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(Write(new JsonArray(new JsonObject { ["file"] = "gone.onnx", ["reads"] = "0123456789" }))));
        Assert.Equal(ReasonCodes.InferenceFailed, e.Reason);
        Assert.Contains("gone.onnx", e.Message);
    }

    [Fact]
    public void A_specialist_that_says_nothing_about_what_it_reads_fails_the_load()
    {
        File.WriteAllBytes(Path.Combine(_dir, "digits.onnx"), [1]);
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(Write(new JsonArray(new JsonObject { ["file"] = "digits.onnx", ["reads"] = "" }))));
        Assert.Contains("characters it reads", e.Message);
    }

    [Fact]
    public void A_release_scales_its_lines_by_area_unless_it_names_another_filter_and_a_specialist_inherits_it()
    {
        File.WriteAllBytes(Path.Combine(_dir, "digits.onnx"), [1]);
        var plain = ModelDescriptor.Load(Write());
        var d = ModelDescriptor.Load(Write(new JsonArray(
            new JsonObject { ["file"] = "digits.onnx", ["reads"] = "0123456789" },
            new JsonObject { ["file"] = "digits.onnx", ["reads"] = "0123456789-", ["scaling"] = "area" }), scaling: "triangle"));

        Assert.Equal(LineScaling.Area, plain.Scaling);
        Assert.Equal(LineScaling.Triangle, d.Scaling);
        Assert.Equal(LineScaling.Triangle, d.AsModel(d.Specialists[0]).Scaling);
        Assert.Equal(LineScaling.Area, d.AsModel(d.Specialists[1]).Scaling);
        Assert.Equal([LineScaling.Triangle, LineScaling.Triangle, LineScaling.Area], [d.ScalingFor(0), d.ScalingFor(1), d.ScalingFor(2)]);
    }

    [Fact]
    public void Asking_for_the_filter_of_a_reader_the_release_does_not_have_fails()
    {
        File.WriteAllBytes(Path.Combine(_dir, "digits.onnx"), [1]);
        var d = ModelDescriptor.Load(Write(new JsonArray(new JsonObject { ["file"] = "digits.onnx", ["reads"] = "0123456789" })));

        Assert.Throws<ArgumentOutOfRangeException>(() => d.ScalingFor(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.ScalingFor(-1));
    }

    [Fact]
    public void Each_model_darkens_its_ink_to_its_own_level_and_a_specialist_never_inherits_the_main_model_s()
    {
        File.WriteAllBytes(Path.Combine(_dir, "digits.onnx"), [1]);
        var plain = ModelDescriptor.Load(Write());
        var d = ModelDescriptor.Load(Write(new JsonArray(
            new JsonObject { ["file"] = "digits.onnx", ["reads"] = "0123456789" },
            new JsonObject { ["file"] = "digits.onnx", ["reads"] = "0123456789-", ["inkLevel"] = 40 }), inkLevel: 60));

        Assert.Null(plain.InkLevelFor(0));
        Assert.Equal([60, null, 40], [d.InkLevelFor(0), d.InkLevelFor(1), d.InkLevelFor(2)]);
        Assert.Null(d.AsModel(d.Specialists[0]).InkLevel);
        Assert.Equal(40, d.AsModel(d.Specialists[1]).InkLevel);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.InkLevelFor(3));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(255)]
    public void An_ink_level_that_is_no_grey_below_paper_white_fails_the_load(int level)
    {
        var e = Assert.Throws<PilgiException>(() => ModelDescriptor.Load(Write(inkLevel: level)));
        Assert.Equal(ReasonCodes.InferenceFailed, e.Reason);
        Assert.Contains("inkLevel", e.Message);
    }

    [Fact]
    public void A_filter_this_build_does_not_know_fails_the_load()
    {
        var e = Assert.Throws<PilgiException>(() => ModelDescriptor.Load(Write(scaling: "lanczos")));
        Assert.Equal(ReasonCodes.InferenceFailed, e.Reason);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void A_descriptor_s_prior_reads_its_counts_from_the_file_beside_it()
    {
        File.WriteAllText(Path.Combine(_dir, "prior.tsv"), "# from a dictionary\n가\t98\n갇\t0\n나\t1\n");

        var d = ModelDescriptor.Load(Write(prior: new JsonObject { ["file"] = "prior.tsv", ["weight"] = 0.6, ["shift"] = 2 }));

        Assert.NotNull(d.CharacterPrior);
        Assert.Equal(3, d.CharacterPrior!.Counts.Count);
        Assert.Equal(98, d.CharacterPrior.Counts["가"]);
        Assert.Equal(0.6, d.CharacterPrior.Weight);
    }

    [Fact]
    public void A_prior_whose_file_is_missing_fails_the_load_with_its_path()
    {
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(Write(prior: new JsonObject { ["file"] = "gone.tsv", ["weight"] = 0.6, ["shift"] = 2 })));
        Assert.Equal(ReasonCodes.InferenceFailed, e.Reason);
        Assert.Contains("gone.tsv", e.Message);
    }

    [Theory]
    [InlineData("가\t98\n갇\n")]
    [InlineData("가\t98\n가\t3\n")]
    [InlineData("가\t-4\n")]
    [InlineData("# nothing\n")]
    public void A_malformed_counts_file_fails_the_load_with_a_reason(string content)
    {
        File.WriteAllText(Path.Combine(_dir, "prior.tsv"), content);
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(Write(prior: new JsonObject { ["file"] = "prior.tsv", ["weight"] = 0.6, ["shift"] = 2 })));
        Assert.Equal(ReasonCodes.InferenceFailed, e.Reason);
        Assert.Contains("prior.tsv", e.Message);
    }

    [Fact]
    public void A_negative_weight_fails_the_load()
    {
        File.WriteAllText(Path.Combine(_dir, "prior.tsv"), "가\t98\n");
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(Write(prior: new JsonObject { ["file"] = "prior.tsv", ["weight"] = -1, ["shift"] = 2 })));
        Assert.Contains("weight", e.Message);
    }

    private string Write(JsonArray? specialists = null, JsonObject? prior = null, string? scaling = null, int? inkLevel = null)
    {
        File.WriteAllBytes(Path.Combine(_dir, "main.onnx"), [1]);
        var json = new JsonObject
        {
            ["name"] = "rec", ["version"] = "1", ["file"] = "main.onnx", ["input"] = "image", ["output"] = "probs", ["height"] = 32,
            ["charset"] = new JsonArray("0", "1"),
        };
        if (specialists is not null) json["specialists"] = specialists;
        if (prior is not null) json["characterPrior"] = prior;
        if (scaling is not null) json["scaling"] = scaling;
        if (inkLevel is not null) json["inkLevel"] = inkLevel;
        var path = Path.Combine(_dir, "rec.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
