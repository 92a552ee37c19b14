using Pilgi.Core.Raster;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

/// <summary>The committed recogniser reading one crop with and without a character prior.</summary>
public sealed class CharacterPriorDecodingTests
{
    private readonly ModelDescriptor _release = ModelDescriptor.Load(Path.Combine(RepoRoot(), "models", "recognizer", "pilgi-rec.json"));

    [Fact]
    public void Characters_the_prior_makes_rare_give_way_to_others_in_every_reading()
    {
        var plain = Read(_release with { CharacterPrior = null });
        Assert.NotEmpty(plain.Text);

        var read = plain.Text.Where(c => c != ' ').Select(c => c.ToString()).ToHashSet();
        var counts = _release.Charset.Where(s => s != " ").ToDictionary(s => s, s => read.Contains(s) ? 0L : 1000L, StringComparer.Ordinal);
        var weighed = Read(_release with { CharacterPrior = new CharacterPrior { File = "counts.tsv", Weight = 5, Shift = 0, Counts = counts } });

        Assert.DoesNotContain(weighed.Text, c => read.Contains(c.ToString()));
        Assert.NotNull(weighed.SecondOpinion);
        Assert.DoesNotContain(weighed.SecondOpinion!.Text, c => read.Contains(c.ToString()));
    }

    [Fact]
    public void A_prior_of_weight_zero_reads_as_none()
    {
        var counts = _release.Charset.Where(s => s != " ").ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        counts[_release.Charset[5]] = 1_000_000;

        Assert.Equal(Read(_release with { CharacterPrior = null }),
            Read(_release with { CharacterPrior = new CharacterPrior { File = "counts.tsv", Weight = 0, Shift = 0, Counts = counts } }));
    }

    private static TextRecognition Read(ModelDescriptor model)
    {
        using var recognizer = new OnnxLineRecognizer(model, new OnnxSessionFactory { IntraOpThreads = 1 });
        return recognizer.Recognize([Line()])[0];
    }

    private static GrayImage Line()
    {
        var crop = new GrayImage(120, 40);
        for (int y = 0; y < 40; y++)
            for (int x = 0; x < 120; x++) crop[x, y] = (byte)(y is > 10 and < 30 && x % 20 < 6 ? 20 : 245);
        return crop;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above the test's folder.");
    }
}
