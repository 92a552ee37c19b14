using Pilgi.Core.Fusion;
using Pilgi.Core.Geometry;
using Pilgi.Core.Templates;
using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Fusion;

public class FieldFusionTests
{
    private static readonly FormTemplate Template = new()
    {
        Id = "remittance",
        Title = "송금의뢰서",
        PageWidth = 2480,
        PageHeight = 3508,
        Reference = "remittance.png",
        ReferencePath = "remittance.png",
        Fields =
        [
            new TemplateField("sender", "성명", FieldKind.Name, new Box(720, 520, 1560, 190)),
            new TemplateField("address", "주소", FieldKind.Address, new Box(720, 1000, 1560, 400)),
            new TemplateField("amount", "송금금액", FieldKind.Amount, new Box(720, 1660, 1560, 190)),
            new TemplateField("amount_words", "금액(한글)", FieldKind.AmountHangul, new Box(720, 1900, 1560, 190)),
        ],
    };

    // The scan is the form at half size, slightly rotated and shifted.
    private static readonly AffineTransform TemplateToScan = AffineTransform.Similarity(0.5, 0.004, 15, 25);
    private static readonly AffineTransform ScanToTemplate = TemplateToScan.Inverse();

    private static RecognizedRegion At(double x, double y, double w, double h, string text, double confidence, int page = 1) =>
        new(TemplateToScan.Apply(new Box(x, y, w, h)), page, text, confidence);

    [Fact]
    public void Two_regions_in_one_field_are_read_in_order_and_outsiders_stay_unassigned()
    {
        RecognizedRegion[] regions =
        [
            At(860, 560, 180, 90, "길동", 0.90),
            At(100, 3000, 200, 90, "도장", 0.99),
            At(760, 562, 90, 90, "홍", 0.95),
            At(760, 1700, 400, 100, "3,500,000", 0.70),
        ];

        var result = FieldFusion.Fuse(Template, regions, ScanToTemplate);

        Assert.Equal(["sender", "address", "amount", "amount_words"], result.Fields.Keys);

        var sender = result.Fields["sender"];
        Assert.Equal("홍길동", sender.Value);
        Assert.Equal(0.90, sender.Confidence);
        Assert.True(sender.Valid);
        Assert.False(sender.NeedsReview);
        Assert.Equal(regions[0].ScanBox.Union(regions[2].ScanBox), sender.Box);
        Assert.Equal(1, sender.Page);

        var amount = result.Fields["amount"];
        Assert.Equal("3,500,000", amount.Value);
        Assert.True(amount.Valid);
        Assert.True(amount.NeedsReview);  // confidence 0.70 < 0.80

        var words = result.Fields["amount_words"];
        Assert.Null(words.Value);
        Assert.Equal(0, words.Confidence);
        Assert.Null(words.Box);
        Assert.False(words.Valid);
        Assert.Equal(ValidationReasons.Empty, words.Reason);
        Assert.True(words.NeedsReview);

        Assert.Equal(["sender", null, "sender", "amount"], result.Regions.Select(r => r.Field));
        Assert.Equal(regions[1].ScanBox, result.Regions[1].Box);
        Assert.Equal("도장", result.Regions[1].Text);
    }

    [Fact]
    public void Lines_are_read_top_to_bottom_and_distant_words_get_a_space()
    {
        RecognizedRegion[] regions =
        [
            At(760, 1200, 300, 80, "세종대로", 0.9),
            At(1300, 1040, 200, 80, "중구", 0.9),
            At(760, 1045, 300, 80, "서울시", 0.9),
        ];

        var result = FieldFusion.Fuse(Template, regions, ScanToTemplate);

        Assert.Equal("서울시 중구 세종대로", result.Fields["address"].Value);
    }

    [Fact]
    public void Region_needs_half_its_area_inside_the_inflated_field()
    {
        // Field "sender" spans y 520..710, inflated by 19 px to 501..729.
        RecognizedRegion[] regions =
        [
            At(760, 690, 100, 60, "mostly in", 0.9),     // 39 of 60 px inside: assigned
            At(1000, 710, 100, 60, "mostly out", 0.9),   // 19 of 60 px inside: not assigned
        ];

        var result = FieldFusion.Fuse(Template, regions, ScanToTemplate);

        Assert.Equal(["sender", null], result.Regions.Select(r => r.Field));
    }

    [Fact]
    public void Amount_mismatch_flags_both_fields_for_review()
    {
        RecognizedRegion[] regions =
        [
            At(760, 1700, 400, 100, "3,500,000", 0.99),
            At(760, 1940, 800, 100, "일금삼백만원정", 0.99),
        ];

        var result = FieldFusion.Fuse(Template, regions, ScanToTemplate);

        foreach (string key in new[] { "amount", "amount_words" })
        {
            Assert.False(result.Fields[key].Valid);
            Assert.Equal(ValidationReasons.AmountMismatch, result.Fields[key].Reason);
            Assert.True(result.Fields[key].NeedsReview);
        }
    }

    [Fact]
    public void Pages_without_a_transform_stay_unassigned_and_a_field_reads_one_page()
    {
        RecognizedRegion[] regions =
        [
            At(760, 560, 200, 90, "김철수", 0.9, page: 2),
            At(760, 560, 200, 90, "홍길동", 0.9, page: 3),
            At(760, 560, 200, 90, "이영희", 0.9, page: 4),
        ];
        var transforms = new Dictionary<int, AffineTransform> { [2] = ScanToTemplate, [3] = ScanToTemplate };

        var result = FieldFusion.Fuse(Template, regions, transforms, new FusionOptions { ReviewConfidence = 0.95 });

        Assert.Equal("김철수", result.Fields["sender"].Value);
        Assert.Equal(2, result.Fields["sender"].Page);
        Assert.True(result.Fields["sender"].NeedsReview);  // 0.9 < 0.95
        Assert.Equal(2, result.Fields["amount"].Page);
        Assert.Equal(["sender", null, null], result.Regions.Select(r => r.Field));
    }
}
