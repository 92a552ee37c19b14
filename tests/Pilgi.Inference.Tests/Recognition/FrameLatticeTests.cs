using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

public class FrameLatticeTests
{
    private static readonly string[] Charset = ["a", "b", "홍"];
    private static readonly CharsetLabels Labels = new(Charset, 0);

    /// <summary>Three frames over blank, a, b, 홍 (rows sum to 1).</summary>
    private static readonly float[] Probs =
    [
        0.1f, 0.6f, 0.2f, 0.1f,
        0.5f, 0.3f, 0.1f, 0.1f,
        0.2f, 0.1f, 0.6f, 0.1f,
    ];

    private static FrameLattice Lattice(float[] probs, int classes, params string[] readings) =>
        FrameLattice.Of(probs, probs.Length / classes, classes, 0, Labels, readings);

    /// <summary>P(text) by summing every frame path that collapses to it (repeats merged, then blanks dropped).</summary>
    private static double BruteForce(float[] probs, int classes, int[] labels)
    {
        int frames = probs.Length / classes;
        double total = 0;
        var path = new int[frames];
        for (int code = 0; code < (int)Math.Pow(classes, frames); code++)
        {
            double p = 1;
            for (int t = 0, rest = code; t < frames; t++, rest /= classes) { path[t] = rest % classes; p *= probs[t * classes + path[t]]; }
            var collapsed = path.Where((c, t) => c != 0 && (t == 0 || c != path[t - 1])).ToArray();
            if (collapsed.SequenceEqual(labels)) total += p;
        }
        return total;
    }

    [Theory]
    [InlineData("a", new[] { 1 })]
    [InlineData("ab", new[] { 1, 2 })]
    [InlineData("aa", new[] { 1, 1 })]
    [InlineData("홍", new[] { 3 })]
    [InlineData("aba", new[] { 1, 2, 1 })]
    public void Log_likelihood_sums_every_alignment_of_the_text(string text, int[] labels)
    {
        double expected = BruteForce(Probs, 4, labels);

        double actual = Lattice(Probs, 4).LogLikelihood(text);

        Assert.Equal(Math.Log(expected), actual, 6);
    }

    [Fact]
    public void A_text_longer_than_any_path_allows_or_outside_the_charset_is_as_good_as_impossible()
    {
        var lattice = Lattice(Probs, 4);

        Assert.True(lattice.LogLikelihood("abab") < -60); // four characters cannot fit three frames
        Assert.Equal(double.NegativeInfinity, lattice.LogLikelihood("x"));
        Assert.Equal(0, lattice.Confidence("x"));
    }

    [Fact]
    public void The_greedy_reading_s_confidence_is_the_decoder_s()
    {
        var probs = new float[]
        {
            0.1f, 0.8f, 0.05f, 0.05f,
            0.2f, 0.7f, 0.05f, 0.05f,
            0.7f, 0.1f, 0.1f, 0.1f,
            0.1f, 0.1f, 0.1f, 0.7f,
            0.3f, 0.05f, 0.05f, 0.6f,
        };
        var greedy = CtcDecoder.Decode(probs, 5, 4, 0, Charset);

        Assert.Equal("a홍", greedy.Text);
        Assert.Equal(greedy.Confidence, Lattice(probs, 4).Confidence("a홍"), 6);
    }

    [Fact]
    public void A_reading_other_than_the_greedy_one_is_as_sure_as_its_least_certain_character_on_its_best_alignment()
    {
        // the greedy path reads "ab" (a, blank, b); "b" alone is likeliest as blank, blank, b; "홍" is nowhere above 0.1
        var lattice = Lattice(Probs, 4);

        Assert.Equal(0.6, lattice.Confidence("ab"), 6);
        Assert.Equal(0.6, lattice.Confidence("b"), 6);
        Assert.Equal(0.1, lattice.Confidence("홍"), 6);
    }

    [Fact]
    public void Classes_beyond_the_kept_ones_share_what_the_kept_ones_leave()
    {
        // 12 classes: a frame keeps its 8 likeliest; the other 4 share the rest evenly
        int classes = 12;
        var charset = Enumerable.Range(0, classes - 1).Select(i => ((char)('a' + i)).ToString()).ToArray();
        var probs = new float[classes];
        for (int c = 0; c < 8; c++) probs[c] = 0.12f;
        for (int c = 8; c < classes; c++) probs[c] = 0.01f;
        probs[8] = 0.025f; probs[9] = 0.005f; // the dropped ones are uneven; the lattice evens them out
        var lattice = FrameLattice.Of(probs, 1, classes, 0, new CharsetLabels(charset, 0), []);

        Assert.Equal(Math.Log(0.12), lattice.LogLikelihood("c"), 5); // class 3, kept
        Assert.Equal(Math.Log(0.04 / 4), lattice.LogLikelihood("j"), 5); // class 10, dropped: (1 − 0.96) / 4
    }

    [Fact]
    public void Labels_take_the_longest_symbol_and_find_none_for_an_unknown_character()
    {
        // the blank is class 2: the symbols at index 2 and above are one class further on
        var labels = new CharsetLabels(["a", "ab", "b", " "], 2);

        Assert.Equal([1, 1, 4], labels.Of("abab ")!);
        Assert.Equal([3, 0], labels.Of("ba")!);
        Assert.Null(labels.Of("abc"));
        Assert.Empty(labels.Of("")!);
    }
}
