using System.Text;
using Pilgi.Core.Metrics;

namespace Pilgi.Core.Tests.Metrics;

public class TextNormalizerTests
{
    [Fact]
    public void Composes_nfd_and_removes_all_whitespace()
    {
        string nfd = "홍 길동\t\n".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(4, nfd.Length);
        Assert.Equal("홍길동", TextNormalizer.Normalize(nfd));
        Assert.Equal("ab", TextNormalizer.Normalize(" a\u00A0\u3000b "));  // no-break and ideographic spaces
        Assert.Equal("", TextNormalizer.Normalize(null));
        Assert.Equal("", TextNormalizer.Normalize("   "));
    }

    [Fact]
    public void Digits_keeps_the_ascii_digits_in_order()
    {
        Assert.Equal("9001011234568", TextNormalizer.Digits("900101-1234568"));
        Assert.Equal("1250000", TextNormalizer.Digits("금 1,250,000 원정"));
        Assert.Equal("", TextNormalizer.Digits("일금오만원"));
        Assert.Equal("", TextNormalizer.Digits(null));
    }
}
