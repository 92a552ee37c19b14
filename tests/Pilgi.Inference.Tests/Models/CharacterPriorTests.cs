using System.Text.Json.Nodes;
using Pilgi.Core.Errors;
using Pilgi.Inference.Models;

namespace Pilgi.Inference.Tests.Models;

public sealed class CharacterPriorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pilgi-prior-").FullName;

    private static readonly string[] Charset = ["7", "가", "갇", "나"];

    private static CharacterPrior Prior(double weight, double shift, params (string Character, long Count)[] counts) => new()
    {
        File = "prior.tsv", Weight = weight, Shift = shift, Smoothing = 1,
        Counts = counts.ToDictionary(c => c.Character, c => c.Count, StringComparer.Ordinal),
    };

    [Fact]
    public void A_rare_character_is_lowered_and_the_blank_and_unlisted_classes_keep_their_probability()
    {
        var prior = Prior(1, 0, ("가", 98), ("갇", 0), ("나", 1));

        var w = prior.ClassWeights(Charset, blank: 0);

        Assert.Equal(5, w.Length);
        Assert.Equal(1f, w[0]); // blank
        Assert.Equal(1f, w[1]); // "7": not a listed character
        // shares (n + 1) / 102 among three: 가 99/102 (well above an even share: kept), 갇 1/102, 나 2/102
        Assert.Equal(1f, w[2]);
        Assert.Equal(3.0 / 102, w[3], 5);
        Assert.Equal(6.0 / 102, w[4], 5);
    }

    [Fact]
    public void The_shift_lowers_all_but_the_commonest_and_the_weight_is_an_exponent_on_the_odds()
    {
        var prior = Prior(0.5, Math.Log(2), ("가", 98), ("갇", 0), ("나", 1));

        var w = prior.ClassWeights(Charset, blank: 0);

        // 가's odds 3 * 99/102 = 2.91 are above e^shift = 2: kept; 나's 6/102 against 2, square-rooted
        Assert.Equal(1f, w[2]);
        Assert.Equal(Math.Sqrt(6.0 / 102 / 2), w[4], 5);
        Assert.True(w[3] < w[4]);
    }

    [Fact]
    public void A_weight_of_zero_changes_nothing()
    {
        Assert.All(Prior(0, 2, ("가", 5), ("나", 0)).ClassWeights(Charset, blank: 0), w => Assert.Equal(1f, w));
    }

    [Fact]
    public void A_descriptor_s_prior_reads_its_counts_from_the_file_beside_it()
    {
        File.WriteAllText(Path.Combine(_dir, "prior.tsv"), "# from a dictionary\n가\t98\n갇\t0\n나\t1\n");

        var d = ModelDescriptor.Load(WriteDescriptor(new JsonObject { ["file"] = "prior.tsv", ["weight"] = 0.6, ["shift"] = 2 }));

        Assert.NotNull(d.CharacterPrior);
        Assert.Equal(3, d.CharacterPrior!.Counts.Count);
        Assert.Equal(98, d.CharacterPrior.Counts["가"]);
        Assert.Equal(0.6, d.CharacterPrior.Weight);
    }

    [Fact]
    public void A_prior_whose_file_is_missing_fails_the_load_with_its_path()
    {
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(WriteDescriptor(new JsonObject { ["file"] = "gone.tsv", ["weight"] = 0.6, ["shift"] = 2 })));
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
            ModelDescriptor.Load(WriteDescriptor(new JsonObject { ["file"] = "prior.tsv", ["weight"] = 0.6, ["shift"] = 2 })));
        Assert.Equal(ReasonCodes.InferenceFailed, e.Reason);
        Assert.Contains("prior.tsv", e.Message);
    }

    [Fact]
    public void A_negative_weight_fails_the_load()
    {
        File.WriteAllText(Path.Combine(_dir, "prior.tsv"), "가\t98\n");
        var e = Assert.Throws<PilgiException>(() =>
            ModelDescriptor.Load(WriteDescriptor(new JsonObject { ["file"] = "prior.tsv", ["weight"] = -1, ["shift"] = 2 })));
        Assert.Contains("weight", e.Message);
    }

    private string WriteDescriptor(JsonObject prior)
    {
        File.WriteAllBytes(Path.Combine(_dir, "main.onnx"), [1]);
        var json = new JsonObject
        {
            ["name"] = "rec", ["version"] = "1", ["file"] = "main.onnx", ["input"] = "image", ["output"] = "probs", ["height"] = 32,
            ["charset"] = new JsonArray(Charset.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["characterPrior"] = prior,
        };
        var path = Path.Combine(_dir, "rec.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
