using Pilgi.Core.Privacy;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Privacy;

public class PiiMaskerFieldTests
{
    [Theory]
    [InlineData(FieldKind.Rrn, "900101-1234567", "900101-1******")]
    [InlineData(FieldKind.Rrn, "9001011234567", "9001011******")]
    [InlineData(FieldKind.Rrn, "9OO1O1-1234567", "9OO1O1-1******")]
    [InlineData(FieldKind.Rrn, "900101-12345678", "900101-1*******")]
    [InlineData(FieldKind.Rrn, "1234567", "1******")]
    [InlineData(FieldKind.Rrn, "900101-12", "90****-**")]
    [InlineData(FieldKind.Rrn, "901399-1234567", "901399-1******")] // no such date: masked all the same
    [InlineData(FieldKind.Phone, "010-1234-5678", "010-****-5678")]
    [InlineData(FieldKind.Phone, "01012345678", "010****5678")]
    [InlineData(FieldKind.Phone, "02 123 4567", "02 *** 4567")]
    [InlineData(FieldKind.Phone, "1234-5678", "****-5678")]
    [InlineData(FieldKind.Phone, "1588-1234", "****-1234")]
    [InlineData(FieldKind.Phone, "010-12", "***-12")]
    [InlineData(FieldKind.Phone, "5678", "**78")]
    [InlineData(FieldKind.Account, "110-123-456789", "***-***-**6789")]
    [InlineData(FieldKind.Account, "110123456789", "********6789")]
    [InlineData(FieldKind.Account, "1101234567890123456", "***************3456")]
    [InlineData(FieldKind.Account, "123", "**3")]
    [InlineData(FieldKind.Text, "연락처 010-1234-5678", "연락처 010-****-5678")]
    [InlineData(FieldKind.Address, "서울시 중구 세종대로 110 (010-1234-5678)", "서울시 중구 세종대로 110 (010-****-5678)")]
    [InlineData(FieldKind.Name, "홍길동", "홍길동")]
    [InlineData(FieldKind.Bank, "신한 110-123-456789", "신한 ***-***-**6789")]
    [InlineData(FieldKind.Date, "2024-05-01", "2024-05-01")]
    [InlineData(FieldKind.Date, "900101-1234567", "900101-1******")]
    [InlineData(FieldKind.Date, "2024. 5. 1.", "2024. 5. 1.")]
    [InlineData(FieldKind.Date, "2024년 05월 01일", "2024년 05월 01일")]
    [InlineData(FieldKind.Amount, "1,000,000,000", "1,000,000,000")]
    [InlineData(FieldKind.Amount, "₩ 12,345,678", "₩ 12,345,678")]
    [InlineData(FieldKind.Amount, "1000000000", "1000000000")]
    [InlineData(FieldKind.Amount, "1,234,567,890", "1,234,567,890")]
    [InlineData(FieldKind.AmountHangul, "일금 일억원정", "일금 일억원정")]
    public void Masks_a_value_by_its_fields_kind(FieldKind kind, string value, string expected) =>
        Assert.Equal(expected, PiiMasker.MaskField(value, kind));

    [Theory]
    [InlineData(FieldKind.Rrn)]
    [InlineData(FieldKind.Phone)]
    [InlineData(FieldKind.Account)]
    public void Nothing_read_stays_nothing(FieldKind kind)
    {
        Assert.Null(PiiMasker.MaskField(null, kind));
        Assert.Equal("", PiiMasker.MaskField("", kind));
    }

    [Theory]
    [InlineData(FieldKind.Rrn, true)]
    [InlineData(FieldKind.Phone, true)]
    [InlineData(FieldKind.Account, true)]
    [InlineData(FieldKind.Name, false)]
    [InlineData(FieldKind.Date, false)]
    [InlineData(FieldKind.Amount, false)]
    public void Personal_number_kinds(FieldKind kind, bool expected) => Assert.Equal(expected, PiiMasker.IsPersonalNumber(kind));
}
