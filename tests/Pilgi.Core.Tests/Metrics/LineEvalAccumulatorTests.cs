using System.Text;
using System.Text.Json;
using Pilgi.Core.Metrics;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Metrics;

public class LineEvalAccumulatorTests
{
    [Fact]
    public void Cer_is_summed_over_lines_and_exact_is_the_share_of_lines()
    {
        var eval = new LineEvalAccumulator(digits: false);
        eval.Add(1, "a.png", "abcd", "abce", 0.5);
        eval.Add(2, "b.png", "홍 길동".Normalize(NormalizationForm.FormD), "홍길동", 0.9);
        eval.Add(4, "c.png", "xy", "", 0.0);

        var r = eval.Report();

        Assert.Equal(3, r.Lines);
        // distances 1 + 0 + 2 over reference lengths 4 + 3 + 2 (not the mean of 1/4, 0 and 1)
        Assert.Equal((3L, 9L), (r.Distance, r.ReferenceLength));
        Assert.Equal(3.0 / 9, r.Cer, 12);
        Assert.Equal((1, 1.0 / 3), (r.ExactLines, r.Exact));
        Assert.Null(r.Digits);
        Assert.Equal([1, 2, 4], r.PerLine.Select(l => l.Line));
        Assert.Equal([false, true, false], r.PerLine.Select(l => l.Exact));
        Assert.Equal([1, 0, 2], r.PerLine.Select(l => l.Distance));
    }

    [Fact]
    public void Digit_scores_reduce_both_sides_to_their_digits()
    {
        var eval = new LineEvalAccumulator(digits: true);
        eval.Add(1, "a.png", "1,250,000원", "금1250000");
        eval.Add(2, "b.png", "36,000", "76,000");

        var r = eval.Report();

        Assert.Equal((0, 0.0), (r.ExactLines, r.Exact));
        var d = Assert.IsType<DigitScores>(r.Digits);
        Assert.Equal((1L, 12L, 1, 0.5), (d.Distance, d.ReferenceLength, d.ExactLines, d.Exact));
        Assert.Equal(1.0 / 12, d.Cer, 12);
        Assert.True(r.PerLine[0].Digits!.Exact);
        Assert.Equal(1, r.PerLine[1].Digits!.Distance);
    }

    [Fact]
    public void Skipped_lines_are_listed_apart_and_in_no_score()
    {
        var eval = new LineEvalAccumulator(digits: true);
        eval.Add(1, "a.png", "123", "123");
        eval.Skip(2, "b.png", "image_corrupt", "'b.png' could not be read as an image: the header is damaged.");

        var r = eval.Report();

        Assert.Equal((1, 1, 1.0, 3L), (r.Lines, r.Skipped, r.Exact, r.ReferenceLength));
        Assert.Equal((2, "b.png", "image_corrupt"), (r.SkippedLines[0].Line, r.SkippedLines[0].Path, r.SkippedLines[0].Reason));
    }

    [Fact]
    public void Nothing_scored_gives_zero_ratios()
    {
        var r = new LineEvalAccumulator(digits: true).Report();

        Assert.Equal((0, 0.0, 0.0), (r.Lines, r.Cer, r.Exact));
        Assert.Equal(0.0, r.Digits!.Cer);
    }

    [Theory]
    [InlineData(FieldKind.Rrn, true)]
    [InlineData(FieldKind.Phone, true)]
    [InlineData(FieldKind.Account, true)]
    [InlineData(FieldKind.Date, true)]
    [InlineData(FieldKind.Amount, true)]
    [InlineData(FieldKind.AmountHangul, false)]
    [InlineData(FieldKind.Name, false)]
    [InlineData(FieldKind.Text, false)]
    public void Digit_kinds_are_those_written_in_digits(FieldKind kind, bool digits) =>
        Assert.Equal(digits, LineEvalAccumulator.IsDigitKind(kind));

    [Fact]
    public void The_report_json_has_the_figures_and_per_line_counts_in_camel_case()
    {
        var eval = new LineEvalAccumulator(digits: false);
        eval.Add(3, "crops/홍.png", "홍길동", "홍길등", 0.75);
        var report = eval.Report() with { Kind = "name", Model = "pilgi-rec@1" };

        var json = report.ToJson();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal(["lines", "cer", "exact", "exactLines", "distance", "referenceLength", "kind", "model", "skipped", "perLine", "skippedLines"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.0 / 3, root.GetProperty("cer").GetDouble(), 12);
        var line = root.GetProperty("perLine")[0];
        Assert.Equal(["line", "path", "distance", "length", "exact", "confidence"], line.EnumerateObject().Select(p => p.Name));
        Assert.Contains("crops/홍.png", json); // Hangul left unescaped
        Assert.Equal(report.PerLine, EvalReportJson.DeserializeLines(json).PerLine);
    }
}
