using Pilgi.Core.Fusion;
using Pilgi.Core.Raster;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

/// <summary>
/// A release with a specialist: the committed recogniser with itself declared as a digit specialist, so that the
/// routing shows apart from what the second model reads.
/// </summary>
public sealed class SpecialistRoutingTests : IDisposable
{
    private const string DigitAlphabet = "0123456789-";
    private readonly OnnxLineRecognizer _release;

    public SpecialistRoutingTests()
    {
        var main = ModelDescriptor.Load(CommittedRelease.Descriptor);
        var specialist = new SpecialistModel { File = main.File, Reads = "0123456789-., ", ModelPath = main.ModelPath };
        _release = new OnnxLineRecognizer(main with { Specialists = [specialist] }, new OnnxSessionFactory { IntraOpThreads = 1 });
    }

    [Fact]
    public void A_line_whose_alphabet_the_specialist_reads_goes_to_it_and_any_other_to_the_main_model()
    {
        Assert.Equal(1, _release.Prepare(CommittedRelease.BarLine(), DigitAlphabet).Reader);
        Assert.Equal(0, _release.Prepare(CommittedRelease.BarLine(), null).Reader);
        Assert.Equal(0, _release.Prepare(CommittedRelease.BarLine(), "0123456789년월일").Reader);
    }

    [Fact]
    public void Lines_of_one_width_but_different_readers_never_share_a_run()
    {
        var lines = new[] { _release.Prepare(CommittedRelease.BarLine(), DigitAlphabet), _release.Prepare(CommittedRelease.BarLine(), null), _release.Prepare(CommittedRelease.BarLine(), DigitAlphabet) };
        Assert.Equal(lines[0].PaddedWidth, lines[1].PaddedWidth);

        var runs = OnnxLineRecognizer.PlanRuns(lines, maxBatch: 8).ToList();

        Assert.Equal([[1], [0, 2]], runs.Select(r => r.ToArray()).OrderBy(r => r.Length).ToList());
        Assert.Throws<ArgumentException>(() => _release.RunBatch(lines));
    }

    [Fact]
    public void Each_reader_reads_its_lines_in_a_mixed_call()
    {
        var crops = new[] { CommittedRelease.BarLine(), CommittedRelease.BarLine(), CommittedRelease.BarLine() };
        var alphabets = new string?[] { DigitAlphabet, null, DigitAlphabet };

        var mixed = _release.Recognize(crops, alphabets);
        var alone = new[] { _release.Recognize([crops[0]], [DigitAlphabet])[0], _release.Recognize([crops[1]], [null])[0] };

        Assert.Equal(alone[0], mixed[0]);
        Assert.Equal(alone[1], mixed[1]);
        Assert.Equal(mixed[0], mixed[2]);
    }

    [Fact]
    public void A_specialist_s_line_without_a_second_look_is_read_once_by_the_specialist_and_has_no_second_reading()
    {
        var crops = new[] { CommittedRelease.BarLine(), CommittedRelease.BarLine() };
        var lines = crops.Select(c => _release.Prepare(c, DigitAlphabet) with { SecondLook = null }).ToArray();
        var added = SecondOpinions.Add(lines);

        var read = SecondOpinions.Attach(lines, added.Select(l => _release.RunBatch([l])[0]).ToArray());

        Assert.Equal([1, 1], added.Select(l => l.Reader).ToArray());
        var usual = _release.RunBatch([lines[0]])[0];
        Assert.Equal((usual.Text, usual.Confidence), (read[0].Text, read[0].Confidence));
        Assert.All(read, r => Assert.Null(r.SecondOpinion));
    }

    [Fact]
    public void In_a_mixed_call_each_line_is_read_twice_by_its_own_model_and_the_main_model_s_a_third_time_where_those_differ()
    {
        var crops = new[] { CommittedRelease.BarLine(), CommittedRelease.BarLine(), CommittedRelease.BarLine() };
        var before = _release.Batches.Snapshot();

        var read = _release.Recognize(crops, [DigitAlphabet, null, DigitAlphabet]);
        long linesRead = _release.Batches.Snapshot().Since(before).Lines;

        Assert.All(read, r => Assert.NotNull(r.SecondOpinion));
        // 3 lines, each a second look, and the main model's line a third look where its two read differently
        Assert.Equal(6L + Disputed(crops[1], null), linesRead);
    }

    [Fact]
    public void A_main_model_line_is_read_again_wider_and_a_third_time_narrower_where_those_two_disagree()
    {
        var before = _release.Batches.Snapshot();

        var read = _release.Recognize([CommittedRelease.BarLine(), CommittedRelease.BarLine()], [null, "0123456789년월일"]);

        long linesRead = _release.Batches.Snapshot().Since(before).Lines;

        Assert.All(read, r => Assert.NotNull(r.SecondOpinion));
        // 2 lines and their second looks, and a third look of each whose first two read differently
        Assert.Equal(4 + Disputed(CommittedRelease.BarLine(), null) + Disputed(CommittedRelease.BarLine(), "0123456789년월일"), linesRead);
        var line = _release.Prepare(CommittedRelease.BarLine(), null);
        Assert.NotNull(line.SecondLook);
        Assert.True(line.SecondLook!.Width > line.Width);
        Assert.True(line.ThirdLook!.Width < line.Width);
        Assert.Null(line.SecondLook.SecondLook);
    }

    [Fact]
    public void Thick_writing_is_looked_at_a_second_time_with_thinner_strokes_and_thin_writing_as_it_is()
    {
        foreach (var alphabet in new[] { null, DigitAlphabet })
        {
            var thick = _release.Prepare(CommittedRelease.BarLine(), alphabet); // bars 6 px wide, 19 high
            var thin = _release.Prepare(ThinBars(), alphabet);

            Assert.True(InkShare(thick.SecondLook!) < 0.75 * InkShare(thick), $"{alphabet}: thick");
            Assert.InRange(InkShare(thin.SecondLook!) / InkShare(thin), 0.85, 1.15);
        }
    }

    [Fact]
    public void Light_ink_is_darkened_for_the_model_that_names_an_ink_level_and_read_as_it_comes_by_one_that_names_none()
    {
        Assert.Equal(60, _release.Model.InkLevel); // the committed release's main model; this specialist names none
        var light = Bars(ink: 150);
        var dark = Bars(ink: 60);

        Assert.Equal(_release.Prepare(dark, null).Pixels, _release.Prepare(light, null).Pixels);
        Assert.True(_release.Prepare(light, DigitAlphabet).Pixels.Min() > _release.Prepare(dark, DigitAlphabet).Pixels.Min() + 0.2f);
    }

    /// <summary><see cref="CommittedRelease.BarLine"/>'s bars in another ink.</summary>
    private static GrayImage Bars(byte ink)
    {
        var crop = CommittedRelease.BarLine();
        for (int i = 0; i < crop.Pixels.Length; i++) if (crop.Pixels[i] < 128) crop.Pixels[i] = ink;
        return crop;
    }

    /// <summary>Bars 2 px wide and 30 high on a 120 x 40 crop.</summary>
    private static GrayImage ThinBars()
    {
        var crop = new GrayImage(120, 40);
        for (int y = 5; y < 35; y++)
            for (int x = 0; x < 120; x++) crop[x, y] = (byte)(x % 20 < 2 ? 20 : 245);
        return crop;
    }

    /// <summary>The share of ink (1 − pixel) over the line's own columns, padding left out.</summary>
    private static double InkShare(PreparedLine line)
    {
        double ink = 0;
        int height = line.Pixels.Length / line.PaddedWidth;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < line.Width; x++) ink += 1 - line.Pixels[y * line.PaddedWidth + x];
        return ink / (height * line.Width);
    }

    [Fact]
    public void A_specialist_s_line_is_read_again_wider_by_the_specialist_and_never_a_third_time()
    {
        var line = _release.Prepare(CommittedRelease.BarLine(), DigitAlphabet);
        var lines = new[] { line };
        var added = SecondOpinions.Add(lines);

        Assert.NotNull(line.SecondLook);
        Assert.True(line.SecondLook!.Width > line.Width);
        Assert.Null(line.ThirdLook);
        // the line and its second look, both for the specialist
        Assert.Equal([1, 1], added.Select(l => l.Reader).ToArray());
        Assert.True(added[1].IsLook);
        var reads = added.Select(l => _release.RunBatch([l])[0]).ToArray();
        Assert.Empty(SecondOpinions.Disputes(lines, reads));
        var attached = SecondOpinions.Attach(lines, reads);
        var (joint, other) = SecondOpinions.Joint(reads[0], reads[1]);
        Assert.Equal(joint.Text, attached[0].Text);
        Assert.Equal(other.Text, attached[0].SecondOpinion!.Text);
    }

    [Fact]
    public void A_third_look_is_read_exactly_where_the_first_two_read_differently()
    {
        var lines = new[] { _release.Prepare(CommittedRelease.BarLine(), null), _release.Prepare(CommittedRelease.BarLine(), DigitAlphabet) };
        var added = SecondOpinions.Add(lines);
        var reads = added.Select(l => _release.RunBatch([l])[0]).ToArray();

        var disputes = SecondOpinions.Disputes(lines, reads);

        Assert.Equal(reads[0].Text != reads[2].Text ? 1 : 0, disputes.Length); // the specialist's line has no third look
        Assert.All(disputes, d => Assert.True(d.IsLook && d.Width < lines[0].Width && d.ThirdLook is null));
    }

    /// <summary>1 where the main model's line of the crop and its second look read differently (a third look is read), else 0.</summary>
    private int Disputed(GrayImage crop, string? alphabet)
    {
        var line = _release.Prepare(crop, alphabet);
        var usual = _release.RunBatch([line])[0];
        var look = _release.RunBatch([line.SecondLook! with { IsLook = true }])[0];
        return usual.Text != look.Text ? 1 : 0;
    }

    [Fact]
    public void Each_reader_scales_its_lines_with_its_own_filter()
    {
        var main = ModelDescriptor.Load(CommittedRelease.Descriptor);
        var specialist = new SpecialistModel { File = main.File, Reads = "0123456789-., ", ModelPath = main.ModelPath, Scaling = LineScaling.Area };
        using var release = new OnnxLineRecognizer(main with { Scaling = LineScaling.Triangle, Specialists = [specialist] },
            new OnnxSessionFactory { IntraOpThreads = 1 });
        var crop = CommittedRelease.BarLine();

        var digits = release.Prepare(crop, DigitAlphabet);
        var any = release.Prepare(crop, null);

        Assert.Equal(Scaled(crop, digits, LineScaling.Area), digits.Pixels);
        Assert.Equal(Scaled(crop, any, LineScaling.Triangle), any.Pixels);
        Assert.NotEqual(digits.Pixels, any.Pixels);
    }

    private static float[] Scaled(GrayImage crop, PreparedLine like, LineScaling scaling)
    {
        var pixels = new float[32 * like.PaddedWidth];
        Array.Fill(pixels, 1f);
        LineImageNormalizer.Write(crop, 32, like.Width, pixels, like.PaddedWidth, scaling);
        return pixels;
    }

    public void Dispose() => _release.Dispose();
}
