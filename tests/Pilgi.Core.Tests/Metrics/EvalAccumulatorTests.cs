using System.Text.Json;
using Pilgi.Core.Geometry;
using Pilgi.Core.Metrics;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Metrics;

public class EvalAccumulatorTests
{
    [Fact]
    public void Micro_averaged_detection_cer_exact_and_speed()
    {
        var eval = new EvalAccumulator(0.8);
        Box[] truth1 = [new(0, 0, 100, 40), new(0, 100, 100, 40)];
        eval.AddPage([new(0, 0, 100, 40), new(500, 500, 10, 10)], truth1,
        [
            new FieldSample("remittance", "sender", FieldKind.Name, "홍길동", "홍 길동"),
            new FieldSample("remittance", "amount", FieldKind.Amount, "350,000", "350,900"),
        ], seconds: 1.0);
        eval.AddPage([new(0, 0, 50, 50)], [new(0, 0, 50, 50)],
        [
            new FieldSample("deposit", "name", FieldKind.Name, "김철수", null),
        ], seconds: 3.0);

        var report = eval.Report();

        Assert.Equal(2, report.Pages);
        Assert.Equal(0.8, report.Detection.Iou);
        Assert.Equal((2, 1, 1), (report.Detection.Tp, report.Detection.Fp, report.Detection.Fn));
        Assert.Equal(2.0 / 3, report.Detection.Precision, 12);
        Assert.Equal(2.0 / 3, report.Detection.Recall, 12);
        Assert.Equal(2.0 / 3, report.Detection.F1, 12);
        // Distances 0 + 1 + 3 over reference lengths 3 + 7 + 3.
        Assert.Equal(4.0 / 13, report.Recognition.Cer, 12);
        Assert.Equal(3, report.Fields.Total);
        Assert.Equal(1.0 / 3, report.Fields.Exact, 12);
        Assert.Equal(0.5, report.Speed.PagesPerSecond, 12);
        Assert.Equal(2.0, report.Speed.SecondsPerPage.P50, 12);
        Assert.Equal(2.9, report.Speed.SecondsPerPage.P95, 12);

        Assert.Equal(["amount", "name"], report.ByKind.Keys);
        Assert.Equal(0.5, report.ByKind["name"].Exact);
        Assert.Equal(3.0 / 6, report.ByKind["name"].Cer, 12);
        Assert.Equal(2, report.ByTemplate["remittance"].Total);
        Assert.Equal(1.0, report.ByTemplate["deposit"].Cer);
    }

    [Fact]
    public void Accepted_fields_and_the_wrong_among_them_overall_and_per_kind()
    {
        var eval = new EvalAccumulator(0.8);
        eval.AddPage([], [],
        [
            new FieldSample("t", "a", FieldKind.Name, "홍길동", "홍길동", 0.99, Accepted: true),
            new FieldSample("t", "b", FieldKind.Name, "김철수", "김철우", 0.98, Accepted: true),
            new FieldSample("t", "c", FieldKind.Name, "이영희", "이영휘", 0.40, Accepted: false),
            new FieldSample("t", "d", FieldKind.Rrn, "900101-1234568", "900101-1234568", 0.90, Accepted: false),
        ], 1);

        var review = eval.Report().Review;

        Assert.Equal((0.5, 2, 0.5, 1), (review.Accepted, review.AcceptedCount, review.WrongAccepted, review.WrongAcceptedCount));
        Assert.Equal((2.0 / 3, 0.5), (eval.Report().ByKind["name"].Accepted, eval.Report().ByKind["name"].WrongAccepted));
        Assert.Equal((0.0, 0.0), (eval.Report().ByKind["rrn"].Accepted, eval.Report().ByKind["rrn"].WrongAccepted));
        // bins: [0.4, 0.5) holds 0.40, wrong (gap 0.40); [0.9, 1] holds 0.90, 0.98 and 0.99, two right (gap 0.29)
        Assert.Equal((0.40 + 3 * (0.29)) / 4, review.Ece, 12);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], review.RiskCoverage.Select(p => p.Coverage));
        Assert.Equal([0.0, 0.5, 1.0 / 3, 0.5], review.RiskCoverage.Select(p => p.Risk));
        Assert.Equal([(0.005, 0.25), (0.01, 0.25)], review.Hindsight.Select(h => (h.MaxRisk, h.Coverage)));
    }

    [Fact]
    public void Json_has_the_contract_keys()
    {
        var eval = new EvalAccumulator(0.8);
        eval.AddPage([], [], [new FieldSample("t", "k", FieldKind.AmountHangul, "일금만원정", "일금만원정")], 0.5);
        string json = eval.Report().ToJson();

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("pages").GetInt32());
        var detection = root.GetProperty("detection");
        foreach (string key in new[] { "iou", "precision", "recall", "f1" }) Assert.True(detection.TryGetProperty(key, out _), key);
        Assert.True(root.GetProperty("recognition").TryGetProperty("cer", out _));
        Assert.Equal(1, root.GetProperty("fields").GetProperty("exact").GetDouble());
        Assert.Equal(1, root.GetProperty("fields").GetProperty("total").GetInt32());
        var speed = root.GetProperty("speed");
        Assert.Equal(2, speed.GetProperty("pagesPerSecond").GetDouble());
        Assert.Equal(0.5, speed.GetProperty("secondsPerPage").GetProperty("p50").GetDouble());
        Assert.True(speed.GetProperty("secondsPerPage").TryGetProperty("p95", out _));
        Assert.Equal(1, root.GetProperty("byKind").GetProperty("amount_hangul").GetProperty("total").GetInt32());
        Assert.True(root.GetProperty("byTemplate").TryGetProperty("t", out _));
        var review = root.GetProperty("review");
        foreach (string key in new[] { "accepted", "wrongAccepted", "acceptedCount", "wrongAcceptedCount", "ece", "reliability", "riskCoverage", "hindsight" })
            Assert.True(review.TryGetProperty(key, out _), key);
        Assert.True(root.GetProperty("byKind").GetProperty("amount_hangul").TryGetProperty("wrongAccepted", out _));

        Assert.Equal(1, EvalReportJson.Deserialize(json).Fields.Total);
    }

    [Fact]
    public void Empty_accumulator_reports_zeros()
    {
        var report = new EvalAccumulator().Report();
        Assert.Equal(0, report.Pages);
        Assert.Equal(0, report.Detection.F1);
        Assert.Equal(0, report.Recognition.Cer);
        Assert.Equal(0, report.Speed.PagesPerSecond);
    }
}
