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

    private static readonly FormTemplate RrnForm = Template with
    {
        Fields = [new TemplateField("rrn", "주민등록번호", FieldKind.Rrn, new Box(720, 520, 1560, 190)),
                  new TemplateField("amount", "금액", FieldKind.Amount, new Box(720, 1660, 1560, 190)),
                  new TemplateField("amount_words", "금액(한글)", FieldKind.AmountHangul, new Box(720, 1900, 1560, 190))],
    };

    private static RecognizedRegion WithAlternatives(RecognizedRegion region, params (string Text, double LogP)[] alternatives) =>
        region with { Alternatives = alternatives.Select(a => new ReadCandidate(a.Text, a.LogP)).ToList() };

    [Fact]
    public void An_rrn_whose_check_digit_fails_takes_the_likeliest_valid_alternative()
    {
        // 900101-1234568 has a valid check digit; the read (a 7 for the 3) does not
        Assert.True(FieldValidator.Validate(FieldKind.Rrn, "900101-1234568").Valid);
        Assert.False(FieldValidator.Validate(FieldKind.Rrn, "900101-1274568").Valid);
        var region = WithAlternatives(At(760, 560, 900, 90, "900101-1274568", 0.91),
            ("900101-1274568", -0.4), ("900101-1234568", -1.5), ("900101-1274566", -1.6));

        var rrn = FieldFusion.Fuse(RrnForm, [region], ScanToTemplate).Fields["rrn"];

        Assert.Equal("900101-1234568", rrn.Value);
        Assert.True(rrn.Valid);
        double share = Math.Exp(-1.5) / (Math.Exp(-0.4) + Math.Exp(-1.5) + Math.Exp(-1.6));
        Assert.Equal(share, rrn.Confidence, 9);
        Assert.True(rrn.NeedsReview); // a share of about 0.2
    }

    [Fact]
    public void A_valid_alternative_far_less_likely_than_the_read_is_not_taken()
    {
        var region = WithAlternatives(At(760, 560, 900, 90, "900101-1274568", 0.91),
            ("900101-1274568", -0.1), ("900101-1234568", -0.1 - FusionOptions.Default.CandidateMargin - 0.5));

        var rrn = FieldFusion.Fuse(RrnForm, [region], ScanToTemplate).Fields["rrn"];

        Assert.Equal("900101-1274568", rrn.Value);
        Assert.False(rrn.Valid);
        Assert.Equal(0.91, rrn.Confidence);
    }

    [Fact]
    public void A_field_of_two_regions_is_chosen_jointly()
    {
        var left = WithAlternatives(At(760, 560, 400, 90, "900101", 0.95), ("900101", -0.05), ("900701", -4));
        var right = WithAlternatives(At(1300, 560, 500, 90, "1274568", 0.9), ("1274568", -0.3), ("1234568", -1.2));

        var rrn = FieldFusion.Fuse(RrnForm, [left, right], ScanToTemplate).Fields["rrn"];

        Assert.Equal("900101 1234568", rrn.Value);
        Assert.True(rrn.Valid);
    }

    [Fact]
    public void An_amount_that_disagrees_with_the_amount_in_words_takes_its_agreeing_alternative()
    {
        var digits = WithAlternatives(At(760, 1700, 400, 100, "3,700,000", 0.88), ("3,700,000", -0.2), ("3,300,000", -1.0));
        var words = WithAlternatives(At(760, 1940, 600, 100, "일금삼백삼십만원정", 0.97), ("일금삼백삼십만원정", -0.05));

        var fields = FieldFusion.Fuse(RrnForm, [digits, words], ScanToTemplate).Fields;

        Assert.Equal("3,300,000", fields["amount"].Value);
        Assert.True(fields["amount"].Valid);
        Assert.Equal("일금삼백삼십만원정", fields["amount_words"].Value);
        Assert.True(fields["amount_words"].Valid);
    }

    [Fact]
    public void Without_alternatives_a_disagreeing_amount_read_more_surely_than_the_words_stays_a_mismatch()
    {
        var fields = FieldFusion.Fuse(RrnForm,
            [At(760, 1700, 400, 100, "3,700,000", 0.97), At(760, 1940, 600, 100, "일금삼백삼십만원정", 0.88)], ScanToTemplate).Fields;

        Assert.Equal("3,700,000", fields["amount"].Value);
        Assert.Equal(ValidationReasons.AmountMismatch, fields["amount"].Reason);
        Assert.True(fields["amount"].NeedsReview);
    }

    [Fact]
    public void Without_alternatives_the_digits_take_the_amount_in_words_read_more_surely_and_are_reviewed()
    {
        var fields = FieldFusion.Fuse(RrnForm,
            [At(760, 1700, 400, 100, "₩3,700,000", 0.88), At(760, 1940, 600, 100, "일금삼백삼십만원정", 0.97)], ScanToTemplate).Fields;

        Assert.Equal("₩3,300,000", fields["amount"].Value);
        Assert.True(fields["amount"].Valid);
        Assert.Equal(0.88, fields["amount"].Confidence);
        Assert.True(fields["amount"].NeedsReview);
        Assert.True(fields["amount_words"].Valid);
        Assert.False(fields["amount_words"].NeedsReview);
    }

    private static readonly FormTemplate NameAndBankForm = Template with
    {
        Fields = [new TemplateField("sender", "성명", FieldKind.Name, new Box(720, 520, 1560, 190)),
                  new TemplateField("bank", "은행", FieldKind.Bank, new Box(720, 1000, 1560, 190))],
    };

    [Fact]
    public void A_name_without_a_family_name_takes_the_likeliest_reading_that_has_one()
    {
        // 번 is no family name; 선 and 변 are, and 선 is likelier
        var region = WithAlternatives(At(760, 560, 400, 90, "번광숙", 0.85), ("번광숙", -0.3), ("선광숙", -1.1), ("변광숙", -1.4));

        var sender = FieldFusion.Fuse(NameAndBankForm, [region], ScanToTemplate).Fields["sender"];

        Assert.Equal("선광숙", sender.Value);
        Assert.True(sender.Valid);
        Assert.True(sender.NeedsReview);
    }

    [Fact]
    public void An_unusual_but_valid_name_stays_when_no_usual_reading_is_nearly_as_likely()
    {
        var region = WithAlternatives(At(760, 560, 400, 90, "번광숙", 0.85),
            ("번광숙", -0.3), ("변광숙", -0.3 - FusionOptions.Default.CandidateMargin - 0.1));

        var sender = FieldFusion.Fuse(NameAndBankForm, [region], ScanToTemplate).Fields["sender"];

        Assert.Equal("번광숙", sender.Value);
        Assert.True(sender.Valid);
        Assert.Equal(0.85, sender.Confidence);
    }

    [Fact]
    public void A_name_of_mixed_scripts_takes_a_reading_in_one_script()
    {
        var region = WithAlternatives(At(760, 560, 400, 90, "고aG", 0.6), ("고aG", -0.8), ("고명", -2.0), ("고명식", -2.5));

        var sender = FieldFusion.Fuse(NameAndBankForm, [region], ScanToTemplate).Fields["sender"];

        Assert.Equal("고명", sender.Value);
        Assert.True(sender.Valid);
    }

    [Fact]
    public void A_line_read_alone_as_an_rrn_takes_its_valid_alternative_as_the_field_would()
    {
        var alternatives = new[] { ("900101-1274568", -0.4), ("900101-1234568", -1.5), ("900101-1274566", -1.6) }
            .Select(a => new ReadCandidate(a.Item1, a.Item2)).ToList();

        var line = FieldFusion.FuseLine(FieldKind.Rrn, "900101-1274568", 0.91, alternatives);
        var field = FieldFusion.Fuse(RrnForm, [WithAlternatives(At(760, 560, 900, 90, "900101-1274568", 0.91),
            ("900101-1274568", -0.4), ("900101-1234568", -1.5), ("900101-1274566", -1.6))], ScanToTemplate).Fields["rrn"];

        Assert.Equal("900101-1234568", line.Value);
        Assert.True(line.Valid);
        Assert.Equal(field with { Box = null }, line with { Box = null });
    }

    [Fact]
    public void A_line_read_alone_gets_its_kinds_corrections_and_nothing_else()
    {
        var bank = FieldFusion.FuseLine(FieldKind.Bank, "1BK기업은행 역삼지점", 0.97);
        var email = FieldFusion.FuseLine(FieldKind.Text, "Hong.GD@NAVER.COM", 0.9);
        var amount = FieldFusion.FuseLine(FieldKind.Amount, " 3,700,000 ", 0.88, [new ReadCandidate(" 3,700,000 ", -0.2), new ReadCandidate("3,300,000", -1.0)]);
        var nothing = FieldFusion.FuseLine(FieldKind.Name, "", 0);

        Assert.Equal(("IBK기업은행 역삼지점", true), (bank.Value, bank.NeedsReview));
        Assert.Equal("hong.gd@naver.com", email.Value);
        Assert.Equal(("3,700,000", 0.88), (amount.Value, amount.Confidence)); // valid as read: no alternative is chosen
        Assert.Null(nothing.Value);
        Assert.True(nothing.NeedsReview);
    }

    [Fact]
    public void A_bank_name_one_letter_off_a_known_one_is_that_one_and_needs_review()
    {
        var fields = FieldFusion.Fuse(NameAndBankForm,
            [At(760, 560, 400, 90, "홍길동", 0.95), At(760, 1040, 600, 90, "1BK기업은행 역삼지점", 0.97)], ScanToTemplate).Fields;

        Assert.Equal("IBK기업은행 역삼지점", fields["bank"].Value);
        Assert.True(fields["bank"].Valid);
        Assert.Equal(0.97, fields["bank"].Confidence);
        Assert.True(fields["bank"].NeedsReview);
        Assert.False(fields["sender"].NeedsReview);
    }

    private static readonly FormTemplate DateForm = Template with
    {
        Fields = [new TemplateField("date", "신청일", FieldKind.Date, new Box(720, 520, 1560, 190)),
                  new TemplateField("rrn", "주민등록번호", FieldKind.Rrn, new Box(720, 1000, 1560, 190))],
    };

    [Fact]
    public void A_date_months_after_the_day_of_reading_takes_the_likeliest_earlier_reading()
    {
        var date = WithAlternatives(At(760, 560, 600, 90, "2027.12.18", 0.9), ("2027.12.18", -0.2), ("2023.12.18", -2.5));
        var today = new DateOnly(2026, 12, 6);

        Assert.Equal("2023.12.18", FieldFusion.Fuse(DateForm, [date], ScanToTemplate, today: today).Fields["date"].Value);
        // within the grace (a transfer booked ahead), or with no day given, the read stays
        Assert.Equal("2027.12.18", FieldFusion.Fuse(DateForm, [date], ScanToTemplate, today: new DateOnly(2027, 12, 1)).Fields["date"].Value);
        Assert.Equal("2027.12.18", FieldFusion.Fuse(DateForm, [date], ScanToTemplate).Fields["date"].Value);
    }

    [Fact]
    public void An_rrn_of_someone_not_yet_born_takes_the_likeliest_reading_of_someone_born()
    {
        // both check digits hold; 2079-01-01 (sex digit 3: born in the 2000s) is still to come
        Assert.True(FieldValidator.Validate(FieldKind.Rrn, "790101-3234562").Valid);
        Assert.True(FieldValidator.Validate(FieldKind.Rrn, "190101-3234563").Valid);
        var rrn = WithAlternatives(At(760, 1040, 900, 90, "790101-3234562", 0.9), ("790101-3234562", -0.3), ("190101-3234563", -3.0));

        var fields = FieldFusion.Fuse(DateForm, [rrn], ScanToTemplate, today: new DateOnly(2026, 12, 6)).Fields;

        Assert.Equal("190101-3234563", fields["rrn"].Value);
        Assert.True(fields["rrn"].Valid);
    }
}
