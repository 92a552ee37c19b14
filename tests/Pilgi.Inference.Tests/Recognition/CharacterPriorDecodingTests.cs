using Pilgi.Core.Raster;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

/// <summary>The committed recogniser reading one crop with and without a character prior.</summary>
public sealed class CharacterPriorDecodingTests
{
    private readonly ModelDescriptor _release = ModelDescriptor.Load(CommittedRelease.Descriptor);

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
        return recognizer.Recognize([CommittedRelease.BarLine()])[0];
    }
}
