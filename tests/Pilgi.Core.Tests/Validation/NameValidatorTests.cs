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

    [Theory]
    [InlineData("홍길동")]
    [InlineData("남궁 민수")]
    [InlineData("JANG HYUNWOO")]
    [InlineData("Jang Hyunwoo")]
    [InlineData("nguyen van an")]
    public void Plausible(string value) => Assert.True(NameValidator.IsPlausible(value));

    [Theory]
    [InlineData("번광숙")]     // no family name starts with 번
    [InlineData("JANG HYUNwoO")] // case mixed inside a word
    [InlineData("uG")]
    [InlineData("홍")]          // not even valid
    public void Not_plausible(string value) => Assert.False(NameValidator.IsPlausible(value));
}
