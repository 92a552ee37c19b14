using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class AmountParsingTests
{
    [Theory]
    [InlineData("3500000", 3500000)]
    [InlineData("3,500,000", 3500000)]
    [InlineData("₩3,500,000", 3500000)]
    [InlineData("\\3,500,000", 3500000)]
    [InlineData("￦ 1,000", 1000)]
    [InlineData("350,000원", 350000)]
    [InlineData("12 345", 12345)]
    [InlineData("999", 999)]
    public void Valid(string value, long expected)
    {
        Assert.True(AmountParsing.TryParseDigits(value, out long amount));
        Assert.Equal(expected, amount);
        Assert.Equal(ValidationOutcome.Ok, AmountParsing.Validate(value));
    }

    [Theory]
    [InlineData("3,50,000")]
    [InlineData("35,0000")]
    [InlineData(",350")]
    [InlineData("350,")]
    [InlineData("0")]
    [InlineData("삼백원")]
    [InlineData("350원원")]
    [InlineData("-500")]
    [InlineData("99999999999999999999")]
    public void Invalid(string value) => Assert.Equal(ValidationReasons.AmountFormat, AmountParsing.Validate(value).Reason);

    [Theory]
    [InlineData("3,700,000", 3300000, "3,300,000")]
    [InlineData("₩ 3,700,000 원", 3300000, "₩3,300,000원")]
    [InlineData("71000", 31000, "31000")]
    [InlineData("71000원", 1031000, "1031000원")]
    [InlineData("\\900", 1200, "\\1200")]
    public void Formats_an_amount_the_way_another_was_written(string written, long amount, string expected) =>
        Assert.Equal(expected, AmountParsing.FormatLike(written, amount));
}
