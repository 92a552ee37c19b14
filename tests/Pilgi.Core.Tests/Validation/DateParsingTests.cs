using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class DateParsingTests
{
    [Theory]
    [InlineData("2024.03.05")]
    [InlineData("2024-03-05")]
    [InlineData("2024/03/05")]
    [InlineData("2024.3.5")]
    [InlineData("2024. 3. 5.")]
    [InlineData("20240305")]
    [InlineData("2024년 3월 5일")]
    [InlineData("2024년03월05일")]
    [InlineData("24.03.05")]
    [InlineData("24-3-5")]
    public void Accepted_formats(string value)
    {
        Assert.True(DateParsing.TryParse(value, out var date));
        Assert.Equal(new DateOnly(2024, 3, 5), date);
        Assert.True(FieldValidatorTests.Check(Pilgi.Core.Templates.FieldKind.Date, value).Valid);
    }

    [Fact]
    public void Two_digit_years_pivot_at_2049()
    {
        Assert.True(DateParsing.TryParse("49.01.01", out var a));
        Assert.Equal(2049, a.Year);
        Assert.True(DateParsing.TryParse("85.12.31", out var b));
        Assert.Equal(1985, b.Year);
    }

    [Theory]
    [InlineData("2023.02.29")]   // not a leap year
    [InlineData("2024.13.01")]
    [InlineData("2024.04.31")]
    [InlineData("2024.03-05")]   // mixed separators
    [InlineData("2024305")]
    [InlineData("3월 5일")]
    [InlineData("어제")]
    public void Rejected(string value)
    {
        Assert.False(DateParsing.TryParse(value, out _));
        Assert.Equal(ValidationReasons.DateInvalid, DateParsing.Validate(value).Reason);
    }

    [Fact]
    public void Leap_day_is_a_real_date()
    {
        Assert.True(DateParsing.TryParse("2024.02.29", out _));
    }
}
