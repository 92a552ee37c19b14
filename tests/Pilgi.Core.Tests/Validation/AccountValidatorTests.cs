using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class AccountValidatorTests
{
    [Theory]
    [InlineData("123-456-789012")]
    [InlineData("1234567890")]
    [InlineData("1002-123-456789")]
    [InlineData("3333-01-2345678")]
    [InlineData("1234567890123456")]
    public void Valid(string value) => Assert.True(AccountValidator.IsValid(value));

    [Theory]
    [InlineData("123456789")]             // 9 digits
    [InlineData("12345678901234567")]     // 17 digits
    [InlineData("-1234567890")]
    [InlineData("1234567890-")]
    [InlineData("12345--67890")]
    [InlineData("12345a67890")]
    [InlineData("123.456.7890")]
    public void Invalid(string value) => Assert.Equal(ValidationReasons.AccountFormat, AccountValidator.Validate(value).Reason);
}
