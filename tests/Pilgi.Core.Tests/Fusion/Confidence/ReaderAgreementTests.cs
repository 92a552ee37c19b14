using Pilgi.Core.Fusion;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Geometry;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Fusion.Confidence;

/// <summary>The readers' agreement as a confidence feature: what it compares, and the values fusion gives a field.</summary>
public class ReaderAgreementTests
{
    [Fact]
    public void Digit_kinds_compare_their_digits_only()
    {
        Assert.Equal((1.0, 0.0), ReaderAgreement.Of(FieldKind.Account, "110-234-567890", "110234567890"));
        Assert.Equal((1.0, 0.0), ReaderAgreement.Of(FieldKind.Date, "2024년 3월 5일", "2024년3월5일"));
        var (agree, distance) = ReaderAgreement.Of(FieldKind.Phone, "010-1234-5678", "010-1234-5618");
        Assert.Equal(-1, agree);
        Assert.Equal(Math.Log(2), distance, 12);
    }

    [Fact]
    public void Other_kinds_compare_every_character_but_spaces()
    {
        Assert.Equal((1.0, 0.0), ReaderAgreement.Of(FieldKind.Name, "김 철수", "김철수"));
        Assert.Equal(-1, ReaderAgreement.Of(FieldKind.Text, "a-b", "ab").Agree);
    }

    [Fact]
    public void Readings_far_apart_are_simply_different()
    {
        var (agree, distance) = ReaderAgreement.Of(FieldKind.Text, "가나다라마바사아자차카", "ABCDEFGHIJKL");
        Assert.Equal(-1, agree);
        Assert.Equal(Math.Log(10), distance, 12);
        Assert.Equal(Math.Log(4), ReaderAgreement.Of(FieldKind.Text, "가나다", "ABC").Distance, 12);
    }

    [Fact]
    public void No_second_reading_is_neither_agreement_nor_disagreement()
    {
        Assert.Equal((0.0, 0.0), ReaderAgreement.Of(FieldKind.Rrn, "900101-1234567", null));
    }

    [Fact]
    public void A_fused_field_carries_the_readers_agreement_in_its_evidence()
    {
        var agreeing = FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9, secondOpinion: new SecondOpinion("01012345678", 0.8));
        // three digits apart
        var differing = FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9, secondOpinion: new SecondOpinion("010-7234-5611", 0.8));
        var alone = FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9);

        Assert.Equal((1.0, 0.0), (agreeing.Evidence!.ReadersAgree, agreeing.Evidence.ReadersDistance));
        Assert.Equal((-1.0, Math.Log(4)), (differing.Evidence!.ReadersAgree, differing.Evidence.ReadersDistance));
        Assert.Equal((0.0, 0.0), (alone.Evidence!.ReadersAgree, alone.Evidence.ReadersDistance));
        Assert.Equal(ConfidenceFeatures.Names.Count, agreeing.Evidence.ToArray().Length);
        Assert.Equal(agreeing.Evidence, ConfidenceFeatures.FromArray(agreeing.Evidence.ToArray()));
    }

    [Fact]
    public void The_opinion_share_is_the_main_network_s_probability_on_readings_that_are_the_value()
    {
        ReadCandidate[] readings = [new("010-1234-5678", Math.Log(0.6)), new("010-1284-5678", Math.Log(0.3)), new("01012345678", Math.Log(0.1))];
        var opinion = new SecondOpinion("010-1234-5678", 0.6, readings);

        var field = FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9, secondOpinion: opinion);
        var other = FieldFusion.FuseLine(FieldKind.Phone, "010-1284-5678", 0.9, secondOpinion: opinion);
        var unlisted = FieldFusion.FuseLine(FieldKind.Phone, "010-9999-5678", 0.9, secondOpinion: opinion);
        var greedyOnly = FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9, secondOpinion: opinion with { Alternatives = null });

        // "01012345678" is the value on its digits: its share counts with the first reading's
        Assert.Equal(ConfidenceFeatures.Logit(0.7), field.Evidence!.OpinionShareLogit, 9);
        Assert.Equal(ConfidenceFeatures.Logit(0.3), other.Evidence!.OpinionShareLogit, 9);
        Assert.Equal(-ConfidenceFeatures.MaxLogit, unlisted.Evidence!.OpinionShareLogit, 9);
        Assert.Equal(0, greedyOnly.Evidence!.OpinionShareLogit);
        Assert.Equal(0, FieldFusion.FuseLine(FieldKind.Phone, "010-1234-5678", 0.9).Evidence!.OpinionShareLogit);
    }

    [Fact]
    public void A_field_of_two_regions_compares_their_second_readings_joined_and_needs_one_for_each()
    {
        var template = new FormTemplate
        {
            Id = "form", Title = "form", PageWidth = 2000, PageHeight = 1000, Reference = "form.png", ReferencePath = "form.png",
            Fields = [new TemplateField("account", "계좌번호", FieldKind.Account, new Box(100, 100, 1600, 100))],
        };
        RecognizedRegion Part(int x, string text, string? second) =>
            new(new Box(x, 110, 500, 80), 1, text, 0.9, null, second is null ? null : new SecondOpinion(second, 0.9));

        var both = FieldFusion.Fuse(template, [Part(120, "110-234", "110234"), Part(700, "567890", "567890")], AffineTransform.Identity);
        var one = FieldFusion.Fuse(template, [Part(120, "110-234", "110234"), Part(700, "567890", null)], AffineTransform.Identity);
        var wrong = FieldFusion.Fuse(template, [Part(120, "110-234", "110234"), Part(700, "567890", "587890")], AffineTransform.Identity);

        Assert.Equal(1, both.Fields["account"].Evidence!.ReadersAgree);
        Assert.Equal(0, one.Fields["account"].Evidence!.ReadersAgree);
        Assert.Equal(-1, wrong.Fields["account"].Evidence!.ReadersAgree);
        Assert.Equal(0, one.Fields["account"].Evidence!.OpinionShareLogit);
    }
}
