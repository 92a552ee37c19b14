using Pilgi.Core.Fusion;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Geometry;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;
using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Fusion;

/// <summary>Which fields need review, and why: every flagged field carries a reason, and its other readings.</summary>
public class FieldReviewTests
{
    private static readonly FormTemplate Form = new()
    {
        Id = "form", Title = "form", PageWidth = 2000, PageHeight = 2000, Reference = "form.png", ReferencePath = "form.png",
        Fields =
        [
            new TemplateField("name", "성명", FieldKind.Name, new Box(100, 100, 1000, 100)),
            new TemplateField("rrn", "주민등록번호", FieldKind.Rrn, new Box(100, 300, 1000, 100)),
            new TemplateField("bank", "은행", FieldKind.Bank, new Box(100, 500, 1000, 100)),
            new TemplateField("amount", "금액", FieldKind.Amount, new Box(100, 700, 1000, 100)),
            new TemplateField("words", "금액(한글)", FieldKind.AmountHangul, new Box(100, 900, 1000, 100)),
            new TemplateField("memo", "메모", FieldKind.Text, new Box(100, 1100, 1000, 100)),
        ],
    };

    private static RecognizedRegion In(int row, string text, double confidence, params ReadCandidate[] alternatives) =>
        new(new Box(120, 110 + 200 * row, 600, 80), 1, text, confidence, alternatives.Length > 0 ? alternatives : null);

    /// <summary>P(right) = σ(logit of the least-certain character): the calibrated confidence is the raw one.</summary>
    private static ConfidenceCalibration ByCharacter(params RiskPoint[] risk)
    {
        var weights = new double[ConfidenceFeatures.Names.Count];
        weights[0] = 1;
        var all = new KindCalibration { Samples = 100, Model = new LogisticModel { Weights = weights }, Risk = risk };
        return new ConfidenceCalibration { Model = "rec@1", Features = ConfidenceFeatures.Names, All = all };
    }

    private static FusionOptions Calibrated(ReviewOptions? review = null) => FusionOptions.Default with
    {
        Calibration = ByCharacter(new RiskPoint(0.99, 40, 0, 0.38), new RiskPoint(0.9, 80, 1, 6)),
        Review = review ?? new ReviewOptions(),
    };

    [Fact]
    public void Each_kind_of_flag_carries_its_reason()
    {
        var fields = FieldFusion.Fuse(Form,
        [
            In(0, "", 0),                                   // handwriting read as nothing
            In(1, "900101-1234567", 0.99),                  // check digit fails
            In(2, "1BK기업은행", 0.999),                     // mended to a known bank
            In(3, "30,000", 0.999),                          // disagrees with the words
            In(4, "이만원", 0.999),
        ], AffineTransform.Identity, Calibrated()).Fields;

        Assert.Equal(ReviewReasons.Unreadable, fields["name"].Reason);
        Assert.Equal(ValidationReasons.RrnChecksum, fields["rrn"].Reason);
        Assert.Equal(ReviewReasons.Corrected, fields["bank"].Reason);
        Assert.Equal(ValidationReasons.AmountMismatch, fields["amount"].Reason);
        Assert.Equal(ValidationReasons.Empty, fields["memo"].Reason);
        Assert.All(fields.Values, f => Assert.True(f.NeedsReview));
    }

    [Fact]
    public void A_sure_valid_field_is_accepted_without_a_reason_and_a_less_sure_one_is_low_confidence()
    {
        var fields = FieldFusion.Fuse(Form, [In(0, "홍길동", 0.995), In(5, "급여", 0.95)], AffineTransform.Identity, Calibrated()).Fields;

        Assert.Equal((false, (string?)null, (IReadOnlyList<string>?)null), (fields["name"].NeedsReview, fields["name"].Reason, fields["name"].Alternatives));
        Assert.Equal(0.995, fields["name"].Confidence, 6);
        Assert.Equal((true, ReviewReasons.LowConfidence), (fields["memo"].NeedsReview, fields["memo"].Reason));
    }

    [Fact]
    public void The_threshold_follows_the_target_error_rate_of_the_kind()
    {
        var strict = FieldFusion.Fuse(Form, [In(0, "홍길동", 0.95)], AffineTransform.Identity, Calibrated()).Fields["name"];
        var lenient = FieldFusion.Fuse(Form, [In(0, "홍길동", 0.95)], AffineTransform.Identity,
            Calibrated(new ReviewOptions { Kinds = new() { ["name"] = 0.05 } })).Fields["name"];

        Assert.Equal(ReviewReasons.LowConfidence, strict.Reason);  // 0.95 below the 0.99 that a 0.5 % target needs
        Assert.False(lenient.NeedsReview);                          // 5 %: the 0.9 point's risk 3/80 is within it
    }

    [Fact]
    public void Kinds_that_share_the_target_are_accepted_on_their_pooled_risk()
    {
        var calibration = ByCharacter(new RiskPoint(0.99, 40, 0, 0.38));
        calibration = calibration with
        {
            Kinds = new Dictionary<string, KindCalibration>
            {
                ["name"] = calibration.All with { Samples = 200, Risk = [new RiskPoint(0.99, 200, 0, 0.8)] },
                ["text"] = calibration.All with { Samples = 100, Risk = [new RiskPoint(0.9, 100, 0, 1.6)] },
            },
        };
        FieldResult Memo(ReviewOptions review) => FieldFusion.Fuse(Form, [In(5, "급여", 0.95)], AffineTransform.Identity,
            FusionOptions.Default with { Calibration = calibration, Review = review }).Fields["memo"];

        Assert.False(Memo(new ReviewOptions()).NeedsReview);   // 0.8 + 0.4 expected wrong of 300: 0.4 %
        Assert.Equal(ReviewReasons.LowConfidence, Memo(new ReviewOptions { Kinds = new() { ["text"] = 0.005 } }).Reason); // alone: 0.8 %
    }

    [Fact]
    public void A_flagged_field_offers_its_other_readings_best_first()
    {
        var amount = FieldFusion.Fuse(Form,
            [In(3, "30,000", 0.6, new("30,000", -0.3), new("38,000", -1.5), new("30,008", -2.5), new("80,000", -3), new("36,000", -4))],
            AffineTransform.Identity, Calibrated()).Fields["amount"];

        Assert.Equal(ReviewReasons.LowConfidence, amount.Reason);
        Assert.Equal(["38,000", "30,008", "80,000"], amount.Alternatives);
    }

    [Fact]
    public void Without_a_calibration_the_raw_confidence_is_weighed_against_the_form_wide_threshold()
    {
        var fields = FieldFusion.Fuse(Form, [In(0, "홍길동", 0.85), In(5, "급여", 0.75)], AffineTransform.Identity).Fields;

        Assert.Equal((0.85, false), (fields["name"].Confidence, fields["name"].NeedsReview));
        Assert.Equal((0.75, ReviewReasons.LowConfidence), (fields["memo"].Confidence, fields["memo"].Reason));
    }

    [Fact]
    public void The_evidence_records_what_fusion_knew()
    {
        var amount = FieldFusion.Fuse(Form, [In(3, "20,000", 0.9, new("20,000", -0.1), new("26,000", -2.1)), In(4, "이만원", 0.99)],
            AffineTransform.Identity).Fields["amount"].Evidence!;

        Assert.Equal(ConfidenceFeatures.Logit(0.9), amount.CharLogit, 9);
        Assert.Equal(2.0, amount.Margin, 9);
        Assert.Equal((0.0, 0.0, 1.0, 1.0, 1.0), (amount.NoAlternatives, amount.Chosen, amount.Valid, amount.Usual, amount.Agreement));
    }
}
