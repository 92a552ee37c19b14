using Pilgi.Inference.Models;

namespace Pilgi.Inference.Tests.Models;

public sealed class CharacterPriorTests
{
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
    public void The_release_s_prior_keeps_the_particles_people_write_and_the_syllables_of_names_above_those_no_word_holds()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pipeline.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Pipeline.sln not found.");
        var release = ModelDescriptor.Load(Path.Combine(root, "models", "recognizer", "pilgi-rec.json"));
        var weights = release.CharacterPrior!.ClassWeights(release.Charset, release.Blank);
        float Weight(string syllable)
        {
            int index = release.Charset.ToList().IndexOf(syllable);
            return weights[index < release.Blank ? index : index + 1];
        }

        // dictionary stems alone held 는 19 times against 은 774, and real writers' 는 was read as 은
        Assert.True(Weight("는") >= Weight("은") && Weight("은") > 0.5f);
        Assert.True(Weight("에") >= Weight("예") && Weight("예") > 0.5f);
        Assert.True(Weight("으") > 0.5f);
        // names' syllables, rare in prose, keep what the stems give them
        Assert.True(Weight("혁") > 5 * Weight("갇"));
        Assert.True(Weight("민") > 10 * Weight("갇"));
    }
}
