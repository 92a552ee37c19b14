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
}
