using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class AmountHangulTests
{
    [Theory]
    [InlineData("일금 삼백오십만 원정", 3_500_000)]
    [InlineData("일금 일억이천삼백사십오만육천칠백팔십구원정", 123_456_789)]
    [InlineData("천원", 1000)]
    [InlineData("만원", 10_000)]
    [InlineData("금 오만원", 50_000)]
    [InlineData("삼십만원整", 300_000)]
    [InlineData("십일만", 110_000)]
    [InlineData("천십원", 1010)]
    [InlineData("일 억 원 정", 100_000_000)]
    [InlineData("일금이천만원정", 20_000_000)]
    [InlineData("金壹百萬원整", 1_000_000)]
    [InlineData("구천구백구십구조구천구백구십구억구천구백구십구만구천구백구십구", 9_999_999_999_999_999)]
    public void Parses(string value, long expected)
    {
        Assert.True(AmountHangul.TryParse(value, out long amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("삼오만원")]         // two digits in a row
    [InlineData("백천원")]           // small units must descend
    [InlineData("만억원")]           // big units must descend
    [InlineData("삼백만원입니다")]
    [InlineData("350만원")]
    [InlineData("일금 원정")]
    [InlineData("원")]
    [InlineData("hello")]
    [InlineData("")]
    public void Rejects_garbage(string value)
    {
        Assert.False(AmountHangul.TryParse(value, out _));
    }

    [Theory]
    [InlineData(10, "일금십원정")]
    [InlineData(100, "일금백원정")]
    [InlineData(1000, "일금천원정")]
    [InlineData(10_000, "일금일만원정")]
    [InlineData(110_000, "일금십일만원정")]
    [InlineData(1010, "일금천십원정")]
    [InlineData(100_000_000, "일금일억원정")]
    [InlineData(3_500_000, "일금삼백오십만원정")]
    [InlineData(123_456_789, "일금일억이천삼백사십오만육천칠백팔십구원정")]
    public void Formats_canonically(long amount, string expected)
    {
        Assert.Equal(expected, AmountHangul.Format(amount));
        Assert.True(AmountHangul.TryParse(expected, out long back));
        Assert.Equal(amount, back);
    }

    [Fact]
    public void Spaced_format()
    {
        Assert.Equal("일금 일억 이천삼백사십오만 육천칠백팔십구 원정", AmountHangul.FormatSpaced(123_456_789));
        Assert.Equal("일금 삼백오십만 원정", AmountHangul.FormatSpaced(3_500_000));
    }

    [Fact]
    public void Round_trips_many_numbers()
    {
        var random = new Random(2024);
        var numbers = Enumerable.Range(0, 3000).Select(_ => random.NextInt64(1, 1_000_000_000_001))
            .Concat(Enumerable.Range(1, 1200).Select(i => (long)i))
            .Concat([10, 100, 1000, 10_000, 100_000_000, 110_000, 1010, 1_000_000_000_000, 10_001, 100_010_000, long.MaxValue]);
        foreach (long n in numbers)
        {
            Assert.True(AmountHangul.TryParse(AmountHangul.Format(n), out long a), AmountHangul.Format(n));
            Assert.Equal(n, a);
            Assert.True(AmountHangul.TryParse(AmountHangul.FormatSpaced(n), out long b));
            Assert.Equal(n, b);
        }
    }

    [Fact]
    public void Format_rejects_non_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountHangul.Format(0));
    }
}
