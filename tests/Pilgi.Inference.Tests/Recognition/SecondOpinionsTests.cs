using Pilgi.Core.Fusion;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

public class SecondOpinionsTests
{
    private static PreparedLine Line(int reader, string? alphabet = "0123456789") => new(8, 128, new float[32 * 128], alphabet, reader);

    [Fact]
    public void A_line_without_a_second_look_is_read_once_by_its_own_reader_and_has_no_second_reading()
    {
        var lines = new[] { Line(1), Line(0, null), Line(2) };

        var added = SecondOpinions.Add(lines);
        var attached = SecondOpinions.Attach(lines, [new("12", 0.9), new("가", 0.8), new("34", 0.7)]);

        Assert.Equal(lines, added);
        Assert.Equal(["12", "가", "34"], attached.Select(r => r.Text));
        Assert.All(attached, r => Assert.Null(r.SecondOpinion));
        Assert.Throws<ArgumentException>(() => SecondOpinions.Attach(lines, [new("12", 0.9), new("가", 0.8)]));
    }

    [Fact]
    public void A_main_model_line_with_a_second_look_gets_that_look_read_by_the_main_model()
    {
        var look = new PreparedLine(6, 128, new float[32 * 128], null);
        var lines = new[] { Line(0, null) with { SecondLook = look }, Line(1), Line(0, null) };

        var added = SecondOpinions.Add(lines);

        Assert.Equal(4, added.Length);
        Assert.Same(look.Pixels, added[3].Pixels);
        Assert.Equal(6, added[3].Width);
        Assert.True(added[3].IsLook); // decoded as a line of its own, so that it can stand for the line
        Assert.Null(added[3].SecondLook);
        Assert.Single(SecondOpinions.Add(added[3..])); // a look is not read again
    }

    [Fact]
    public void Attach_gives_a_second_look_s_reading_to_its_line()
    {
        var look = new PreparedLine(6, 128, new float[32 * 128], null);
        var lines = new[] { Line(0, null) with { SecondLook = look }, Line(1) };
        var reads = new TextRecognition[] { new("가나", 0.9), new("12", 0.8), new("가다", 0.7) };

        var attached = SecondOpinions.Attach(lines, reads);

        Assert.Equal("가나", attached[0].Text);
        Assert.Equal(new SecondOpinion("가다", 0.7), attached[0].SecondOpinion);
        Assert.Null(attached[1].SecondOpinion);
    }

    private static readonly string[] Letters = ["a", "b", "c"];

    /// <summary>A one-frame read over blank, a, b, c offering <paramref name="readings"/>.</summary>
    private static TextRecognition Look(string text, float a, float b, float c, params string[] readings) =>
        new TextRecognition(text, Math.Max(a, Math.Max(b, c))) with
        {
            Frames = FrameLattice.Of(new[] { 0f, a, b, c }, 1, 4, 0, new CharsetLabels(Letters, 0), readings),
        };

    [Fact]
    public void The_reading_both_looks_find_likeliest_together_stands_though_neither_read_it_alone()
    {
        var look = new PreparedLine(9, 128, new float[32 * 128], null);
        var lines = new[] { Line(0, null) with { SecondLook = look } };
        var reads = new[] { Look("a", 0.5f, 0.45f, 0.05f, "a", "b"), Look("c", 0.05f, 0.4f, 0.55f, "c", "b") };

        var attached = SecondOpinions.Attach(lines, reads);

        // a: 0.5 × 0.05, c: 0.05 × 0.55, b: 0.45 × 0.4; it stands in the look that finds it likelier, at its confidence there
        Assert.Equal(("b", "c"), (attached[0].Text, attached[0].SecondOpinion?.Text));
        Assert.Equal(0.45, attached[0].Confidence, 6);
        Assert.Equal(0.55, attached[0].SecondOpinion!.Confidence, 6);
        Assert.Null(attached[0].Frames);
    }

    [Fact]
    public void Where_one_look_s_own_reading_is_likeliest_together_that_look_stands_and_the_other_is_the_second_opinion()
    {
        var look = new PreparedLine(9, 128, new float[32 * 128], null);
        var lines = new[] { Line(0, null) with { SecondLook = look } };
        var reads = new[] { Look("a", 0.5f, 0.3f, 0.2f, "a", "b"), Look("c", 0.3f, 0.1f, 0.6f, "c", "a") };

        var attached = SecondOpinions.Attach(lines, reads);

        // a: 0.5 × 0.3 = 0.15 beats c: 0.2 × 0.6 = 0.12, though the second look is surer of its own reading
        Assert.Equal(("a", 0.5, "c"), (attached[0].Text, attached[0].Confidence, attached[0].SecondOpinion?.Text));
        Assert.Equal(("a", "c"), SecondOpinions.Joint(reads[1], reads[0]) is var (read, other) ? (read.Text, other.Text) : default);
    }

    [Fact]
    public void Only_lines_whose_two_looks_read_differently_get_their_third_look_read_and_it_weighs_in()
    {
        var second = new PreparedLine(9, 128, new float[32 * 128], null);
        var third = new PreparedLine(5, 128, new float[32 * 128], null);
        var lines = new[]
        {
            Line(0, null) with { SecondLook = second, ThirdLook = third },
            Line(0, null) with { SecondLook = second, ThirdLook = third },
            Line(1) with { ThirdLook = third }, // no second look, so never disputed
        };
        var reads = new[]
        {
            Look("a", 0.5f, 0.2f, 0.3f, "a", "c"), Look("a", 0.45f, 0.15f, 0.4f, "a", "c"), new("12", 0.9),
            Look("a", 0.6f, 0.1f, 0.3f, "a"), Look("c", 0.3f, 0.2f, 0.5f, "c", "a"),
        };

        var disputes = SecondOpinions.Disputes(lines, reads);
        var withThird = SecondOpinions.Attach(lines, reads, [Look("a", 0.8f, 0.1f, 0.1f, "a")]);
        var withoutThird = SecondOpinions.Attach(lines, reads);

        Assert.Equal([third.Pixels], disputes.Select(d => d.Pixels)); // only the second line's looks read differently
        Assert.True(disputes[0].IsLook && disputes[0].ThirdLook is null && disputes[0].SecondLook is null);
        // the second line, a against c: 0.45 × 0.3 × 0.8 beats 0.4 × 0.5 × 0.1; without the third, 0.135 loses to 0.2
        Assert.Equal(["a", "a", "12"], withThird.Select(r => r.Text));
        Assert.Equal("c", withThird[1].SecondOpinion!.Text);
        Assert.Equal(["a", "c", "12"], withoutThird.Select(r => r.Text));
        Assert.Equal(withThird[0], withoutThird[0]);
        Assert.Throws<ArgumentException>(() => SecondOpinions.Attach(lines, reads, [reads[0], reads[1]]));
    }

    [Fact]
    public void Looks_read_without_their_frames_leave_the_surer_look_to_stand_for_the_line_and_the_other_as_its_second_opinion()
    {
        var look = new PreparedLine(9, 128, new float[32 * 128], "가나다라");
        var lines = new[] { Line(0, "가나다라") with { SecondLook = look }, Line(0, "가나다라") with { SecondLook = look } };
        ReadCandidate[] listed = [new("가다", -0.1), new("가나", -2.5)];
        var reads = new TextRecognition[] { new("가나", 0.6), new("라", 0.9), new("가다", 0.8, listed), new("라라", 0.7) };

        var attached = SecondOpinions.Attach(lines, reads);

        Assert.Equal(new TextRecognition("가다", 0.8, listed, new SecondOpinion("가나", 0.6)), attached[0]);
        Assert.Equal(new TextRecognition("라", 0.9, null, new SecondOpinion("라라", 0.7)), attached[1]);
    }

    [Fact]
    public void A_specialist_s_line_with_a_second_look_takes_its_surer_look_and_carries_the_other()
    {
        var look = new PreparedLine(6, 128, new float[32 * 128], "0123456789", 1);
        var lines = new[] { Line(1) with { SecondLook = look } };

        var added = SecondOpinions.Add(lines);
        var attached = SecondOpinions.Attach(lines, [new("12", 0.6), new("17", 0.9)]);

        Assert.Equal([(1, false), (1, true)], added.Select(l => (l.Reader, l.IsLook)));
        Assert.Same(look.Pixels, added[1].Pixels);
        Assert.Equal(new TextRecognition("17", 0.9, null, new SecondOpinion("12", 0.6)), attached[0]);
        Assert.Throws<ArgumentException>(() => SecondOpinions.Attach(lines, [new("12", 0.6), new("17", 0.9), new("11", 0.99)]));
    }
}
