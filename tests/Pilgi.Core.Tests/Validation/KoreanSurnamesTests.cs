using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class KoreanSurnamesTests
{
    [Theory]
    [InlineData("김민수", 1)]
    [InlineData("이", 1)]
    [InlineData("리수영", 1)]
    [InlineData("남궁민", 2)]
    [InlineData("제갈공명", 2)]
    [InlineData("남궁", 1)] // 남 with the given name 궁
    [InlineData("번광숙", 0)]
    [InlineData("놘겸옥", 0)]
    [InlineData("", 0)]
    public void Prefix_length(string name, int expected) => Assert.Equal(expected, KoreanSurnames.PrefixLength(name));
}
