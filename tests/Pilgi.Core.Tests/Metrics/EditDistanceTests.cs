using Pilgi.Core.Metrics;

namespace Pilgi.Core.Tests.Metrics;

public class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "홍길동", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("홍길동", "홍길둥", 1)]
    [InlineData("홍길동", "길동", 1)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Levenshtein(a, b));
        Assert.Equal(expected, EditDistance.Levenshtein(b, a));
    }

    [Fact]
    public void Surrogate_pairs_count_as_one_character()
    {
        Assert.Equal(1, EditDistance.Levenshtein("a😀b", "a😃b"));
        Assert.Equal(3, EditDistance.Length("a😀b"));
    }
}
