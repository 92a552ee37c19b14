using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class NameValidatorTests
{
    [Theory]
    [InlineData("홍길동")]
    [InlineData("이 순")]
    [InlineData("남궁민수")]
    [InlineData("황보가나다")]
    [InlineData("John Smith")]
    [InlineData("Nguyen  Van An")]
    public void Valid(string value) => Assert.Equal(ValidationOutcome.Ok, NameValidator.Validate(value));

    [Theory]
    [InlineData("홍")]
    [InlineData("가나다라마바")]
    [InlineData("홍길동1")]
    [InlineData("ㅎㄱㄷ")]
    [InlineData("J")]
    [InlineData("O'Brien")]
    [InlineData("홍 Gil")]
    public void Invalid(string value) => Assert.Equal(ValidationReasons.NameFormat, NameValidator.Validate(value).Reason);
}
