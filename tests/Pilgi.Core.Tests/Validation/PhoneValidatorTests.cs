using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class PhoneValidatorTests
{
    [Theory]
    [InlineData("010-1234-5678")]
    [InlineData("01012345678")]
    [InlineData("011-123-4567")]
    [InlineData("016 123 4567")]
    [InlineData("02-123-4567")]
    [InlineData("02-1234-5678")]
    [InlineData("0212345678")]
    [InlineData("031-123-4567")]
    [InlineData("064-7123-4567")]
    [InlineData("044-123-4567")]
    [InlineData("070-1234-5678")]
    [InlineData("1588-1234")]
    [InlineData("15881234")]
    [InlineData("1661-0000")]
    public void Valid(string value) => Assert.Equal(ValidationOutcome.Ok, PhoneValidator.Validate(value));

    [Theory]
    [InlineData("010-12-5678")]
    [InlineData("010-12345-6789")]
    [InlineData("012-1234-5678")]
    [InlineData("02-12-3456")]
    [InlineData("080-123-4567")]
    [InlineData("047-992-0865")] // no such area code: a misread 041
    [InlineData("035-123-4567")]
    [InlineData("1234-5678")]
    [InlineData("010.1234.5678")]
    [InlineData("010--1234-5678")]
    [InlineData("전화없음")]
    public void Invalid(string value) => Assert.Equal(ValidationReasons.PhoneFormat, PhoneValidator.Validate(value).Reason);
}
