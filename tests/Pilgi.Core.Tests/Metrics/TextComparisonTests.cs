using System.Text;
using Pilgi.Core.Metrics;

namespace Pilgi.Core.Tests.Metrics;

public class TextComparisonTests
{
    [Fact]
    public void Decomposed_jamo_and_spaces_compare_equal_to_the_nfc_form_without_spaces()
    {
        string decomposed = "홍 길동\t".Normalize(NormalizationForm.FormD); // 홍 as ㅎ ㅗ ㅇ, and so on
        Assert.Equal(9, decomposed.Count(c => !char.IsWhiteSpace(c)));

        Assert.Equal(new TextComparison(0, 3, true), TextComparison.Of(decomposed, "홍길동"));
        Assert.Equal(new TextComparison(0, 3, true), TextComparison.Of("홍길동", decomposed));
        // one syllable wrong is one edit, not the three jamo it is made of
        Assert.Equal(new TextComparison(1, 3, false), TextComparison.Of(decomposed, "홍길등"));
    }

    [Fact]
    public void Digits_only_compares_the_digits_alone()
    {
        Assert.Equal(new TextComparison(0, 7, true), TextComparison.DigitsOf("1,250,000원", "금 1250000"));
        Assert.Equal(new TextComparison(1, 7, false), TextComparison.DigitsOf("1,250,000원", "1,260,000"));
        // in full: 금 inserted, two commas and 원 deleted
        Assert.Equal(new TextComparison(4, 10, false), TextComparison.Of("1,250,000원", "금 1250000"));
        Assert.Equal(new TextComparison(0, 0, true), TextComparison.DigitsOf("없음", "-"));
        Assert.Equal("9001011234568", TextNormalizer.Digits("900101-1234568 ０"));  // full-width digits are not ASCII digits
    }

    [Fact]
    public void A_missing_read_is_every_character_deleted_and_never_exact()
    {
        Assert.Equal(new TextComparison(3, 3, false), TextComparison.Of("홍길동", null));
        Assert.Equal(new TextComparison(0, 0, false), TextComparison.Of("", null));
        Assert.Equal(new TextComparison(0, 0, true), TextComparison.Of(" ", ""));
        Assert.Equal(new TextComparison(6, 6, false), TextComparison.DigitsOf("900101", null));
    }
}
