using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

public class CtcDecoderTests
{
    private static readonly string[] Charset = ["a", "b", "홍"];

    /// <summary>One row per frame: the winning class gets <paramref name="p"/>, the rest share what is left.</summary>
    private static float[] Frames(int classes, params (int Cls, float P)[] frames)
    {
        var probs = new float[frames.Length * classes];
        for (int t = 0; t < frames.Length; t++)
            for (int c = 0; c < classes; c++)
                probs[t * classes + c] = c == frames[t].Cls ? frames[t].P : (1 - frames[t].P) / (classes - 1);
        return probs;
    }

    [Fact]
    public void Collapses_repeats_and_drops_blanks()
    {
        var probs = Frames(4, (1, 0.9f), (1, 0.95f), (0, 0.9f), (1, 0.8f), (3, 0.99f), (3, 0.7f), (0, 0.9f));
        var r = CtcDecoder.Decode(probs, 7, 4, 0, Charset);
        Assert.Equal("aa홍", r.Text);
        // weakest character: the second "a" at 0.8
        Assert.Equal(0.8, r.Confidence, 3);
    }

    [Fact]
    public void Only_blanks_read_as_empty_with_zero_confidence()
    {
        var probs = Frames(4, (0, 0.9f), (0, 0.9f));
        var r = CtcDecoder.Decode(probs, 2, 4, 0, Charset);
        Assert.Equal("", r.Text);
        Assert.Equal(0, r.Confidence);
    }

    [Fact]
    public void Frames_beyond_the_usable_width_are_ignored()
    {
        var probs = Frames(4, (2, 0.9f), (0, 0.9f), (1, 0.9f));
        Assert.Equal("b", CtcDecoder.Decode(probs, 2, 4, 0, Charset).Text);
    }

    [Fact]
    public void Within_an_alphabet_the_best_allowed_class_wins()
    {
        // frame 0: "홍" 0.6 beats "a" 0.3; with only "ab" allowed, "a" is read at its own probability
        var probs = new float[] { 0.05f, 0.3f, 0.05f, 0.6f, 0.9f, 0.03f, 0.03f, 0.04f };
        var allowed = CtcDecoder.AllowedClasses("ab", 4, 0, Charset);
        Assert.Equal(new[] { false, true, true, false }, allowed);
        var r = CtcDecoder.Decode(probs, 2, 4, 0, Charset, allowed);
        Assert.Equal("a", r.Text);
        Assert.Equal(0.3, r.Confidence, 3);
        Assert.Equal("홍", CtcDecoder.Decode(probs, 2, 4, 0, Charset).Text);
    }

    /// <summary>Rows given outright: frames x classes.</summary>
    private static float[] Rows(params float[][] rows) => rows.SelectMany(r => r).ToArray();

    [Fact]
    public void Beam_search_lists_the_runner_up_reading_and_sums_alignments()
    {
        // classes: blank, a, b, 홍. Frame 2 is nearly a tie between a and b.
        var probs = Rows(
            [0.05f, 0.9f, 0.03f, 0.02f],
            [0.9f, 0.05f, 0.03f, 0.02f],
            [0.02f, 0.5f, 0.46f, 0.02f],
            [0.9f, 0.05f, 0.03f, 0.02f]);
        var candidates = CtcDecoder.BeamSearch(probs, 4, 4, 0, Charset);

        Assert.Equal("aa", candidates[0].Text);
        Assert.Equal("ab", candidates[1].Text);
        Assert.True(candidates[0].LogProbability > candidates[1].LogProbability);
        // "aa" needs the blank between; "a" (a, blank, blank, blank and other alignments) is listed too
        Assert.Contains(candidates, c => c.Text == "a");
        // the beam's reading agrees with the greedy one here
        Assert.Equal(CtcDecoder.Decode(probs, 4, 4, 0, Charset).Text, candidates[0].Text);
    }

    [Fact]
    public void Beam_search_score_of_a_single_alignment_is_its_log_probability()
    {
        // only "b" has any probability besides the blank: b then blank
        var probs = Rows([0f, 0f, 1f, 0f], [1f, 0f, 0f, 0f]);
        var only = Assert.Single(CtcDecoder.BeamSearch(probs, 2, 4, 0, Charset));
        Assert.Equal("b", only.Text);
        Assert.Equal(0, only.LogProbability, 9);
    }

    [Fact]
    public void Beam_search_offers_no_reading_further_than_the_gap_below_the_best()
    {
        var probs = Rows(
            [0.05f, 0.9f, 0.03f, 0.02f],
            [0.9f, 0.05f, 0.03f, 0.02f],
            [0.02f, 0.5f, 0.46f, 0.02f],
            [0.9f, 0.05f, 0.03f, 0.02f]);
        var all = CtcDecoder.BeamSearch(probs, 4, 4, 0, Charset, count: 20);

        var near = CtcDecoder.BeamSearch(probs, 4, 4, 0, Charset, count: 20, maxGap: 3);

        Assert.Contains(all, c => c.LogProbability < all[0].LogProbability - 3);
        Assert.Equal(all.Where(c => c.LogProbability >= all[0].LogProbability - 3), near);
    }

    [Fact]
    public void The_gap_leaves_every_reading_fusion_may_still_prefer()
    {
        Assert.True(CtcDecoder.AlternativeGap > new Pilgi.Core.Fusion.FusionOptions().CandidateMargin);
    }

    [Fact]
    public void Beam_search_keeps_to_the_allowed_classes()
    {
        var probs = Rows([0.05f, 0.1f, 0.05f, 0.8f], [0.9f, 0.05f, 0.03f, 0.02f]);
        var allowed = CtcDecoder.AllowedClasses("ab", 4, 0, Charset);
        var candidates = CtcDecoder.BeamSearch(probs, 2, 4, 0, Charset, allowed);
        Assert.DoesNotContain(candidates, c => c.Text.Contains('홍'));
        Assert.Equal("a", candidates[0].Text);
    }

    [Fact]
    public void An_alphabet_of_two_scripts_splits_into_one_per_script_with_the_shared_signs()
    {
        string[] charset = ["a", "b", "홍", " ", "1"];
        var allowed = CtcDecoder.AllowedClasses("ab홍 ", 6, 0, charset); // 1 is not in the alphabet
        var scripts = CtcDecoder.ScriptSubsets(allowed, 0, charset);

        Assert.Equal(2, scripts.Length);
        Assert.Equal([false, false, false, true, true, false], scripts[0]); // 한글: 홍 and the space
        Assert.Equal([false, true, true, false, true, false], scripts[1]);  // Latin: a, b and the space
        Assert.Empty(CtcDecoder.ScriptSubsets(CtcDecoder.AllowedClasses("ab ", 6, 0, charset), 0, charset));
    }

    [Fact]
    public void A_mixed_reading_gives_way_to_each_scripts_own_in_the_merged_candidates()
    {
        // a 홍 that looks a little like an a, then a clear b: mixed "홍b" first, then 한글-only "홍", Latin-only "ab"
        var probs = Rows([0.05f, 0.35f, 0.05f, 0.55f], [0.05f, 0.05f, 0.85f, 0.05f]);
        var allowed = CtcDecoder.AllowedClasses("ab홍", 4, 0, Charset);
        var searches = new[] { CtcDecoder.BeamSearch(probs, 2, 4, 0, Charset, allowed) }
            .Concat(CtcDecoder.ScriptSubsets(allowed, 0, Charset).Select(s => CtcDecoder.BeamSearch(probs, 2, 4, 0, Charset, s, count: 3)));

        var merged = CtcDecoder.Merge(searches, 10);

        Assert.Equal("홍b", merged[0].Text);
        Assert.Contains(merged, c => c.Text == "홍");
        Assert.Contains(merged, c => c.Text == "ab");
        Assert.Equal(merged.Count, merged.Select(c => c.Text).Distinct().Count());
        Assert.True(merged.Zip(merged.Skip(1)).All(p => p.First.LogProbability >= p.Second.LogProbability));
    }
}
