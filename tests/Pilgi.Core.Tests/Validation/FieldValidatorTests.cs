using Pilgi.Core.Templates;
using Pilgi.Core.Validation;

namespace Pilgi.Core.Tests.Validation;

public class FieldValidatorTests
{
    public static ValidationOutcome Check(FieldKind kind, string? value) => FieldValidator.Validate(kind, value);

    [Theory]
    [InlineData(FieldKind.Text, "아무 글")]
    [InlineData(FieldKind.Address, "서울특별시 중구 세종대로 110")]
    [InlineData(FieldKind.Name, "홍길동")]
    [InlineData(FieldKind.Date, "2024.03.05")]
    [InlineData(FieldKind.Phone, "010-1234-5678")]
    [InlineData(FieldKind.Account, "123-456-789012")]
    [InlineData(FieldKind.Amount, "3,500,000")]
    [InlineData(FieldKind.AmountHangul, "일금 삼백오십만 원정")]
    [InlineData(FieldKind.Bank, "국민은행")]
    public void Dispatches_by_kind(FieldKind kind, string value) => Assert.Equal(ValidationOutcome.Ok, Check(kind, value));

    [Theory]
    [InlineData(FieldKind.Name, "123", ValidationReasons.NameFormat)]
    [InlineData(FieldKind.Rrn, "12", ValidationReasons.RrnFormat)]
    [InlineData(FieldKind.Date, "2024.02.30", ValidationReasons.DateInvalid)]
    [InlineData(FieldKind.Phone, "12", ValidationReasons.PhoneFormat)]
    [InlineData(FieldKind.Account, "12", ValidationReasons.AccountFormat)]
    [InlineData(FieldKind.Amount, "12,34", ValidationReasons.AmountFormat)]
    [InlineData(FieldKind.AmountHangul, "많이", ValidationReasons.AmountHangulFormat)]
    [InlineData(FieldKind.Bank, "화성은행", ValidationReasons.BankUnknown)]
    public void Reasons_by_kind(FieldKind kind, string value, string reason) => Assert.Equal(reason, Check(kind, value).Reason);

    [Fact]
    public void Empty_values_are_empty_for_every_kind()
    {
        foreach (var kind in Enum.GetValues<FieldKind>())
        {
            Assert.Equal(ValidationOutcome.Invalid(ValidationReasons.Empty), Check(kind, null));
            Assert.Equal(ValidationReasons.Empty, Check(kind, " \t").Reason);
        }
    }
}
