using Pilgi.Core.Fusion;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

public class SecondOpinionsTests
{
    private static PreparedLine Line(int reader, string? alphabet = "0123456789") => new(8, 128, new float[32 * 128], alphabet, reader);

    [Fact]
    public void Only_a_specialist_s_lines_get_a_copy_for_the_main_model_with_the_same_pixels_and_alphabet()
    {
        var lines = new[] { Line(1), Line(0, null), Line(2) };

        var added = SecondOpinions.Add(lines);

        Assert.Equal(5, added.Length);
        Assert.Equal(lines, added.Take(3));
        Assert.All(added.Skip(3), l => Assert.True(l.Reader == 0 && l.IsSecondOpinion));
        Assert.Same(lines[0].Pixels, added[3].Pixels);
        Assert.Same(lines[2].Pixels, added[4].Pixels);
        Assert.Equal(lines[0].Alphabet, added[3].Alphabet);
    }

    [Fact]
    public void Attach_gives_each_specialist_read_its_copy_s_reading()
    {
        var lines = new[] { Line(1), Line(0, null), Line(1) };
        ReadCandidate[] listed = [new("17", -0.2), new("12", -1.7)];
        var reads = new TextRecognition[] { new("12", 0.9), new("가", 0.8), new("34", 0.7), new("17", 0.6, listed), new("34", 0.5) };

        var attached = SecondOpinions.Attach(lines, reads);

        Assert.Equal(new SecondOpinion("17", 0.6, [new("17", -0.2), new("12", -1.7)]), attached[0].SecondOpinion);
        Assert.Null(attached[1].SecondOpinion);
        Assert.Equal(new SecondOpinion("34", 0.5), attached[2].SecondOpinion);
        Assert.Equal(["12", "가", "34"], attached.Select(r => r.Text));
        Assert.Throws<ArgumentException>(() => SecondOpinions.Attach(lines, reads[..4]));
    }
}
